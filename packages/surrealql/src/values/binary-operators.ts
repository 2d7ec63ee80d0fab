// SurrealQL's binary operators over evaluated operands, one entry per operator of ast.ts. The
// short-circuiting ones (`AND`, `OR`, `??`, `?:`) are the executor's: they may skip the right side.
import type { BinaryOp } from "../syntax/ast.js";
import {
  addValues,
  divideValues,
  multiplyValues,
  powerValues,
  remainderValues,
  subtractValues,
} from "./value-arithmetic.js";
import { valueContains, valueContainsAll, valueContainsAny, valueIntersects } from "./value-containment.js";
import { looselyEqual, exactlyEqual } from "./value-equality.js";
import { compareValues } from "./value-order.js";

export { negateValue } from "./value-arithmetic.js";

/** The operators this module evaluates: every binary operator but the short-circuiting ones. */
export type ValueOperator = Exclude<BinaryOp, "and" | "or" | "??" | "?:">;

type Operation = (left: unknown, right: unknown) => unknown;

const members = (value: unknown): unknown[] | undefined =>
  Array.isArray(value) ? value : value instanceof Set ? [...value] : undefined;

/** `*=` / `?=`: every / some member of an array or set equals the right side (a single value: itself). */
function eachEqual(left: unknown, right: unknown, every: boolean): boolean {
  const list = members(left);
  if (list === undefined) return looselyEqual(left, right);
  return every ? list.every((item) => looselyEqual(item, right)) : list.some((item) => looselyEqual(item, right));
}

/**
 * Fuzzy matching (`~`). SurrealDB 3 no longer evaluates its fuzzy operators; Baton keeps the
 * simple reading: the right string occurs in the left one, ignoring case. Non-strings never match.
 */
function fuzzyMatches(left: unknown, right: unknown): boolean {
  return typeof left === "string" && typeof right === "string" && left.toLowerCase().includes(right.toLowerCase());
}

function eachFuzzy(left: unknown, right: unknown, every: boolean): boolean {
  const list = members(left);
  if (list === undefined) return fuzzyMatches(left, right);
  return every ? list.every((item) => fuzzyMatches(item, right)) : list.some((item) => fuzzyMatches(item, right));
}

const OPERATIONS: { readonly [op in ValueOperator]: Operation } = {
  "=": looselyEqual,
  "==": exactlyEqual,
  "!=": (l, r) => !looselyEqual(l, r),
  "*=": (l, r) => eachEqual(l, r, true),
  "?=": (l, r) => eachEqual(l, r, false),
  "<": (l, r) => compareValues(l, r) < 0,
  "<=": (l, r) => compareValues(l, r) <= 0,
  ">": (l, r) => compareValues(l, r) > 0,
  ">=": (l, r) => compareValues(l, r) >= 0,
  "+": addValues,
  "-": subtractValues,
  "*": multiplyValues,
  "/": divideValues,
  "%": remainderValues,
  "**": powerValues,
  CONTAINS: valueContains,
  CONTAINSNOT: (l, r) => !valueContains(l, r),
  CONTAINSALL: valueContainsAll,
  CONTAINSANY: valueContainsAny,
  CONTAINSNONE: (l, r) => !valueContainsAny(l, r),
  INSIDE: (l, r) => valueContains(r, l),
  NOTINSIDE: (l, r) => !valueContains(r, l),
  ALLINSIDE: (l, r) => valueContainsAll(r, l),
  ANYINSIDE: (l, r) => valueContainsAny(r, l),
  NONEINSIDE: (l, r) => !valueContainsAny(r, l),
  OUTSIDE: (l, r) => !valueIntersects(l, r),
  INTERSECTS: valueIntersects,
  "~": fuzzyMatches,
  "!~": (l, r) => !fuzzyMatches(l, r),
  "?~": (l, r) => eachFuzzy(l, r, false),
  "*~": (l, r) => eachFuzzy(l, r, true),
};

/**
 * `left op right` with SurrealDB 3's semantics. Failures throw an RpcError validation error with
 * SurrealDB's message ("Cannot perform addition with 'NONE' and 'NONE'").
 */
export function applyBinaryOperator(op: ValueOperator, left: unknown, right: unknown): unknown {
  return OPERATIONS[op](left, right);
}
