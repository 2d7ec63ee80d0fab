// The `run` RPC method's call of one function, built-in or `fn::`, through the same library and
// executor as function calls inside queries. A `fn::` body may read and write records, so it runs
// in a transaction on the tenant; a built-in that needs no records runs without one.
import { NONE } from "@baton/codecs";
import type { RecordStore } from "@baton/record-store";
import { statementScope, VariableFrame } from "./execution-scope.js";
import { callFunction } from "./function-caller.js";
import type { QueryHost } from "./query-host.js";
import { executionContext } from "./query-runner.js";

export interface FunctionRun {
  readonly name: string;
  readonly version?: string | undefined;
  readonly args: readonly unknown[];
  readonly host: QueryHost;
  readonly variables: ReadonlyMap<string, unknown>;
}

export async function runFunction(run: FunctionRun): Promise<unknown> {
  const call = (store: RecordStore | undefined) => {
    const scope = statementScope(executionContext({ host: run.host, store, source: "" }), new VariableFrame(undefined, run.variables));
    return callFunction({ name: run.name, version: run.version, args: run.args, scope });
  };
  const needsRecords = /^(fn|record)::/i.test(run.name);
  const value = needsRecords && run.host.hasTenant() ? await run.host.withStore(call, { readOnly: false }) : await call(undefined);
  return value === undefined ? NONE : value;
}
