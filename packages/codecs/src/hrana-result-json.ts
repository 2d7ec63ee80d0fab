// Hrana JSON written straight from an executor's rows. Building a `{type, value}` object per
// cell and handing the tree to JSON.stringify cost more than the statement itself on small
// results; here a statement result keeps its rows as they are and writes their wire text
// (the rules of hrana-json-values.ts) when the message is encoded.
import { GatewayError, type SqlValue } from "@baton/protocol-types";
import type { Col, StmtResult, Value } from "@baton/protocol-types/hrana";
import { valueToWire } from "./hrana-json-values.js";

/** A statement's outcome as an executor reports it (adapters-kysely's StatementResult). */
export interface ExecutedStatement {
  readonly columns: readonly { readonly name: string | null; readonly decltype: string | null }[];
  readonly rows: readonly (readonly SqlValue[])[];
  readonly affectedRowCount: number;
  readonly lastInsertRowid: bigint | null;
  readonly rowsRead: number;
  readonly rowsWritten: number;
}

type ExecutedColumns = ExecutedStatement["columns"];

interface WireColumns {
  readonly cols: Col[];
  readonly json: string;
}

/**
 * Wire columns of column lists an executor hands out again and again: it freezes the list it
 * caches with a prepared statement, and every result of that statement shares it.
 */
const sharedColumns = new WeakMap<ExecutedColumns, WireColumns>();

function wireColumns(columns: ExecutedColumns): WireColumns {
  const shared = Object.isFrozen(columns) ? sharedColumns.get(columns) : undefined;
  if (shared !== undefined) return shared;
  const cols = columns.map((col) => ({ name: col.name, decltype: col.decltype }));
  const made = { cols, json: JSON.stringify(cols) };
  if (!Object.isFrozen(columns)) return made;
  // Shared by every result of the statement from now on: nobody may change them.
  for (const col of cols) Object.freeze(col);
  Object.freeze(cols);
  sharedColumns.set(columns, made);
  return made;
}

/**
 * A Hrana StmtResult over an executor's rows. `rows` builds the wire values on first read, for
 * code that inspects them; encodeHranaJson() writes the text without them, and JSON.stringify
 * (through toJSON) still gives the same message.
 */
export class HranaStmtResult implements StmtResult {
  readonly cols: Col[];
  readonly affected_row_count: number;
  readonly last_insert_rowid: string | null;
  readonly rows_read: number;
  readonly rows_written: number;
  readonly #rows: readonly (readonly SqlValue[])[];
  readonly #colsJson: string;
  #wireRows: Value[][] | undefined;

  /** Throws VALUE_NOT_REPRESENTABLE, as valueToWire does, for a REAL that JSON cannot carry. */
  constructor(result: ExecutedStatement) {
    const columns = wireColumns(result.columns);
    this.cols = columns.cols;
    this.#colsJson = columns.json;
    this.#rows = result.rows;
    this.affected_row_count = result.affectedRowCount;
    this.last_insert_rowid = result.lastInsertRowid === null ? null : result.lastInsertRowid.toString();
    this.rows_read = result.rowsRead;
    this.rows_written = result.rowsWritten;
    for (const row of result.rows) {
      for (const cell of row) {
        // Checked now, so the statement fails alone rather than the whole response later.
        if (typeof cell === "number" && !Number.isFinite(cell)) valueToWire(cell);
      }
    }
  }

  get rows(): Value[][] {
    this.#wireRows ??= this.#rows.map((row) => row.map((cell) => valueToWire(cell)));
    return this.#wireRows;
  }

  toJSON(): StmtResult {
    return {
      cols: this.cols,
      rows: this.rows,
      affected_row_count: this.affected_row_count,
      last_insert_rowid: this.last_insert_rowid,
      rows_read: this.rows_read,
      rows_written: this.rows_written,
    };
  }

  /** The JSON text of this result. */
  json(): string {
    let out = `{"cols":${this.#colsJson},"rows":[`;
    const rows = this.#rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as readonly SqlValue[];
      out += i === 0 ? "[" : ",[";
      for (let j = 0; j < row.length; j++) {
        if (j > 0) out += ",";
        out += cellJson(row[j] ?? null);
      }
      out += "]";
    }
    const rowid = this.last_insert_rowid === null ? "null" : `"${this.last_insert_rowid}"`;
    return `${out}],"affected_row_count":${this.affected_row_count},"last_insert_rowid":${rowid},"rows_read":${this.rows_read},"rows_written":${this.rows_written}}`;
  }
}

/** One cell as Hrana JSON (see hrana-json-values.ts for the rules). */
function cellJson(cell: SqlValue): string {
  if (typeof cell === "bigint") return `{"type":"integer","value":"${cell}"}`;
  // Finite (checked when the result was made); String() writes numbers as JSON does, -0 as 0.
  if (typeof cell === "number") return `{"type":"float","value":${String(cell)}}`;
  if (typeof cell === "string") return `{"type":"text","value":${JSON.stringify(cell)}}`;
  return cell === null ? '{"type":"null"}' : JSON.stringify(valueToWire(cell));
}

/**
 * JSON.stringify for Hrana messages: the same text, with HranaStmtResults written from their
 * rows. Plain objects and arrays are walked; anything else (a class instance, an object with
 * toJSON) is left to JSON.stringify.
 */
export function encodeHranaJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new GatewayError("INTERNAL_ERROR", "A Hrana message must be a JSON value");
  return text;
}

/** Member names as JSON strings: Hrana messages use a few dozen names over and over. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 1024;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function write(value: unknown): string | undefined {
  if (typeof value === "string") return JSON.stringify(value);
  // JSON.stringify writes non-finite numbers as null.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (value instanceof HranaStmtResult) return value.json();
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += write(value[i]) ?? "null";
    }
    return `${out}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || "toJSON" in value) return JSON.stringify(value);
  let out = "{";
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const member = write((value as Record<string, unknown>)[key]);
    if (member === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${quotedKey(key)}:${member}`;
  }
  return `${out}}`;
}
