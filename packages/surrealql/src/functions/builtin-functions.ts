// Built-in SurrealQL functions called by name outside a query, with evaluated arguments (the
// function library is in function-library.ts). `fn::` names and unknown names are "not found".
import { functionNotFound } from "./function-arguments.js";
import { builtinFunction } from "./function-library.js";
import type { FunctionContext } from "./function-types.js";

export { uuidV7 } from "@baton/record-store";

/** The context of a call made outside any session. */
const NO_SESSION: FunctionContext = { session: {} };

/**
 * Calls the built-in `name` with `args`. The result may be a promise (hashing, `sleep`, …);
 * await it. Throws functionNotFound for `fn::` and unknown names.
 */
export function callBuiltin(name: string, args: readonly unknown[], context: FunctionContext = NO_SESSION): unknown {
  const builtin = builtinFunction(name);
  if (builtin === undefined) throw functionNotFound(name);
  return builtin(args, context);
}
