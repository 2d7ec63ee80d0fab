// The one place where Hrana's wire shapes (snake_case, tagged values) meet Baton's internal
// ones (the executor's camelCase results and SqlValues).
import type { DescribeOutput, StatementInput, StatementResult } from "@baton/adapters-kysely";
import { HranaStmtResult, valueFromWire } from "@baton/codecs";
import type { GatewayError } from "@baton/protocol-types";
import type { DescribeResult, HranaError, Stmt, StmtResult } from "@baton/protocol-types/hrana";

/** A statement whose SQL text has been resolved (see sql-source.ts). */
export function stmtToInput(stmt: Stmt, sql: string): StatementInput {
  return {
    sql,
    args: (stmt.args ?? []).map(valueFromWire),
    namedArgs: (stmt.named_args ?? []).map((arg) => ({ name: arg.name, value: valueFromWire(arg.value) })),
    wantRows: stmt.want_rows ?? true,
  };
}

/**
 * The wire result keeps the executor's rows: encodeHranaJson writes their text directly
 * (see @baton/codecs hrana-result-json.ts), without a `{type, value}` object per cell.
 */
export function stmtResultToWire(result: StatementResult): StmtResult {
  return new HranaStmtResult(result);
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
