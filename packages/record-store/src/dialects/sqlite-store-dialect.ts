// SQLite and local libSQL files: TEXT/INTEGER keys, declared types chosen for their affinity,
// every value stored by its own storage class (docs/record-model.md, "Fields and columns").
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import type { Datetime, Uuid } from "@baton/codecs";
import type { KeyKind } from "../record-store.js";
import type { CatalogTable, ColumnInfo, ColumnKind } from "../schema/table-schema.js";
import { fixedWidthText } from "../values/datetime-text.js";
import { kindOf } from "../values/value-kind.js";
import { byStorageClass, naturalText, textAs } from "./scalar-forms.js";
import { names } from "./catalog-names.js";
import { jsonMemberPath } from "./json-member-path.js";
import { doubleComparator, integerComparator, stringComparator, type ValueClass } from "../query/comparators.js";
import { fragment } from "../query/sql-fragment.js";
import { BYTES_RANK, NUMBER_RANK, STRING_RANK } from "../query/value-rank.js";
import type { CreateTableInput, FilterSql, StoreDialect } from "./store-dialect.js";

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const COLUMN_TYPES: Readonly<Record<ColumnKind, string>> = {
  bool: "BOOLEAN",
  int: "INTEGER",
  float: "REAL",
  decimal: "TEXT",
  string: "TEXT",
  datetime: "DATETIME",
  duration: "TEXT",
  uuid: "TEXT",
  bytes: "BLOB",
  record: "TEXT",
  json: "TEXT",
};

type Affinity = "INTEGER" | "TEXT" | "BLOB" | "REAL" | "NUMERIC";

/** SQLite's affinity rules (https://sqlite.org/datatype3.html, 3.1). */
function affinityOf(sqlType: string): Affinity {
  const type = sqlType.toUpperCase();
  if (type.includes("INT")) return "INTEGER";
  if (type.includes("CHAR") || type.includes("CLOB") || type.includes("TEXT")) return "TEXT";
  if (type.includes("BLOB") || type === "") return "BLOB";
  if (type.includes("REAL") || type.includes("FLOA") || type.includes("DOUB")) return "REAL";
  return "NUMERIC";
}

const NUMERIC_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const TWO_63 = 2 ** 63;

/** A REAL that NUMERIC and INTEGER affinity keep as an integer (lossless and reversible). */
function realAsInteger(value: number): SqlValue {
  return Number.isInteger(value) && value > -TWO_63 && value < TWO_63 ? BigInt(value) : value;
}

function numericFromText(text: string, affinity: Affinity): SqlValue {
  if (!NUMERIC_TEXT.test(text)) return text;
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed)) {
    const integer = BigInt(trimmed);
    if (integer >= INT64_MIN && integer <= INT64_MAX) return affinity === "REAL" ? Number(integer) : integer;
  }
  const real = Number(trimmed);
  return affinity === "REAL" ? real : realAsInteger(real);
}

function readColumn(stored: SqlValue, column: ColumnInfo): unknown {
  if (typeof stored === "bigint") {
    if (column.kind === "bool" && (stored === 0n || stored === 1n)) return stored === 1n;
    if (column.kind === "float") return Number(stored);
    return byStorageClass(stored);
  }
  if (typeof stored === "string") {
    const kind = column.kind === "json" || column.kind === "bool" || column.kind === "int" || column.kind === "float" ? "string" : column.kind;
    return textAs(kind, stored) ?? stored;
  }
  return stored;
}

function writeScalar(value: unknown, column: ColumnInfo): SqlValue | undefined {
  const text = affinityOf(column.sqlType) === "TEXT";
  switch (kindOf(value)) {
    case "bool":
      return text ? naturalText(value) : value === true ? 1n : 0n;
    case "int":
      return text ? naturalText(value) : BigInt(value as number | bigint);
    case "float":
      // NaN binds as NULL in SQLite; the caller tags it.
      return Number.isNaN(value) ? null : text ? naturalText(value) : (value as number);
    case "datetime":
      return fixedWidthText(value as Datetime);
    case "uuid":
      return (value as Uuid).toString().toLowerCase();
    case "bytes":
      return value as Uint8Array;
    case "decimal":
    case "string":
    case "duration":
    case "record":
    case "table":
      return naturalText(value);
    case "none":
    case "null":
    case "set":
    case "array":
    case "object":
    case "geometry":
    case "range":
      return undefined;
  }
}

async function catalogTable(connection: SqlConnection, name: string): Promise<CatalogTable | undefined> {
  const found = await connection.execute({
    sql: "SELECT name, sql FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
    args: [name],
    namedArgs: [],
    wantRows: true,
  });
  const row = found.rows[0];
  if (row === undefined) return undefined;
  const stored = String(row[0]);
  const info = await connection.execute({
    sql: "SELECT name, type, pk FROM pragma_table_info(?)",
    args: [stored],
    namedArgs: [],
    wantRows: true,
  });
  const columns = info.rows.map((r) => ({ name: String(r[0]), sqlType: String(r[1] ?? ""), keyPosition: Number(r[2]) }));
  const withoutRowid = /\bWITHOUT\s+ROWID\s*;?\s*$/i.test(String(row[1] ?? ""));
  return { name: stored, columns, rowid: !withoutRowid && columns.every((c) => c.keyPosition === 0) };
}

function keyColumn(keyKind: KeyKind): string {
  return keyKind === "int" ? `"id" INTEGER PRIMARY KEY` : `"id" TEXT PRIMARY KEY NOT NULL`;
}

function createTable(input: CreateTableInput): string[] {
  const t = quote(input.table);
  const edge = input.edge ? `, "in" TEXT NOT NULL, "out" TEXT NOT NULL` : "";
  const fields = input.columns.map((column) => `, ${quote(column.name)} ${COLUMN_TYPES[column.kind]}`).join("");
  const statements = [`CREATE TABLE IF NOT EXISTS ${t} (${keyColumn(input.keyKind)}${edge}${fields}, "_baton_types" TEXT)`];
  if (input.edge) {
    statements.push(`CREATE INDEX IF NOT EXISTS ${quote(`${input.table}_in_out`)} ON ${t} ("in", "out")`);
    statements.push(`CREATE INDEX IF NOT EXISTS ${quote(`${input.table}_out_in`)} ON ${t} ("out", "in")`);
  }
  return statements;
}

function sqliteKindOfType(sqlType: string): ColumnKind {
  const type = sqlType.toUpperCase();
  if (type.startsWith("BOOL")) return "bool";
  if (type.startsWith("DATE") || type.startsWith("TIME")) return "datetime";
  if (type.includes("JSON")) return "json";
  if (type.includes("UUID")) return "uuid";
  const affinity = affinityOf(sqlType);
  if (affinity === "INTEGER") return "int";
  if (affinity === "REAL") return "float";
  if (affinity === "BLOB" && type !== "") return "bytes";
  return "string";
}

// Malformed JSON would make json_extract fail: it reads as no tags, as TagLookup reads it.
const tagAt = `CASE WHEN json_valid("_baton_types") THEN json_extract("_baton_types", ?) END`;

/**
 * Values are typed per row by storage class, whatever the column's affinity: `typeof` tells them
 * apart. `+column` has no affinity, so a compared literal is never converted (a text '5' stays
 * text next to an INTEGER column); BINARY compares UTF-8 bytes, which is code point order.
 */
function valueClasses(column: ColumnInfo): ValueClass[] {
  if (column.kind !== "int" && column.kind !== "float" && column.kind !== "string") return [];
  const q = quote(column.name);
  const classes: ValueClass[] = [
    {
      test: fragment(`typeof(${q}) = 'real'`),
      rank: NUMBER_RANK,
      compare: doubleComparator((op, value) => fragment(`+${q} ${op} ?`, [value])),
    },
    {
      test: fragment(`typeof(${q}) = 'text'`),
      rank: STRING_RANK,
      compare: stringComparator((op, value) => fragment(`+${q} COLLATE BINARY ${op} ?`, [value])),
    },
    { test: fragment(`typeof(${q}) = 'blob'`), rank: BYTES_RANK },
  ];
  // A float column reads an integer as a double (lossy beyond 2^53): only int and text columns keep them.
  if (column.kind !== "float") {
    classes.push({
      test: fragment(`typeof(${q}) = 'integer'`),
      rank: NUMBER_RANK,
      compare: integerComparator((op, bound) => fragment(`+${q} ${op} ?`, [bound])),
    });
  }
  return classes;
}

const filter: FilterSql = {
  untagged(key) {
    const path = jsonMemberPath(key);
    return path === undefined ? undefined : fragment(`(${tagAt}) IS NULL`, [path]);
  },
  nullTagged(key) {
    const path = jsonMemberPath(key);
    return path === undefined ? undefined : fragment(`IFNULL(${tagAt}, '') = 'null'`, [path]);
  },
  valueClasses,
};

export const sqliteStoreDialect: StoreDialect = {
  name: "sqlite",
  quote,
  columnType: (kind) => COLUMN_TYPES[kind],
  annotationFits: (annotation, declared) => sqliteKindOfType(annotation) === sqliteKindOfType(declared),
  kindOfType: (sqlType) => sqliteKindOfType(sqlType),
  createTable,
  addColumn: ({ table, column, kind }) => `ALTER TABLE ${quote(table)} ADD COLUMN ${quote(column)} ${COLUMN_TYPES[kind]}`,
  duplicateColumn: /duplicate column name/i,
  createMeta: `CREATE TABLE IF NOT EXISTS "_baton_meta" ("tb" TEXT NOT NULL, "item" TEXT NOT NULL, "def" TEXT NOT NULL, PRIMARY KEY ("tb", "item"))`,
  upsertMeta: `INSERT INTO "_baton_meta" ("tb", "item", "def") VALUES (?, ?, ?) ON CONFLICT ("tb", "item") DO UPDATE SET "def" = excluded."def"`,
  createCatalog: () =>
    `CREATE TABLE IF NOT EXISTS "_baton_catalog" ("kind" TEXT NOT NULL, "tb" TEXT NOT NULL, "name" TEXT NOT NULL, "text" TEXT NOT NULL, PRIMARY KEY ("kind", "tb", "name"))`,
  upsertDefinition: `INSERT INTO "_baton_catalog" ("kind", "tb", "name", "text") VALUES (?, ?, ?, ?) ON CONFLICT ("kind", "tb", "name") DO UPDATE SET "text" = excluded."text"`,
  tableNames: (connection) =>
    names(connection, "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"),
  catalogTable,
  foldsTableCase: true,
  foldsColumnCase: true,
  maxNameLength: 1000,
  write: writeScalar,
  settle(stored, column) {
    const affinity = affinityOf(column.sqlType);
    // SQLite stores -0.0 as 0.
    if (Object.is(stored, -0)) return affinity === "TEXT" ? "0" : affinity === "REAL" || affinity === "BLOB" ? 0 : 0n;
    if (affinity === "BLOB" || stored === null || stored instanceof Uint8Array) return stored;
    if (affinity === "TEXT") return typeof stored === "string" ? stored : String(stored);
    if (typeof stored === "string") return numericFromText(stored, affinity);
    if (typeof stored === "bigint") return affinity === "REAL" ? Number(stored) : stored;
    return affinity === "REAL" ? stored : realAsInteger(stored);
  },
  read: readColumn,
  insertedKey: "lastInsertRowid",
  beginStatement: "BEGIN IMMEDIATE",
  // A deferred transaction takes only a read snapshot: readers never queue for the write lock.
  beginReadStatement: "BEGIN",
  keyLock: { mode: "serialised" },
  ddlCommits: false,
  filter,
  widening: undefined,
};
