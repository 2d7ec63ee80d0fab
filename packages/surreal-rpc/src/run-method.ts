// `run [name, version?, args?]` (reference section 3.4): a built-in function, or a `fn::` function
// the database defines, run by the SurrealQL executor. `ml::` needs a version (SurrealDB checks it
// before looking the model up).
import { isNullish, RpcError } from "@baton/protocol-types/rpc";
import { runFunction } from "@baton/surrealql";
import { queryHost } from "./query-method.js";
import type { RpcCall } from "./rpc-call.js";

export function runFunctionMethod(call: RpcCall<"run">): Promise<unknown> {
  const [name, version, args] = call.params;
  if (name.startsWith("ml::") && isNullish(version)) {
    throw RpcError.invalidParams("Expected version to be set for model function");
  }
  return runFunction({
    name,
    version: typeof version === "string" ? version : undefined,
    args: Array.isArray(args) ? args : [],
    host: queryHost(call),
    variables: call.variables,
  });
}
