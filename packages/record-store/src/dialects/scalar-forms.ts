// The forms of scalar values every dialect shares: text images (a value stored in a text
// column), and readings of stored SQL values by kind.
import type { SqlValue } from "@baton/adapters-kysely";
import { Datetime, Decimal, Duration, type RecordId, Table, Uuid } from "@baton/codecs";
import { int64, integerReading } from "../values/int-value.js";
import { linkText, parseLink } from "../values/record-link.js";
import { kindOf } from "../values/value-kind.js";

/** The text a scalar becomes in a text column; undefined for bytes and JSON kinds. */
export function naturalText(value: unknown): string | undefined {
  switch (kindOf(value)) {
    case "bool":
      return value === true ? "true" : "false";
    case "int":
      return String(value);
    case "float":
      return String(value);
    case "string":
      return value as string;
    case "decimal":
      return (value as Decimal).value;
    case "datetime":
      return (value as Datetime).toISOString();
    case "duration":
      return (value as Duration).toString();
    case "uuid":
      return (value as Uuid).toString();
    case "record":
      return linkText(value as RecordId);
    case "table":
      return (value as Table).name;
    case "none":
    case "null":
    case "bytes":
    case "set":
    case "array":
    case "object":
    case "geometry":
    case "range":
      return undefined;
  }
}

/** Reads text as `kind`; undefined when it is not of that kind. */
export function textAs(kind: string, text: string): unknown {
  try {
    switch (kind) {
      case "string":
        return text;
      case "int":
        return /^-?\d+$/.test(text) ? int64(BigInt(text)) : undefined;
      case "float":
        return /^\s*$/.test(text) ? undefined : Number.isNaN(Number(text)) && text !== "NaN" ? undefined : Number(text);
      case "bool":
        return text === "true" ? true : text === "false" ? false : undefined;
      case "decimal":
        return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? new Decimal(text) : undefined;
      case "datetime":
        return Datetime.parse(text);
      case "duration":
        return Duration.parse(text);
      case "uuid":
        return Uuid.parse(text);
      case "record":
        return parseLink(text);
      case "table":
        return new Table(text);
      case "bytes":
        return Uint8Array.from(Buffer.from(text, "base64"));
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/** Reads a stored value as `kind` (a tag's kind); undefined when it does not have that shape. */
export function storedAs(kind: string, stored: SqlValue): unknown {
  if (stored === null) return undefined;
  if (typeof stored === "string") return textAs(kind, stored);
  if (stored instanceof Uint8Array) return kind === "bytes" ? stored : undefined;
  if (typeof stored === "bigint") {
    if (kind === "int") return int64(stored);
    if (kind === "float") return Number(stored);
    if (kind === "bool") return stored === 1n ? true : stored === 0n ? false : undefined;
    if (kind === "string") return String(stored);
    return undefined;
  }
  if (kind === "float") return stored;
  if (kind === "int") return Number.isInteger(stored) ? int64(BigInt(stored)) : undefined;
  if (kind === "string") return String(stored);
  return undefined;
}

/** Reads a stored value by its own SQL type: integers, floats, bytes; text as text. */
export function byStorageClass(stored: SqlValue): unknown {
  // MySQL's BIGINT UNSIGNED reaches beyond i64: such integers read as floats.
  if (typeof stored === "bigint") return integerReading(stored);
  return stored;
}
