// Function calls inside queries: `fn::` functions the database defines (DEFINE FUNCTION), run in a
// frame of their own, and the built-in library for every other name.
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { functionArgumentError, functionNotFound } from "../functions/function-arguments.js";
import { builtinFunction } from "../functions/function-library.js";
import { Closure } from "../values/closure-value.js";
import { coerceValue } from "../values/value-casts.js";
import { callClosure } from "./closure-call.js";
import { typed } from "./typed-value.js";
import { definedFunction } from "./definition-cache.js";
import { deeper, requireStore, ReturnSignal, type Scope } from "./execution-scope.js";

export interface FunctionCall {
  readonly name: string;
  readonly version?: string | undefined;
  readonly args: readonly unknown[];
  readonly scope: Scope;
}

export async function callFunction(call: FunctionCall): Promise<unknown> {
  const { name, args, scope } = call;
  const lower = name.toLowerCase();
  if (lower.startsWith("fn::")) return callDefinedFunction(call);
  if (lower.startsWith("ml::") || lower.startsWith("mod::") || lower.startsWith("silo::")) {
    throw new RpcError("INTERNAL", `Baton does not run ${name.split("::")[0]}:: functions`, { kind: "Configuration" });
  }
  const builtin = builtinFunction(lower);
  if (builtin === undefined) throw functionNotFound(name);
  // Closures run in the calling scope (its depth bounds recursion), so only calls given one pay for a context of their own.
  const functions = args.some((arg) => arg instanceof Closure)
    ? { ...scope.context.functions, callClosure: (closure: Closure, values: readonly unknown[]) => callClosure({ closure, args: values, caller: scope }) }
    : scope.context.functions;
  return builtin(args, functions);
}

async function callDefinedFunction(call: FunctionCall): Promise<unknown> {
  const { name, args, scope } = call;
  const found = await definedFunction(requireStore(scope), name.slice("fn::".length));
  if (found === undefined) throw functionNotFound(name);
  const { statement: definition, text } = found;
  const { params } = definition;
  if (args.length > params.length) {
    throw functionArgumentError(name, `The function expects ${params.length} argument${params.length === 1 ? "" : "s"}.`);
  }
  const frame: [string, unknown][] = params.map((param, index) => {
    const value = args[index] ?? NONE;
    return [param.name, param.type === undefined ? value : coerceValue(param.type, value, `argument \`$${param.name}\` of \`${name}\``)];
  });
  // The body's statements were parsed from the definition's own text (a DEFINE inside stores its
  // slice of it), and a function never changes the caller's session (no USE).
  const context = { ...scope.context, source: text, allowUse: false };
  const body = deeper({ ...scope, context, document: NONE, parent: NONE, returnable: true }, scope.variables.child(frame));
  let result: unknown;
  try {
    result = await scope.context.runBlock(definition.body, body);
  } catch (signal) {
    if (!(signal instanceof ReturnSignal)) throw signal;
    result = signal.value;
  }
  return definition.returns === undefined ? result : typed(definition.returns, result, `Couldn't coerce return value from function \`${name}\``);
}
