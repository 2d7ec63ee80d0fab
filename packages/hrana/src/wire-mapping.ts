// The one place where Hrana's wire shapes (snake_case, tagged values) meet Baton's internal
// ones (the executor's camelCase results and SqlValues).
import type { DescribeOutput, StatementInput, StatementResult } from "@baton/adapters-kysely";
import { valueFromWire, valueToWire } from "@baton/codecs";
import type { GatewayError } from "@baton/protocol-types";
import type { DescribeResult, HranaError, Stmt, StmtResult, Value } from "@baton/protocol-types/hrana";

/** A statement whose SQL text has been resolved (see sql-source.ts). */
export function stmtToInput(stmt: Stmt, sql: string): StatementInput {
  return {
    sql,
    args: (stmt.args ?? []).map(valueFromWire),
    namedArgs: (stmt.named_args ?? []).map((arg) => ({ name: arg.name, value: valueFromWire(arg.value) })),
    wantRows: stmt.want_rows ?? true,
  };
}

export function stmtResultToWire(result: StatementResult): StmtResult {
  const rows: Value[][] = new Array<Value[]>(result.rows.length);
  for (let i = 0; i < result.rows.length; i++) {
    const row = result.rows[i] as StatementResult["rows"][number];
    const out = new Array<Value>(row.length);
    for (let j = 0; j < row.length; j++) out[j] = valueToWire(row[j] ?? null);
    rows[i] = out;
  }
  return {
    cols: result.columns.map((col) => ({ name: col.name, decltype: col.decltype })),
    rows,
    affected_row_count: result.affectedRowCount,
    last_insert_rowid: result.lastInsertRowid === null ? null : result.lastInsertRowid.toString(),
    rows_read: result.rowsRead,
    rows_written: result.rowsWritten,
  };
}

export function describeToWire(output: DescribeOutput): DescribeResult {
  return {
    params: output.params.map((name) => ({ name })),
    cols: output.columns.map((col) => ({ name: col.name, decltype: col.decltype })),
    is_explain: output.isExplain,
    is_readonly: output.isReadonly,
    is_ddl: output.isDdl,
  };
}

export function errorToWire(error: GatewayError): HranaError {
  return { message: error.message, code: error.code };
}
