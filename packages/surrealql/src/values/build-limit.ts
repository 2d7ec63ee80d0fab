// The most one operator or function may build in a single step. SurrealDB caps generated values at
// 1 MiB; values built from other values (`$s + $s`, sliding windows) get a wider bound, so that
// doubling a value in a loop fails with an error instead of taking the server's memory.

/** The largest value, in estimated bytes, that one step may build. */
export const BUILD_LIMIT_BYTES = 16 * 1024 * 1024;

/** Bytes counted for one value held in an array or set (SurrealDB's in-memory `Value`). */
export const VALUE_BYTES = 16;

/**
 * What a string, array or set costs its holder, without descending into items (shared items are
 * not copied when a collection is): a string its UTF-16 length, a collection `VALUE_BYTES` a slot.
 */
export function shallowSize(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.length * VALUE_BYTES;
  if (value instanceof Set) return value.size * VALUE_BYTES;
  return 0;
}
