// Statements into @libsql/hrana-client's terms and its results back into the executor's, value
// for value: integers stay bigint (streams run with intMode "bigint"), floats stay numbers,
// blobs become Uint8Array, names and declared types keep null where the remote gives none.
import { GatewayError } from "@baton/protocol-types";
import { Stmt, type DescribeResult, type RowsResult, type StmtResult, type Value } from "@libsql/hrana-client";
import type { DescribeOutput, SqlValue, StatementInput, StatementResult } from "../executor.js";
import type { TokenizeOptions } from "../sql-text/sqlite-tokenizer.js";
import { classifyStatement } from "../sql-text/statement-classifier.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The Hrana statement for `input`: positional arguments as `args`, named ones as `named_args`
 * under the names given (with or without prefix: the remote resolves them, as Hrana says).
 * Both kinds may be given together; a remote that refuses that (sqld) says so with its
 * ARGS_BOTH_POSITIONAL_AND_NAMED.
 */
export function toHranaStmt(input: StatementInput): Stmt {
  const stmt = new Stmt(input.sql);
  stmt.bindIndexes(input.args.map((value, index) => checked(value, `parameter ${index + 1}`)));
  const seen = new Set<string>();
  for (const { name, value } of input.namedArgs) {
    // Hrana sends a list, but the client keeps named arguments in a Map: a repeat would vanish.
    if (seen.has(name)) throw new GatewayError("ARGS_INVALID", `Named argument "${name}" is given more than once`);
    seen.add(name);
    stmt.bindName(name, checked(value, `"${name}"`));
  }
  return stmt;
}

// The client would throw a RangeError for these; refuse them as every adapter does.
function checked(value: SqlValue, what: string): SqlValue {
  if (typeof value === "bigint" && (value < INT64_MIN || value > INT64_MAX)) {
    throw new GatewayError("ARGS_INVALID", `Argument for ${what} is outside the 64-bit integer range`);
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new GatewayError("ARGS_INVALID", `Argument for ${what} is ${value}, which Hrana cannot carry`);
  }
  return value;
}

/** A Hrana statement result as the executor's; `rows` only from a query (want_rows). */
export function fromHranaResult(result: StmtResult | RowsResult): StatementResult {
  const rows = "rows" in result ? result.rows.map((row) => Array.from({ length: row.length }, (_, i) => fromHranaValue(row[i]))) : [];
  return {
    columns: result.columnNames.map((name, i) => ({ name: name ?? null, decltype: result.columnDecltypes[i] ?? null })),
    rows,
    affectedRowCount: result.affectedRowCount,
    lastInsertRowid: result.lastInsertRowid ?? null,
    // Like the embedded adapters: rows returned, rows changed (the client drops sqld's counters).
    rowsRead: rows.length,
    rowsWritten: result.affectedRowCount,
  };
}

/** The remote's describe, with isDdl from the text (Hrana does not report it). */
export function fromHranaDescribe(result: DescribeResult, options: { sql: string; lexing: TokenizeOptions }): DescribeOutput {
  return {
    params: result.paramNames.map((name) => name ?? null),
    columns: result.columns.map((column) => ({ name: column.name, decltype: column.decltype ?? null })),
    isExplain: result.isExplain,
    isReadonly: result.isReadonly,
    isDdl: classifyStatement(options.sql, options.lexing).isDdl,
  };
}

function fromHranaValue(value: Value | undefined): SqlValue {
  if (value === undefined) return null;
  // Blobs arrive as an ArrayBuffer of their own (the client copies them).
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value;
}
