// Calling a closure value: its parameters bound to the arguments (coerced to their types, NONE for
// missing ones that may be NONE), its body evaluated over the variables of the scope it was written
// in, and its `-> type` checked. The caller's scope gives the statement's context and depth, so a
// closure kept in a session variable runs against the current query's store and limits.
import { NONE } from "@baton/codecs";
import { functionArgumentError } from "../functions/function-arguments.js";
import type { ParamDefinition } from "../syntax/ast.js";
import type { Closure } from "../values/closure-value.js";
import { typeText } from "../values/type-text.js";
import { matchesType, tryCoerceValue } from "../values/value-coercion.js";
import { deeper, ReturnSignal, type Scope } from "./execution-scope.js";
import { typed } from "./typed-value.js";

/** SurrealDB names a closure ANONYMOUS in argument errors. */
const CLOSURE_NAME = "ANONYMOUS";

function boundValue(param: ParamDefinition, options: { args: readonly unknown[]; index: number }): unknown {
  const { args, index } = options;
  const missing = index >= args.length;
  const value = missing ? NONE : args[index];
  if (param.type === undefined) return value;
  if (missing && !matchesType(param.type, NONE)) throw functionArgumentError(CLOSURE_NAME, `Expected a value for $${param.name}`);
  const coerced = tryCoerceValue(param.type, value);
  if ("error" in coerced) {
    throw functionArgumentError(CLOSURE_NAME, `Expected a value of type '${typeText(param.type)}' for argument $${param.name}`);
  }
  return coerced.value;
}

/** The value of `closure` called with `args` (extra arguments are ignored, as SurrealDB does). */
export async function callClosure(options: { closure: Closure; args: readonly unknown[]; caller: Scope }): Promise<unknown> {
  const { closure, args, caller } = options;
  // Only expression-evaluator.ts makes closures, always with the Scope it evaluated them in.
  const defining = closure.scope as Scope;
  const { params, body, returns } = closure.expr;
  const frame = params.map((param, index): [string, unknown] => [param.name, boundValue(param, { args, index })]);
  const scope = deeper({ ...defining, context: caller.context, depth: caller.depth, returnable: true }, defining.variables.child(frame));
  let result: unknown;
  try {
    result = await caller.context.evaluate(body, scope);
  } catch (signal) {
    if (!(signal instanceof ReturnSignal)) throw signal;
    result = signal.value;
  }
  return returns === undefined ? result : typed(returns, result, "Couldn't coerce return value from function `ANONYMOUS`");
}
