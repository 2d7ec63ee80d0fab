// The exact text in a `[kind, exact]` tag: each kind's own text form (an int's digits, a float's
// `NaN`/`Infinity`/`-0`, a datetime's RFC 3339 with nanoseconds, a record id as SurrealQL writes
// it). Only the kinds a lossy image can arise for are written this way.
import { Datetime, Decimal, Duration, type RecordId } from "@baton/codecs";
import { int64 } from "./int-value.js";
import { formatRecordIdText, parseRecordIdText } from "./record-link.js";
import { kindOf } from "./value-kind.js";

/** The exact text of `value`, or undefined for kinds that are never tagged this way. */
export function exactText(value: unknown): string | undefined {
  switch (kindOf(value)) {
    case "int":
      return String(value);
    case "float":
      return floatText(value as number);
    case "string":
      return value as string;
    case "decimal":
      return (value as Decimal).value;
    case "datetime":
      return (value as Datetime).toISOString();
    case "duration":
      return (value as Duration).toString();
    case "record":
      return formatRecordIdText(value as RecordId);
    case "none":
    case "null":
    case "bool":
    case "uuid":
    case "bytes":
    case "table":
    case "set":
    case "array":
    case "object":
    case "geometry":
    case "range":
      return undefined;
  }
}

function floatText(value: number): string {
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

/** The value a `[kind, exact]` tag stands for, or undefined when the text is not of that kind. */
export function parseExact(kind: string, text: string): unknown {
  try {
    switch (kind) {
      case "int":
        return /^-?\d+$/.test(text) ? int64(BigInt(text)) : undefined;
      case "float":
        return text === "NaN" || /^-?(Infinity|\d)/.test(text) ? Number(text) : undefined;
      case "string":
        return text;
      case "decimal":
        return new Decimal(text);
      case "datetime":
        return Datetime.parse(text);
      case "duration":
        return Duration.parse(text);
      case "record":
        return parseRecordIdText(text);
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
