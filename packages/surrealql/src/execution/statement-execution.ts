// One statement run on a store the caller already holds: how the RPC record methods (select,
// create, update, …) run as the statements they stand for, so they follow the same rules
// (DEFINE FIELD, UNIQUE indexes, result shapes) as the SurrealQL a client writes.
import type { RecordStore } from "@baton/record-store";
import type { Statement } from "../syntax/ast.js";
import { statementScope, VariableFrame } from "./execution-scope.js";
import type { QueryHost } from "./query-host.js";
import { executionContext } from "./query-runner.js";
import { runStatement } from "./statement-runner.js";

export interface StatementExecution {
  readonly statement: Statement;
  readonly store: RecordStore;
  readonly host: QueryHost;
  readonly variables: ReadonlyMap<string, unknown>;
}

export function executeStatement(execution: StatementExecution): Promise<unknown> {
  const { statement, store, host, variables } = execution;
  return runStatement(statement, statementScope(executionContext({ host, store, source: "" }), new VariableFrame(undefined, variables)));
}
