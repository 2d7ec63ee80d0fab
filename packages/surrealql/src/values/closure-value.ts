// The value a closure expression (`|$x| $x * 2`) evaluates to: its parameters, body and the scope
// it was written in. Functions receive it as an argument and run it through FunctionContext's
// `callClosure`, so they never import the executor that evaluates the body.
import type { ClosureExpr } from "../syntax/ast.js";

/** How many closures this process has made: a result needs a closure walk only when it grew. */
let made = 0;

/** The number of closures made so far (compare before and after a query). */
export function closuresMade(): number {
  return made;
}

export class Closure {
  // Private, so an encoder that walks a value's own properties (a closure returned as a result)
  // finds nothing of the syntax tree or of the scope with its store.
  readonly #expr: ClosureExpr;
  readonly #scope: unknown;

  /**
   * `scope` is the executor's scope where the closure was written (its variables are the ones the
   * body sees besides its parameters); only the executor reads it, so it is opaque here.
   */
  constructor(expr: ClosureExpr, scope: unknown) {
    made++;
    this.#expr = expr;
    this.#scope = scope;
  }

  get expr(): ClosureExpr {
    return this.#expr;
  }

  get scope(): unknown {
    return this.#scope;
  }

  /** SurrealQL text for messages: the parameter list and no body (Baton keeps no source text here). */
  toString(): string {
    return `|${this.#expr.params.map((param) => `$${param.name}`).join(", ")}| { … }`;
  }
}

/**
 * `value` with every closure in it (in arrays and plain objects, at any depth) replaced by its
 * text, for statement results: no wire encoding has a closure kind. The same value comes back,
 * uncopied, when it holds none.
 */
export function closuresAsText(value: unknown): unknown {
  if (value instanceof Closure) return value.toString();
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const list: readonly unknown[] = value;
    let copy: unknown[] | undefined;
    list.forEach((item, index) => {
      const converted = closuresAsText(item);
      if (converted !== item) copy ??= [...list];
      if (copy) copy[index] = converted;
    });
    return copy ?? list;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    const item = object[key];
    const converted = closuresAsText(item);
    if (converted !== item) copy ??= { ...object };
    if (copy) copy[key] = converted;
  }
  return copy ?? object;
}
