// Array and object record keys as SurrealQL literal text (`['London', d'2022-08-29T08:03:39Z']`,
// object keys sorted): how the record model stores them in `id` and in links. The text is
// deterministic, so equal keys give equal text.
import { formatValue, parseValue } from "@baton/codecs";

/** The SurrealQL literal of an array or object key. */
export function formatKeyLiteral(key: unknown): string {
  return formatValue(key);
}

/** Parses an array or object key literal; a RangeError for anything else. */
export function parseKeyLiteral(text: string): readonly unknown[] | { readonly [key: string]: unknown } {
  const value = parseValue(text);
  if (Array.isArray(value)) return value as readonly unknown[];
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return value as { readonly [key: string]: unknown };
  }
  throw new RangeError(`Not an array or object key: ${text}`);
}
