// `run [name, version?, args?]` (reference section 3.4): built-in functions only. `ml::` needs a
// version (SurrealDB checks it before looking the model up); `fn::` names user functions, which
// Baton does not have.
import { isNullish, RpcError } from "@baton/protocol-types/rpc";
import { callBuiltin } from "./builtin-functions.js";
import type { RpcCall } from "./rpc-call.js";

export function runFunction(call: RpcCall<"run">): unknown {
  const [name, version, args] = call.params;
  if (name.startsWith("ml::") && isNullish(version)) {
    throw RpcError.invalidParams("Expected version to be set for model function");
  }
  return callBuiltin(name, Array.isArray(args) ? args : []);
}
