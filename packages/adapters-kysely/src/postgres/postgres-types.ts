// Postgres type OIDs: their names (reported as a column's decltype) and how their values are
// read. Built-in types are listed here; others (enums, domains, extension types, their arrays)
// are looked up in pg_type once per adapter and remembered (OIDs are unique per database).

/** How a value of the type is read from Postgres's text output. */
export type ValueKind =
  | "bool"
  | "integer"
  | "float"
  | "numeric"
  | "json"
  | "bytea"
  | "timestamp"
  | "timestamptz"
  | "timetz"
  | "array"
  | "text";

export interface PgType {
  /** The name reported as decltype: `int8`, `timestamptz`, `int4[]`, or a user type's name. */
  readonly name: string;
  readonly kind: ValueKind;
  /** For arrays: the element type and the delimiter between elements (`,`; `;` for box). */
  readonly element?: number;
  readonly delimiter?: string;
}

/** One row of the pg_type lookup (see TYPE_LOOKUP_SQL), as text. */
export interface PgTypeRow {
  readonly oid: number;
  readonly name: string;
  /** typtype: b base, c composite, d domain, e enum, p pseudo, r range, m multirange. */
  readonly type: string;
  readonly category: string;
  readonly element: number;
  readonly delimiter: string;
  readonly baseType: number;
}

/** Finds types by OID; `$1` is an `oid[]` literal such as `{16384,16390}`. */
export const TYPE_LOOKUP_SQL =
  "SELECT oid::int8, typname, typtype, typcategory, typelem::int8, typdelim, typbasetype::int8 FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])";

const scalar = (name: string, kind: ValueKind): PgType => ({ name, kind });

// prettier-ignore
const SCALARS: ReadonlyArray<readonly [number, PgType]> = [
  [16, scalar("bool", "bool")], [17, scalar("bytea", "bytea")], [18, scalar("char", "text")],
  [19, scalar("name", "text")], [20, scalar("int8", "integer")], [21, scalar("int2", "integer")],
  [23, scalar("int4", "integer")], [25, scalar("text", "text")], [26, scalar("oid", "integer")],
  [114, scalar("json", "json")], [142, scalar("xml", "text")], [700, scalar("float4", "float")],
  [701, scalar("float8", "float")], [705, scalar("unknown", "text")], [790, scalar("money", "text")],
  [869, scalar("inet", "text")], [650, scalar("cidr", "text")], [829, scalar("macaddr", "text")],
  [1042, scalar("bpchar", "text")], [1043, scalar("varchar", "text")], [1082, scalar("date", "text")],
  [1083, scalar("time", "text")], [1114, scalar("timestamp", "timestamp")],
  [1184, scalar("timestamptz", "timestamptz")], [1186, scalar("interval", "text")],
  [1266, scalar("timetz", "timetz")], [1560, scalar("bit", "text")], [1562, scalar("varbit", "text")],
  [1700, scalar("numeric", "numeric")], [2249, scalar("record", "text")], [2278, scalar("void", "text")],
  [2950, scalar("uuid", "text")], [3614, scalar("tsvector", "text")], [3615, scalar("tsquery", "text")],
  [3802, scalar("jsonb", "json")], [4072, scalar("jsonpath", "text")],
];
// Array OID → element OID.
// prettier-ignore
const ARRAYS: ReadonlyArray<readonly [number, number]> = [
  [1000, 16], [1001, 17], [1002, 18], [1003, 19], [1005, 21], [1007, 23], [1009, 25], [1016, 20],
  [1028, 26], [199, 114], [143, 142], [1021, 700], [1022, 701], [791, 790], [1041, 869], [651, 650],
  [1014, 1042], [1015, 1043], [1182, 1082], [1183, 1083], [1115, 1114], [1185, 1184], [1187, 1186],
  [1270, 1266], [1231, 1700], [2951, 2950], [3807, 3802],
];

function builtins(): Map<number, PgType> {
  const types = new Map<number, PgType>(SCALARS);
  for (const [oid, element] of ARRAYS) {
    types.set(oid, { name: `${types.get(element)?.name ?? element}[]`, kind: "array", element, delimiter: "," });
  }
  return types;
}

/** What the adapter knows about types; shared by all its connections. */
export class PgTypeRegistry {
  readonly #known = builtins();
  readonly #rows = new Map<number, PgTypeRow>();

  /** The type of `oid`; a type nobody could look up reads as text, named by its OID. */
  get(oid: number): PgType {
    const known = this.#known.get(oid);
    if (known !== undefined) return known;
    const resolved = this.#resolve(oid, 0);
    if (resolved !== undefined) this.#known.set(oid, resolved);
    return resolved ?? { name: String(oid), kind: "text" };
  }

  /** The OIDs to look up before `oids` can be read: unknown ones, and unknown elements or domain bases. */
  missing(oids: Iterable<number>): number[] {
    const missing = new Set<number>();
    const visit = (oid: number, depth: number): void => {
      if (oid === 0 || depth > 8 || this.#known.has(oid)) return;
      const row = this.#rows.get(oid);
      if (row === undefined) {
        missing.add(oid);
        return;
      }
      if (row.category === "A") visit(row.element, depth + 1);
      if (row.type === "d") visit(row.baseType, depth + 1);
    };
    for (const oid of oids) visit(oid, 0);
    return [...missing];
  }

  /** Remembers looked-up rows; an OID pg_type does not know is remembered as plain text. */
  learn(rows: readonly PgTypeRow[], asked: readonly number[]): void {
    for (const row of rows) this.#rows.set(row.oid, row);
    for (const oid of asked) {
      if (!this.#rows.has(oid)) this.#known.set(oid, { name: String(oid), kind: "text" });
    }
  }

  #resolve(oid: number, depth: number): PgType | undefined {
    const known = this.#known.get(oid);
    if (known !== undefined || depth > 8) return known;
    const row = this.#rows.get(oid);
    if (row === undefined) return undefined;
    if (row.category === "A" && row.element !== 0) {
      const element = this.#resolve(row.element, depth + 1);
      return { name: `${element?.name ?? row.element}[]`, kind: "array", element: row.element, delimiter: row.delimiter || "," };
    }
    // A domain is named as declared and read as its base type.
    if (row.type === "d") return { ...(this.#resolve(row.baseType, depth + 1) ?? scalar(row.name, "text")), name: row.name };
    return scalar(row.name, "text");
  }
}
