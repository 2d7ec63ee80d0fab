// Postgres: one schema per tenant (search_path), `text COLLATE "C"`/identity/uuid keys, native
// column types, jsonb for nested values (docs/record-model.md, "Fields and columns").
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import { type Datetime, type Decimal, Duration, type Uuid } from "@baton/codecs";
import type { KeyKind } from "../record-store.js";
import type { CatalogTable, ColumnInfo, ColumnKind } from "../schema/table-schema.js";
import { truncatedToMicros, yearOf, zonelessDatetime } from "../values/datetime-text.js";
import { kindOf } from "../values/value-kind.js";
import { byStorageClass, naturalText, textAs } from "./scalar-forms.js";
import { names } from "./catalog-names.js";
import { doubleComparator, integerComparator, stringComparator, type ValueClass } from "../query/comparators.js";
import { fragment } from "../query/sql-fragment.js";
import { NUMBER_RANK, STRING_RANK } from "../query/value-rank.js";
import type { CreateTableInput, FilterSql, StoreDialect } from "./store-dialect.js";

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const COLUMN_TYPES: Readonly<Record<ColumnKind, string>> = {
  bool: "boolean",
  int: "bigint",
  float: "double precision",
  decimal: "numeric",
  string: 'text COLLATE "C"',
  datetime: "timestamptz",
  duration: "interval",
  uuid: "uuid",
  bytes: "bytea",
  record: 'text COLLATE "C"',
  json: "jsonb",
};

function kindOfType(sqlType: string): ColumnKind {
  const type = sqlType.toLowerCase().replace(/\s+collate\s+.*$/, "").trim();
  if (type.endsWith("[]") || type === "json" || type === "jsonb") return "json";
  if (type === "boolean" || type === "bool") return "bool";
  if (/^(smallint|integer|bigint|int[248]?|serial|bigserial)$/.test(type)) return "int";
  if (/^(real|double precision|float[48]?)$/.test(type)) return "float";
  if (type.startsWith("numeric") || type.startsWith("decimal")) return "decimal";
  if (type.startsWith("timestamp") || type === "date") return "datetime";
  if (type.startsWith("interval")) return "duration";
  if (type === "uuid") return "uuid";
  if (type === "bytea") return "bytes";
  return "string";
}

// timestamptz holds 4713 BC to 294276 AD; years outside 1–9999 are stored as NULL plus their
// exact text, which keeps the ISO text exchange simple.
const MIN_YEAR = 1n;
const MAX_YEAR = 9999n;
const MICROS_PER_SECOND = 1_000_000n;
// An interval's microseconds are an int64.
const MAX_INTERVAL_SECONDS = 2n ** 63n / MICROS_PER_SECOND - 1n;

function datetimeImage(value: Datetime): string | null {
  const year = yearOf(value);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return truncatedToMicros(value).toISOString();
}

/** `H:MM:SS.ffffff`, as Postgres prints an interval without days or months. */
function durationImage(value: Duration): string | null {
  if (value.seconds > MAX_INTERVAL_SECONDS) return null;
  const hours = value.seconds / 3600n;
  const minutes = (value.seconds / 60n) % 60n;
  const seconds = value.seconds % 60n;
  const micros = Math.floor(value.nanoseconds / 1000);
  const fraction = micros === 0 ? "" : `.${String(micros).padStart(6, "0")}`;
  return `${hours}:${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}${fraction}`;
}

// An interval as IntervalStyle `postgres` (`1 day 02:03:04.5`) or `iso_8601` (`P1DT2H3M4.5S`)
// prints it; with months, years or negative parts it is no duration.
const INTERVAL = /^(?:(\d+) days? ?)?(?:(\d+):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?$/;
const ISO_INTERVAL = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,6}))?S)?)?$/;

/** An interval without months or negative parts, as a duration. */
function parseInterval(text: string): Duration | undefined {
  const match = INTERVAL.exec(text) ?? ISO_INTERVAL.exec(text);
  if (match === null || text === "" || text === "P" || text.endsWith("T")) return undefined;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0", fraction = ""] = match;
  const total = BigInt(days) * 86_400n + BigInt(hours) * 3600n + BigInt(minutes) * 60n + BigInt(seconds);
  return new Duration(total, Number(fraction.padEnd(6, "0")) * 1000);
}

function write(value: unknown, column: ColumnInfo): SqlValue | undefined {
  const kind = kindOf(value);
  switch (column.kind) {
    case "string":
    case "record":
      return kind === "bytes" ? Buffer.from(value as Uint8Array).toString("base64") : naturalText(value);
    case "bool":
      return kind === "bool" ? (value === true ? 1n : 0n) : undefined;
    case "int":
      return kind === "int" ? BigInt(value as number | bigint) : kind === "float" && Object.is(value, -0) ? 0n : undefined;
    case "float":
      // Sent as a number, so the read-back models double precision's rounding of large ints.
      return kind === "float" ? (value as number) : kind === "int" ? Number(value) : undefined;
    case "decimal":
      return kind === "decimal" ? (value as Decimal).value : kind === "int" || kind === "float" ? String(value) : undefined;
    case "datetime":
      return kind === "datetime" ? datetimeImage(value as Datetime) : undefined;
    case "duration":
      return kind === "duration" ? durationImage(value as Duration) : undefined;
    case "uuid":
      return kind === "uuid" ? (value as Uuid).toString() : undefined;
    case "bytes":
      return kind === "bytes" ? (value as Uint8Array) : undefined;
    case "json":
      return undefined;
  }
}

function read(stored: SqlValue, column: ColumnInfo): unknown {
  if (typeof stored !== "string") {
    if (column.kind === "bool" && typeof stored === "bigint") return stored === 1n;
    if (column.kind === "float" && typeof stored === "bigint") return Number(stored);
    return byStorageClass(stored);
  }
  switch (column.kind) {
    case "float":
      return textAs("float", stored) ?? stored;
    case "int":
      return textAs("int", stored) ?? stored;
    case "duration":
      return parseInterval(stored) ?? stored;
    case "datetime":
      // `date` and `timestamp` (no zone) print without an offset: read as UTC.
      return textAs("datetime", stored) ?? zonelessDatetime(stored) ?? stored;
    case "decimal":
    case "uuid":
    case "record":
      return textAs(column.kind, stored) ?? stored;
    case "bool":
    case "bytes":
    case "json":
    case "string":
      return stored;
  }
}

const CATALOG_SQL = `SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
  coalesce((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) WHERE k.attnum = a.attnum), 0)::int8
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
ORDER BY a.attnum`;

async function catalogTable(connection: SqlConnection, name: string): Promise<CatalogTable | undefined> {
  const result = await connection.execute({ sql: CATALOG_SQL, args: [name], namedArgs: [], wantRows: true });
  if (result.rows.length === 0) return undefined;
  const columns = result.rows.map((row) => ({ name: String(row[1]), sqlType: String(row[2]), keyPosition: Number(row[3]) }));
  return { name, columns, rowid: false };
}

function keyColumn(keyKind: KeyKind): string {
  if (keyKind === "int") return `"id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY`;
  if (keyKind === "uuid") return `"id" uuid PRIMARY KEY`;
  return `"id" text COLLATE "C" PRIMARY KEY`;
}

/** An index name within Postgres's 63 bytes. */
function indexName(table: string, suffix: string): string {
  let base = table;
  while (Buffer.byteLength(`${base}_${suffix}`) > 63) base = base.slice(0, -1);
  return `${base}_${suffix}`;
}

function createTable(input: CreateTableInput): string[] {
  const t = quote(input.table);
  const edge = input.edge ? `, "in" text COLLATE "C" NOT NULL, "out" text COLLATE "C" NOT NULL` : "";
  const fields = input.columns.map((column) => `, ${quote(column.name)} ${COLUMN_TYPES[column.kind]}`).join("");
  const statements = [`CREATE TABLE IF NOT EXISTS ${t} (${keyColumn(input.keyKind)}${edge}${fields}, "_baton_types" jsonb)`];
  if (input.edge) {
    statements.push(`CREATE INDEX IF NOT EXISTS ${quote(indexName(input.table, "in_out"))} ON ${t} ("in", "out")`);
    statements.push(`CREATE INDEX IF NOT EXISTS ${quote(indexName(input.table, "out_in"))} ON ${t} ("out", "in")`);
  }
  return statements;
}

/**
 * Integer and double columns compare with literals of their own type (a bigint against a double
 * would go through float8); text compares in the "C" collation, byte order, which is code point
 * order in UTF-8. `char(n)` ignores trailing spaces and `real` is single precision: not pushed.
 */
function valueClasses(column: ColumnInfo): ValueClass[] {
  const q = quote(column.name);
  const type = column.sqlType.toLowerCase().replace(/\s+collate\s+.*$/, "").trim();
  const test = fragment(`${q} IS NOT NULL`);
  if (column.kind === "int" && /^(smallint|integer|bigint)$/.test(type)) {
    return [{ test, rank: NUMBER_RANK, compare: integerComparator((op, bound) => fragment(`${q} ${op} ?::bigint`, [bound])) }];
  }
  if (column.kind === "float" && type === "double precision") {
    return [{ test, rank: NUMBER_RANK, compare: doubleComparator((op, value) => fragment(`${q} ${op} ?::float8`, [value])) }];
  }
  if (column.kind === "string" && (type === "text" || type.startsWith("character varying"))) {
    return [{ test, rank: STRING_RANK, compare: stringComparator((op, value) => fragment(`${q} COLLATE "C" ${op} ?::text`, [value])) }];
  }
  return [];
}

const filter: FilterSql = {
  untagged: (key) => fragment(`("_baton_types" -> ?::text) IS NULL`, [key]),
  nullTagged: (key) => fragment(`COALESCE(("_baton_types" -> ?::text) = '"null"'::jsonb, false)`, [key]),
  valueClasses,
};

export const postgresStoreDialect: StoreDialect = {
  name: "postgres",
  quote,
  columnType: (kind) => COLUMN_TYPES[kind],
  kindOfType,
  annotationFits: (annotation, declared) => kindOfType(annotation) === kindOfType(declared),
  createTable,
  addColumn: ({ table, column, kind }) => `ALTER TABLE ${quote(table)} ADD COLUMN IF NOT EXISTS ${quote(column)} ${COLUMN_TYPES[kind]}`,
  createMeta: `CREATE TABLE IF NOT EXISTS "_baton_meta" ("tb" text NOT NULL, "item" text NOT NULL, "def" jsonb NOT NULL, PRIMARY KEY ("tb", "item"))`,
  upsertMeta: `INSERT INTO "_baton_meta" ("tb", "item", "def") VALUES (?, ?, ?) ON CONFLICT ("tb", "item") DO UPDATE SET "def" = excluded."def"`,
  createCatalog: () =>
    `CREATE TABLE IF NOT EXISTS "_baton_catalog" ("kind" text COLLATE "C" NOT NULL, "tb" text COLLATE "C" NOT NULL, "name" text COLLATE "C" NOT NULL, "text" text NOT NULL, PRIMARY KEY ("kind", "tb", "name"))`,
  upsertDefinition: `INSERT INTO "_baton_catalog" ("kind", "tb", "name", "text") VALUES (?, ?, ?, ?) ON CONFLICT ("kind", "tb", "name") DO UPDATE SET "text" = excluded."text"`,
  tableNames: (connection) =>
    names(connection, "SELECT relname FROM pg_catalog.pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'f')"),
  catalogTable,
  foldsTableCase: false,
  foldsColumnCase: false,
  maxNameLength: 63,
  write,
  settle: (stored) => stored,
  read,
  // pg_get_serial_sequence parses its first argument as SQL (quoted) and takes the column literally.
  resetIdentity: ({ table, column }) =>
    `SELECT setval(pg_get_serial_sequence('${quote(table).replaceAll("'", "''")}', '${column.replaceAll("'", "''")}'), (SELECT max(${quote(column)}) FROM ${quote(table)}))`,
  insertedKey: "returning",
  // Said outright, whatever the server's default_transaction_isolation: key locks rely on each
  // statement seeing what the lock's previous holder committed (docs/record-model.md, "Key locks").
  beginStatement: "BEGIN ISOLATION LEVEL READ COMMITTED",
  beginReadStatement: "BEGIN READ ONLY",
  // Two sessions creating the same table race in the catalog (23505 on pg_type's unique index)
  // however IF NOT EXISTS is written; a lock held to the end of the transaction makes the second
  // wait until the first commits and then find the table made. Keyed by schema: one per tenant.
  schemaLock: "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.' || ?::text))",
  // Two keys, schema and name: apart from the one-key `schemaLock` space, and one set per tenant.
  keyLock: { mode: "advisory", take: "SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(?::text))" },
  ddlCommits: false,
  filter,
  // In place rather than add/copy/drop/rename: the column keeps its position (positional INSERTs
  // and `SELECT *` readers are unaffected), and both rewrite the table under the same lock.
  widening: {
    mode: "retype",
    lock: (table) => `LOCK TABLE ${quote(table)} IN ACCESS EXCLUSIVE MODE`,
    retype: ({ table, column, kind }) =>
      `ALTER TABLE ${quote(table)} ALTER COLUMN ${quote(column)} TYPE ${COLUMN_TYPES[kind]} USING NULL`,
  },
};
