// MySQL and MariaDB: one database per tenant, binary no-pad VARCHAR/AUTO_INCREMENT/CHAR(36) keys,
// native column types, JSON for nested values; DDL commits, so the store runs it on another
// connection inside transactions (docs/record-model.md, "Schema changes and transactions").
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import type { Datetime, Decimal, Duration, Uuid } from "@baton/codecs";
import type { KeyKind } from "../record-store.js";
import type { CatalogTable, ColumnInfo, ColumnKind } from "../schema/table-schema.js";
import { epochDatetime, epochText, truncatedToMicros, yearOf, zonelessDatetime } from "../values/datetime-text.js";
import { normalInt } from "../values/int-value.js";
import { kindOf } from "../values/value-kind.js";
import { byStorageClass, naturalText, textAs } from "./scalar-forms.js";
import { names } from "./catalog-names.js";
import { jsonMemberPath } from "./json-member-path.js";
import { doubleComparator, integerComparator, stringComparator, type ValueClass } from "../query/comparators.js";
import { fragment } from "../query/sql-fragment.js";
import { NUMBER_RANK, STRING_RANK } from "../query/value-rank.js";
import { WIDEN_TAGS_COLUMN, WIDEN_VALUE_COLUMN, type CreateTableInput, type FilterSql, type StoreDialect } from "./store-dialect.js";

const quote = (name: string): string => `\`${name.replaceAll("`", "``")}\``;

// Binary collations compare by code point. utf8mb4_bin pads spaces in comparisons (MySQL 5.7,
// MariaDB); keys use the no-pad collation of the server (see keyCollation).
const TEXT = "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";

const COLUMN_TYPES: Readonly<Record<ColumnKind, string>> = {
  bool: "BOOLEAN",
  int: "BIGINT",
  float: "DOUBLE",
  decimal: "DECIMAL(65,30)",
  string: TEXT,
  datetime: "DATETIME(6)",
  duration: "VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
  uuid: "CHAR(36) CHARACTER SET ascii",
  bytes: "LONGBLOB",
  record: TEXT,
  json: "JSON",
};

/** The key collation: MariaDB's `utf8mb4_nopad_bin`, MySQL 8's `utf8mb4_0900_bin`. */
function keyCollation(serverVersion: string | undefined): string {
  if (serverVersion === undefined || /mariadb/i.test(serverVersion)) return "utf8mb4_nopad_bin";
  return /^5\./.test(serverVersion) ? "utf8mb4_bin" : "utf8mb4_0900_bin";
}

function kindOfType(sqlType: string): ColumnKind {
  const type = sqlType.toLowerCase();
  if (type.startsWith("tinyint(1)") || type.startsWith("bool")) return "bool";
  if (/^(tiny|small|medium|big)?int|^integer|^year/.test(type)) return "int";
  if (/^(float|double|real)/.test(type)) return "float";
  if (/^(decimal|numeric)/.test(type)) return "decimal";
  if (/^(date|timestamp)/.test(type)) return "datetime";
  if (type === "uuid") return "uuid";
  if (/blob|binary/.test(type)) return "bytes";
  if (type === "json") return "json";
  return "string";
}

// MariaDB's JSON is an alias of LONGTEXT (with a json_valid check): its catalog says longtext.
const family = (sqlType: string): string => {
  const kind = kindOfType(sqlType);
  return kind === "json" ? "string" : kind;
};

// TIMESTAMP is an instant shown in the session's time zone: it is read as `UNIX_TIMESTAMP(col)`
// and written as `FROM_UNIXTIME(?)`, so the session's zone never matters. DATETIME and DATE have
// no zone and are read as UTC.
const isTimestamp = (column: ColumnInfo): boolean => column.kind === "datetime" && /^timestamp/i.test(column.sqlType);

// TIMESTAMP holds 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC.
const MAX_TIMESTAMP_SECONDS = 2n ** 31n - 1n;

function timestampImage(value: Datetime): string | undefined {
  return value.seconds < 1n || value.seconds > MAX_TIMESTAMP_SECONDS ? undefined : epochText(value);
}

function datetimeImage(value: Datetime): string | null {
  const year = yearOf(value);
  if (year < 1000n || year > 9999n) return null;
  return truncatedToMicros(value).toISOString().replace("T", " ").replace("Z", "");
}

/** DECIMAL(65,30) prints 30 fractional digits; SurrealDB's decimals are normalised without them. */
function normalDecimal(text: string): string {
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "-0" ? "0" : trimmed;
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
      if (kind === "int") return Number(value);
      // DOUBLE holds no NaN or infinities: NULL plus the exact tag.
      return kind === "float" ? (Number.isFinite(value) ? (value as number) : null) : undefined;
    case "decimal":
      if (kind === "decimal") return (value as Decimal).value;
      return kind === "int" || (kind === "float" && Number.isFinite(value)) ? String(value) : undefined;
    case "datetime":
      if (kind !== "datetime") return undefined;
      return isTimestamp(column) ? timestampImage(value as Datetime) : datetimeImage(value as Datetime);
    case "duration":
      return kind === "duration" ? (value as Duration).toString() : undefined;
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
    if (isTimestamp(column) && typeof stored === "bigint") return epochDatetime(String(stored)) ?? normalInt(stored);
    if (column.kind === "bool" && (stored === 0n || stored === 1n)) return stored === 1n;
    if (column.kind === "float" && typeof stored === "bigint") return Number(stored);
    return byStorageClass(stored);
  }
  switch (column.kind) {
    case "datetime":
      return (isTimestamp(column) ? epochDatetime(stored) : zonelessDatetime(stored)) ?? stored;
    case "decimal":
      return textAs("decimal", normalDecimal(stored)) ?? stored;
    case "int":
      // BIGINT UNSIGNED beyond i64 arrives as text: no int holds it, so it reads as a float.
      return textAs("int", stored) ?? textAs("float", stored) ?? stored;
    case "duration":
    case "uuid":
    case "record":
    case "float":
      return textAs(column.kind, stored) ?? stored;
    case "bool":
    case "bytes":
    case "json":
    case "string":
      return stored;
  }
}

async function catalogTable(connection: SqlConnection, name: string): Promise<CatalogTable | undefined> {
  const run = (sql: string) => connection.execute({ sql, args: [name], namedArgs: [], wantRows: true });
  const columns = await run(
    "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
  );
  const rows = columns.rows.filter((row) => row[0] === name);
  if (rows.length === 0) return undefined;
  const keys = await run(
    "SELECT COLUMN_NAME, SEQ_IN_INDEX FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY'",
  );
  const positions = new Map(keys.rows.map((row) => [String(row[0]), Number(row[1])]));
  return {
    name,
    columns: rows.map((row) => ({ name: String(row[1]), sqlType: String(row[2]), keyPosition: positions.get(String(row[1])) ?? 0 })),
    rowid: false,
  };
}

function keyColumn(keyKind: KeyKind, serverVersion: string | undefined): string {
  if (keyKind === "int") return "`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
  if (keyKind === "uuid") return "`id` CHAR(36) CHARACTER SET ascii NOT NULL PRIMARY KEY";
  return `\`id\` VARCHAR(700) CHARACTER SET utf8mb4 COLLATE ${keyCollation(serverVersion)} NOT NULL PRIMARY KEY`;
}

function createTable(input: CreateTableInput): string[] {
  const link = `VARCHAR(768) CHARACTER SET utf8mb4 COLLATE ${keyCollation(input.serverVersion)} NOT NULL`;
  const edge = input.edge ? `, \`in\` ${link}, \`out\` ${link}` : "";
  const fields = input.columns.map((column) => `, ${quote(column.name)} ${COLUMN_TYPES[column.kind]}`).join("");
  const indexes = input.edge ? ", INDEX (`in`), INDEX (`out`)" : "";
  return [
    `CREATE TABLE IF NOT EXISTS ${quote(input.table)} (${keyColumn(input.keyKind, input.serverVersion)}${edge}${fields}, \`_baton_types\` JSON${indexes}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  ];
}

/**
 * Integers compare with integer literals and doubles with double literals (the connection inlines
 * each as its own type). Text compares as its UTF-8 bytes: the binary collations of text columns
 * pad spaces (`'a' = 'a '`), and a column's own collation may fold case.
 */
function valueClasses(column: ColumnInfo): ValueClass[] {
  const q = quote(column.name);
  const type = column.sqlType.toLowerCase();
  const test = fragment(`${q} IS NOT NULL`);
  if (column.kind === "int" && /^(tiny|small|medium|big)?int\b/.test(type)) {
    return [{ test, rank: NUMBER_RANK, compare: integerComparator((op, bound) => fragment(`${q} ${op} ?`, [bound])) }];
  }
  if (column.kind === "float" && type === "double") {
    return [{ test, rank: NUMBER_RANK, compare: doubleComparator((op, value) => fragment(`${q} ${op} ?`, [value])) }];
  }
  if (column.kind === "string" && /char|text/.test(type) && !/binary/.test(type)) {
    const bytes = (sql: string) => `CAST(CONVERT(${sql} USING utf8mb4) AS BINARY)`;
    return [{ test, rank: STRING_RANK, compare: stringComparator((op, value) => fragment(`${bytes(q)} ${op} ${bytes("?")}`, [value])) }];
  }
  return [];
}

const filter: FilterSql = {
  untagged(key) {
    const path = jsonMemberPath(key);
    return path === undefined ? undefined : fragment("JSON_EXTRACT(`_baton_types`, ?) IS NULL", [path]);
  },
  nullTagged(key) {
    const path = jsonMemberPath(key);
    // The tag `"null"`, not a JSON null (which JSON_UNQUOTE also spells null).
    const tag = "JSON_EXTRACT(`_baton_types`, ?)";
    return path === undefined ? undefined : fragment(`COALESCE(JSON_TYPE(${tag}) = 'STRING' AND JSON_UNQUOTE(${tag}) = 'null', 0) = 1`, [path, path]);
  },
  valueClasses,
};

export const mysqlStoreDialect: StoreDialect = {
  name: "mysql",
  quote,
  columnType: (kind) => COLUMN_TYPES[kind],
  kindOfType,
  annotationFits: (annotation, declared) => family(annotation) === family(declared),
  createTable,
  addColumn: ({ table, column, kind }) => `ALTER TABLE ${quote(table)} ADD COLUMN ${quote(column)} ${COLUMN_TYPES[kind]}`,
  duplicateColumn: /duplicate column/i,
  createMeta:
    "CREATE TABLE IF NOT EXISTS `_baton_meta` (`tb` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `item` VARCHAR(700) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `def` JSON NOT NULL, PRIMARY KEY (`tb`, `item`)) ENGINE=InnoDB",
  upsertMeta: "INSERT INTO `_baton_meta` (`tb`, `item`, `def`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `def` = VALUES(`def`)",
  // Key columns within InnoDB's 3072-byte key (4 bytes a character), no-pad like record keys.
  createCatalog: (serverVersion) =>
    `CREATE TABLE IF NOT EXISTS \`_baton_catalog\` (\`kind\` VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, \`tb\` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE ${keyCollation(serverVersion)} NOT NULL, \`name\` VARCHAR(500) CHARACTER SET utf8mb4 COLLATE ${keyCollation(serverVersion)} NOT NULL, \`text\` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, PRIMARY KEY (\`kind\`, \`tb\`, \`name\`)) ENGINE=InnoDB`,
  upsertDefinition:
    "INSERT INTO `_baton_catalog` (`kind`, `tb`, `name`, `text`) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE `text` = VALUES(`text`)",
  tableNames: (connection) => names(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"),
  catalogTable,
  foldsTableCase: false,
  foldsColumnCase: true,
  maxNameLength: 64,
  write,
  settle(stored, column) {
    // DOUBLE stores -0 as 0.
    if (Object.is(stored, -0)) return 0;
    return column.kind === "decimal" && typeof stored === "string" ? normalDecimal(stored) : stored;
  },
  selectExpression: (column) => (isTimestamp(column) ? `UNIX_TIMESTAMP(${quote(column.name)})` : undefined),
  placeholder: (column) => (isTimestamp(column) ? "FROM_UNIXTIME(?)" : "?"),
  read,
  insertedKey: "lastInsertRowid",
  beginStatement: "BEGIN",
  beginReadStatement: "START TRANSACTION READ ONLY",
  // InnoDB row locks rather than GET_LOCK: they end with the transaction however it ends (a
  // deadlock's rollback included), taint no session, and join InnoDB's deadlock detection.
  keyLock: {
    mode: "row",
    createTable: "CREATE TABLE IF NOT EXISTS `_baton_locks` (`k` BINARY(32) NOT NULL PRIMARY KEY) ENGINE=InnoDB",
    hasKey: "SELECT 1 FROM `_baton_locks` WHERE `k` = UNHEX(SHA2(?, 256))",
    addKey: "INSERT IGNORE INTO `_baton_locks` (`k`) VALUES (UNHEX(SHA2(?, 256)))",
    take: "SELECT 1 FROM `_baton_locks` WHERE `k` = UNHEX(SHA2(?, 256)) FOR UPDATE",
    // MySQL 8 and MariaDB both take this spelling (MariaDB has no FOR SHARE).
    lockingRead: " LOCK IN SHARE MODE",
  },
  ddlCommits: true,
  filter,
  widening: {
    mode: "copy",
    // Keeps other sessions from writing the old column between the copy and the swap.
    lock: (table) => `LOCK TABLES ${quote(table)} WRITE`,
    unlock: "UNLOCK TABLES",
    dropCopies: (table, present) => `ALTER TABLE ${quote(table)} ${present.map((column) => `DROP COLUMN ${quote(column)}`).join(", ")}`,
    addCopies: ({ table, kind }) =>
      `ALTER TABLE ${quote(table)} ADD COLUMN ${quote(WIDEN_VALUE_COLUMN)} ${COLUMN_TYPES[kind]}, ADD COLUMN ${quote(WIDEN_TAGS_COLUMN)} JSON`,
    swap: ({ table, column, kind, after }) =>
      `ALTER TABLE ${quote(table)} DROP COLUMN ${quote(column)}, DROP COLUMN \`_baton_types\`, CHANGE COLUMN ${quote(WIDEN_VALUE_COLUMN)} ${quote(column)} ${COLUMN_TYPES[kind]} AFTER ${quote(after)}, CHANGE COLUMN ${quote(WIDEN_TAGS_COLUMN)} \`_baton_types\` JSON`,
  },
};
