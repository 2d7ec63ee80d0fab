// SurrealDB's truthiness of a value (its `Value::is_truthy`), for WHERE, IF, `!`, `&&`, `||` and
// `?:`.
import { Datetime, Duration, RecordId, StringRecordId, Uuid } from "@baton/codecs";
import { isPlainObject } from "./plain-object.js";
import { asNumber, isNonZero } from "./surreal-number.js";
import { geometryKind } from "./value-kind.js";

/**
 * True for `true`, non-zero numbers (NaN too), non-empty strings, arrays, sets, objects and
 * bytes, durations above zero, and every datetime, uuid, record id and geometry. False for NONE,
 * NULL, `false`, zero, empty collections, `0ns`, tables and ranges.
 */
export function isTruthy(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value.length > 0;
  const number = asNumber(value);
  if (number !== undefined) return isNonZero(number);
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Set) return value.size > 0;
  if (value instanceof Uint8Array) return value.length > 0;
  if (value instanceof Duration) return value.seconds > 0n || value.nanoseconds > 0;
  if (value instanceof Datetime || value instanceof Uuid || value instanceof RecordId || value instanceof StringRecordId) return true;
  if (geometryKind(value) !== undefined) return true;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return false;
}
