// Whether a value is a plain object (a record or a nested object) rather than an array, a Set or
// one of the value classes of @baton/codecs.

/** True for a plain object (a record or a nested object), false for arrays and value classes. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
