// Result columns: the declared type a MySQL column definition stands for, and how to turn the
// text protocol's bytes of each column into an exact Hrana value.
//   TINYINT … BIGINT, YEAR, BIT  → bigint (BIGINT UNSIGNED and BIT(64) beyond int64 → decimal text)
//   FLOAT, DOUBLE                → number (the server prints the shortest round-trip digits)
//   DECIMAL                      → text, exact
//   DATE, TIME, DATETIME, TIMESTAMP → text as the server prints it ("2024-01-02 03:04:05.123")
//   JSON                         → text
//   binary strings, BLOB, GEOMETRY → Uint8Array
//   other strings                → string, decoded from the column's character set
import { TextDecoder } from "node:util";
import type { ResultColumn, SqlValue } from "../executor.js";

/** What we read of a column definition (mysql2's ColumnDefinition). */
export interface ColumnDefinition {
  readonly name: string;
  readonly orgTable?: string;
  readonly columnType?: number;
  readonly flags: number | string[];
  readonly characterSet?: number;
  readonly encoding?: string;
  readonly columnLength?: number;
  readonly decimals: number;
  /** MariaDB extended metadata: `uuid`, `inet6`, `point`, … */
  readonly extendedTypeName?: string;
  /** MariaDB extended metadata: `json` for JSON columns (stored as LONGTEXT). */
  readonly extendedFormat?: string;
}

/** Decodes one non-NULL cell. */
export type CellDecoder = (cell: Buffer) => SqlValue;

// Field types (include/mysql_com.h enum_field_types).
const Type = {
  DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, NULL: 6, TIMESTAMP: 7, LONGLONG: 8,
  INT24: 9, DATE: 10, TIME: 11, DATETIME: 12, YEAR: 13, NEWDATE: 14, VARCHAR: 15, BIT: 16,
  TIMESTAMP2: 17, DATETIME2: 18, TIME2: 19, VECTOR: 242, JSON: 245, NEWDECIMAL: 246, ENUM: 247,
  SET: 248, TINY_BLOB: 249, MEDIUM_BLOB: 250, LONG_BLOB: 251, BLOB: 252, VAR_STRING: 253,
  STRING: 254, GEOMETRY: 255,
} as const;
const UNSIGNED_FLAG = 32;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;
const BINARY_CHARSET = 63;
const INT64_MAX = 2n ** 63n - 1n;

const INTEGER_NAMES: Readonly<Record<number, string>> = {
  [Type.TINY]: "TINYINT",
  [Type.SHORT]: "SMALLINT",
  [Type.INT24]: "MEDIUMINT",
  [Type.LONG]: "INT",
  [Type.LONGLONG]: "BIGINT",
};
const SIMPLE_NAMES: Readonly<Record<number, string>> = {
  [Type.FLOAT]: "FLOAT",
  [Type.DOUBLE]: "DOUBLE",
  [Type.TIMESTAMP]: "TIMESTAMP",
  [Type.TIMESTAMP2]: "TIMESTAMP",
  [Type.DATE]: "DATE",
  [Type.NEWDATE]: "DATE",
  [Type.TIME]: "TIME",
  [Type.TIME2]: "TIME",
  [Type.DATETIME]: "DATETIME",
  [Type.DATETIME2]: "DATETIME",
  [Type.YEAR]: "YEAR",
  [Type.BIT]: "BIT",
  [Type.JSON]: "JSON",
  [Type.ENUM]: "ENUM",
  [Type.SET]: "SET",
  [Type.GEOMETRY]: "GEOMETRY",
  [Type.VECTOR]: "VECTOR",
};

const flagsOf = (column: ColumnDefinition): number => (typeof column.flags === "number" ? column.flags : 0);
const isBinary = (column: ColumnDefinition): boolean => column.characterSet === BINARY_CHARSET;

/** Name and declared type; the type only for a column taken straight from a table (or view). */
export function resultColumn(column: ColumnDefinition): ResultColumn {
  return { name: column.name, decltype: column.orgTable ? declaredType(column) : null };
}

/**
 * The column's type as it would be declared: `BIGINT UNSIGNED`, `TINYINT(1)` (MySQL's BOOLEAN),
 * `DECIMAL(10,2)`, `VARCHAR`, `TEXT`, `MEDIUMBLOB`, `JSON`, … (string lengths are left out:
 * the protocol gives them in bytes of the result character set).
 */
export function declaredType(column: ColumnDefinition): string | null {
  const type = column.columnType ?? Type.NULL;
  const flags = flagsOf(column);
  const extended = column.extendedFormat === "json" ? "json" : column.extendedTypeName;
  if (extended) return extended.toUpperCase();
  const integer = INTEGER_NAMES[type];
  if (integer !== undefined) {
    const width = type === Type.TINY && column.columnLength === 1 ? "(1)" : "";
    return `${integer}${width}${flags & UNSIGNED_FLAG ? " UNSIGNED" : ""}`;
  }
  if (type === Type.DECIMAL || type === Type.NEWDECIMAL) return decimalType(column, flags);
  if (type === Type.NULL) return null;
  if (type === Type.STRING || type === Type.VAR_STRING || type === Type.VARCHAR) {
    if (flags & ENUM_FLAG) return "ENUM";
    if (flags & SET_FLAG) return "SET";
    const fixed = type === Type.STRING;
    if (isBinary(column)) return fixed ? "BINARY" : "VARBINARY";
    return fixed ? "CHAR" : "VARCHAR";
  }
  if (type >= Type.TINY_BLOB && type <= Type.BLOB) return blobType(column);
  return SIMPLE_NAMES[type] ?? null;
}

function decimalType(column: ColumnDefinition, flags: number): string {
  // The display length counts the digits, a point when there are decimals, and a sign unless unsigned.
  const length = column.columnLength ?? 0;
  const precision = length - (column.decimals > 0 ? 1 : 0) - (flags & UNSIGNED_FLAG ? 0 : 1);
  const unsigned = flags & UNSIGNED_FLAG ? " UNSIGNED" : "";
  return precision > 0 ? `DECIMAL(${precision},${column.decimals})${unsigned}` : `DECIMAL${unsigned}`;
}

// Every BLOB and TEXT arrives as type BLOB; the maximum length in bytes (characters times the
// character set's maximum width, at most 4) tells TINY, plain, MEDIUM and LONG apart.
function blobType(column: ColumnDefinition): string {
  const length = column.columnLength ?? 0;
  const size = length < 256 * 4 ? "TINY" : length < 65536 * 4 ? "" : length < 16777216 * 4 ? "MEDIUM" : "LONG";
  return `${size}${isBinary(column) ? "BLOB" : "TEXT"}`;
}

/** The decoder for a column's cells. */
export function cellDecoder(column: ColumnDefinition): CellDecoder {
  const type = column.columnType ?? Type.NULL;
  const unsigned = (flagsOf(column) & UNSIGNED_FLAG) !== 0;
  if (column.extendedFormat === "json" || type === Type.JSON) return utf8Text;
  switch (type) {
    case Type.TINY:
    case Type.SHORT:
    case Type.INT24:
    case Type.LONG:
    case Type.YEAR:
      return integer;
    case Type.LONGLONG:
      return unsigned ? unsignedInteger : integer;
    case Type.BIT:
      return bits;
    case Type.FLOAT:
    case Type.DOUBLE:
      return float;
    case Type.DECIMAL:
    case Type.NEWDECIMAL:
    case Type.DATE:
    case Type.NEWDATE:
    case Type.TIME:
    case Type.TIME2:
    case Type.DATETIME:
    case Type.DATETIME2:
    case Type.TIMESTAMP:
    case Type.TIMESTAMP2:
      return latin1Text;
    case Type.GEOMETRY:
    case Type.VECTOR:
      return bytes;
    default:
      return isBinary(column) ? bytes : textDecoder(column.encoding);
  }
}

/** Decodes rows of raw cells (mysql2 with `typeCast: false` and `rowsAsArray`). */
export function decodeRows(columns: readonly ColumnDefinition[], rows: readonly (readonly (Buffer | null)[])[]): SqlValue[][] {
  const decoders = columns.map(cellDecoder);
  return rows.map((row) =>
    decoders.map((decode, i) => {
      const cell = row[i];
      return cell === null || cell === undefined ? null : decode(cell);
    }),
  );
}

const integer: CellDecoder = (cell) => BigInt(cell.toString("latin1"));
const float: CellDecoder = (cell) => Number(cell.toString("latin1"));
const latin1Text: CellDecoder = (cell) => cell.toString("latin1");
const utf8Text: CellDecoder = (cell) => cell.toString("utf8");
// A copy: the cell is a view into a network buffer that may hold much more.
const bytes: CellDecoder = (cell) => new Uint8Array(cell);

/** Values beyond int64 (BIGINT UNSIGNED) cannot be a Hrana integer; their exact decimal text is returned. */
const unsignedInteger: CellDecoder = (cell) => {
  const value = BigInt(cell.toString("latin1"));
  return value > INT64_MAX ? value.toString() : value;
};

/** BIT(n) arrives as big-endian bytes. */
const bits: CellDecoder = (cell) => {
  let value = 0n;
  for (const byte of cell) value = (value << 8n) | BigInt(byte);
  return value > INT64_MAX ? value.toString() : value;
};

const decoders = new Map<string, CellDecoder>();

/** Text in the column's character set; the session's results are utf8mb4 unless a user changed character_set_results. */
function textDecoder(encoding: string | undefined): CellDecoder {
  if (encoding === undefined || encoding === "utf8" || encoding === "cesu8") return utf8Text;
  let decode = decoders.get(encoding);
  if (decode === undefined) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      decoder = undefined;
    }
    decode = decoder === undefined ? utf8Text : (cell) => decoder.decode(cell);
    decoders.set(encoding, decode);
  }
  return decode;
}
