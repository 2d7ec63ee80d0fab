// Built-in functions written as a signature and a body: the arguments are counted and coerced
// here, with SurrealDB 3's messages, so a family file holds only what each function computes.
import type { ArgumentKind, OptionalKind, RestKind, ValueKind } from "./argument-kinds.js";
import { checkArity, coerceArgument, functionArgumentError, type Arity } from "./function-arguments.js";
import type { FunctionContext, FunctionTable, SurrealFunction } from "./function-types.js";

/**
 * Thrown by a body for arguments of the right kind but a wrong value ("The second argument must
 * be an integer greater than 0."); it becomes "Incorrect arguments for function <name>(). …".
 */
export class ArgumentProblem extends Error {}

/** The values a body receives for its kinds: optional ones may be undefined, rest ones an array. */
export type ArgumentValues<K extends readonly ArgumentKind<unknown>[]> = {
  -readonly [I in keyof K]: K[I] extends ValueKind<infer T>
    ? T
    : K[I] extends OptionalKind<infer T>
      ? T | undefined
      : K[I] extends RestKind<infer T>
        ? T[]
        : never;
};

/** A function not yet named: `defineFunctions` names it, so its errors quote the name. */
export interface FunctionDefinition {
  readonly named: (name: string) => SurrealFunction;
}

/** How many arguments the kinds take: each value kind one, optional ones maybe, a rest kind any number. */
function arity(kinds: readonly ArgumentKind<unknown>[]): Arity {
  const min = kinds.filter((kind) => kind.kind === "value").length;
  return kinds.some((kind) => kind.kind === "rest") ? { min } : { min, max: kinds.length };
}

/** Coerces `args` to `kinds`, numbering arguments from 1 as SurrealDB's messages do. */
function coerceArguments(options: { name: string; kinds: readonly ArgumentKind<unknown>[]; args: readonly unknown[] }): unknown[] {
  const { name, kinds, args } = options;
  const coerceAt = (kind: ValueKind<unknown>, index: number): unknown =>
    coerceArgument(kind, { name, value: args[index], position: index + 1 });
  const values: unknown[] = [];
  let index = 0;
  for (const kind of kinds) {
    if (kind.kind === "rest") {
      const remaining: unknown[] = [];
      for (; index < args.length; index++) remaining.push(coerceAt(kind.inner, index));
      values.push(remaining);
    } else if (kind.kind === "optional") {
      values.push(index < args.length ? coerceAt(kind.inner, index++) : undefined);
    } else {
      values.push(coerceAt(kind, index++));
    }
  }
  return values;
}

function translate(name: string, error: unknown): unknown {
  return error instanceof ArgumentProblem ? functionArgumentError(name, error.message) : error;
}

/** A function taking arguments of `kinds`; `body` gets them coerced, in order. */
export function fn<const K extends readonly ArgumentKind<unknown>[]>(
  kinds: K,
  body: (args: ArgumentValues<K>, context: FunctionContext) => unknown,
): FunctionDefinition {
  const counts = arity(kinds);
  return {
    named: (name) => (args, context) => {
      checkArity(name, args, counts);
      const values = coerceArguments({ name, kinds, args }) as ArgumentValues<K>;
      let result: unknown;
      try {
        result = body(values, context);
      } catch (error) {
        throw translate(name, error);
      }
      // Async bodies (password hashing) reject instead of throwing: the same translation applies.
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        throw translate(name, error);
      });
    },
  };
}

/** Names each definition; `aliases` adds further names (SurrealDB 2's spellings) for the same functions. */
export function defineFunctions(
  definitions: Readonly<Record<string, FunctionDefinition>>,
  aliases: Readonly<Record<string, string>> = {},
): FunctionTable {
  const table: Record<string, SurrealFunction> = {};
  for (const [name, definition] of Object.entries(definitions)) table[name] = definition.named(name);
  for (const [alias, name] of Object.entries(aliases)) {
    const target = table[name];
    if (target === undefined) throw new Error(`Alias ${alias} names no function ${name}`);
    table[alias] = target;
  }
  return table;
}
