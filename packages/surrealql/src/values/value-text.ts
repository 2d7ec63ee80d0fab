// How SurrealDB renders a value as text: `<string>` casts and string functions (`valueToString`),
// and the unquoted form its error messages quote (`valueToRawString`, its `to_raw_string`).
import { Datetime, Decimal, NONE, Uuid, formatDatetime, formatValue } from "@baton/codecs";

/**
 * The text `<string> value` gives: a string itself, NONE → "NONE", NULL → "NULL", a uuid or
 * datetime without its prefix and quotes, a decimal as plain digits, bytes as UTF-8 text, and
 * anything else as its SurrealQL literal (`person:1`, `1.5f`, `[1, 'a']`, `1h30m`).
 */
export function valueToString(value: unknown): string {
  if (value instanceof Decimal) return value.value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (value === null) return "NULL";
  if (value === NONE || value === undefined) return "NONE";
  return valueToRawString(value);
}

/** The unquoted text SurrealDB's messages show: a string raw, a uuid or datetime plain, else its literal. */
export function valueToRawString(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Uuid) return value.toString();
  if (value instanceof Datetime) return formatDatetime(value);
  return formatValue(value);
}
