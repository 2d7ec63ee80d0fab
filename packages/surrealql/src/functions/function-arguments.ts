// Argument checks shared by every function family, with SurrealDB 3's wording: the count
// ("Expected 1 argument", "Expected 1 to 2 arguments"), each argument's kind ("Argument 1 was the
// wrong type. Expected `array` but found `'a'`"), all under "Incorrect arguments for function
// string::len(). …".
import { RpcError } from "@baton/protocol-types/rpc";
import { CoercionFailure, type ValueKind } from "./argument-kinds.js";

/** SurrealDB's error for a call with the wrong arguments. */
export function functionArgumentError(name: string, message: string): RpcError {
  return RpcError.validation(`Incorrect arguments for function ${name}(). ${message}`);
}

/** SurrealDB's wording for a function it does not know. */
export function functionNotFound(name: string): RpcError {
  return new RpcError("INTERNAL", `Function '${name}' not found: The function '${name}' does not exist`);
}

/** How many arguments a function takes: at least `min`, at most `max` (no limit when absent). */
export interface Arity {
  readonly min: number;
  readonly max?: number;
}

function arityMessage({ min, max }: Arity): string {
  if (max === undefined) return min === 0 ? "Expected zero or more arguments" : `Expected ${min} or more arguments`;
  if (min !== max) return `Expected ${min} to ${max} arguments`;
  if (max === 0) return "Expected no arguments";
  return max === 1 ? "Expected 1 argument" : `Expected ${max} arguments`;
}

/** Fails with SurrealDB's message unless `args` has a count `arity` allows. */
export function checkArity(name: string, args: readonly unknown[], arity: Arity): void {
  if (args.length < arity.min || (arity.max !== undefined && args.length > arity.max)) {
    throw functionArgumentError(name, arityMessage(arity));
  }
}

/** The argument at `position` (from 1) of function `name` coerced to `kind`, failing with SurrealDB's message. */
export function coerceArgument<T>(kind: ValueKind<T>, argument: { name: string; value: unknown; position: number }): T {
  try {
    return kind.coerce(argument.value);
  } catch (error) {
    if (error instanceof CoercionFailure) {
      throw functionArgumentError(argument.name, `Argument ${argument.position} was the wrong type. ${error.message}`);
    }
    throw error;
  }
}
