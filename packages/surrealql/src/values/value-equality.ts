// Deep equality of SurrealDB values as Baton holds them in memory (plain objects, arrays, bytes,
// sets and the value classes of @baton/codecs): structural equality for JSON Patch `test` and
// diffs, and SurrealQL's `=` and `==`.
import { isPlainObject } from "./plain-object.js";
import { compareValues } from "./value-order.js";

export { isPlainObject };

/**
 * SurrealQL `=` (and `!=` negated): 1 = 1.0 = 1dec, [] = [], NONE = NONE, but NONE ≠ NULL and
 * [] ≠ {} (SurrealDB 3's `Value::equal`). Numbers compare numerically across kinds, sets as sets.
 */
export function looselyEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/**
 * SurrealQL `==`. SurrealDB 3 tells it apart from `=` only for a string against a regex (which `=`
 * matches); Baton holds no regex values, so the two agree.
 */
export function exactlyEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/** Structural equality; value classes are equal when they are the same class with equal fields. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (typeof a === "bigint" || typeof b === "bigint") {
    return (typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number") && sameInteger(a, b);
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  }
  if (a instanceof Set || b instanceof Set) {
    return a instanceof Set && b instanceof Set && a.size === b.size && [...a].every((item) => [...b].some((other) => valuesEqual(item, other)));
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.length === Object.keys(b).length && aKeys.every((key) => Object.hasOwn(b, key) && valuesEqual(aRecord[key], bRecord[key]));
}

function sameInteger(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === "number" && !Number.isInteger(a)) return false;
  if (typeof b === "number" && !Number.isInteger(b)) return false;
  return BigInt(a) === BigInt(b);
}
