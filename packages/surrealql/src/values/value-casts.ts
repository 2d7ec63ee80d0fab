// Explicit casts (`<int> "5"`, `<record<person>> "person:1"`, `<array<int>> ["1", 2]`) with
// SurrealDB 3's conversion rules (its `Cast` trait): looser than coercion, strings parse.
import {
  Datetime,
  Duration,
  GeometryPoint,
  NONE,
  Range,
  RecordId,
  StringRecordId,
  Table,
  Uuid,
  parseRecordId,
} from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { TypeExpr } from "../syntax/ast.js";
import { normalizeDecimal, parseDecimalText, toDecimal } from "./decimal-arithmetic.js";
import { isPlainObject } from "./plain-object.js";
import { asNumber, decimalOf, intOf, intValue, isInt64, numberToInt, toFloat } from "./surreal-number.js";
import { ConversionFailure, tryConvert, type ConversionRules } from "./type-conversion.js";
import { sortedUnique } from "./value-order.js";
import { valueToString } from "./value-text.js";

export { coerceValue, matchesType, tryCoerceValue } from "./value-coercion.js";

type Converted = { readonly value: unknown } | undefined;

const ok = (value: unknown): Converted => ({ value });

const INTEGER_TEXT = /^[+-]?\d+$/;
// Rust's `f64::from_str`: decimal and exponent forms, `inf`, `infinity` and `nan` in any case.
const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const DATE_ONLY = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/;
/** Ranges expanded to arrays stop here, as SurrealDB's generation allocation limit. */
const RANGE_ARRAY_LIMIT = 1_000_000;

/** Rust's `str::parse::<i64>`. */
export function parseInt64(text: string): bigint | undefined {
  if (!INTEGER_TEXT.test(text)) return undefined;
  const value = BigInt(text);
  return isInt64(value) ? value : undefined;
}

/** Rust's `str::parse::<f64>`. */
export function parseFloat64(text: string): number | undefined {
  if (!FLOAT_TEXT.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/^\+/, "");
  if (lower.endsWith("inf") || lower.endsWith("infinity")) return lower.startsWith("-") ? -Infinity : Infinity;
  if (lower.endsWith("nan")) return Number.NaN;
  return Number(text);
}

/** The text of a string to parse; anything else fails the parse. */
function text(value: unknown): string {
  if (typeof value !== "string") throw new TypeError("not a string");
  return value;
}

/** SurrealQL datetime text: RFC 3339, or a date alone (midnight UTC). */
const datetimeText = (value: unknown): string => (DATE_ONLY.test(text(value)) ? `${text(value)}T00:00:00Z` : text(value));

function attempt<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

function castInt(value: unknown): Converted {
  const number = asNumber(value);
  if (number !== undefined) {
    const int = numberToInt(number);
    return int === undefined ? undefined : ok(int);
  }
  const parsed = typeof value === "string" ? parseInt64(value) : undefined;
  return parsed === undefined ? undefined : ok(intValue(parsed));
}

function castFloat(value: unknown): Converted {
  const number = asNumber(value);
  if (number !== undefined) return ok(toFloat(number));
  const parsed = typeof value === "string" ? parseFloat64(value) : undefined;
  return parsed === undefined ? undefined : ok(parsed);
}

function castDecimal(value: unknown): Converted {
  const number = asNumber(value);
  if (number !== undefined) {
    const decimal = decimalOf(number);
    return decimal && ok(decimal);
  }
  const parts = typeof value === "string" ? parseDecimalText(value) : undefined;
  return parts && ok(toDecimal(normalizeDecimal(parts)));
}

function castNumber(value: unknown): Converted {
  if (asNumber(value) !== undefined) return ok(value);
  if (typeof value !== "string") return undefined;
  const int = parseInt64(value);
  if (int !== undefined) return ok(intValue(int));
  const float = parseFloat64(value);
  return float === undefined ? undefined : ok(float);
}

function castString(value: unknown): Converted {
  if (value instanceof Uint8Array) {
    return attempt(() => ok(new TextDecoder("utf-8", { fatal: true }).decode(value)));
  }
  return ok(valueToString(value));
}

function castBytes(value: unknown): Converted {
  if (value instanceof Uint8Array) return ok(value);
  if (typeof value === "string") return ok(new Uint8Array(Buffer.from(value, "utf8")));
  if (!Array.isArray(value)) return undefined;
  const ints = value.map((item) => castInt(item));
  if (ints.some((item) => item === undefined)) return undefined;
  // Rust's `as u8` keeps the low byte.
  return ok(Uint8Array.from(ints.map((item) => Number(BigInt.asUintN(8, BigInt(item?.value as number | bigint))))));
}

function castRange(value: unknown): Converted {
  if (value instanceof Range) return ok(value);
  if (Array.isArray(value) && value.length === 2) {
    return ok(new Range({ begin: { kind: "included", value: value[0] }, end: { kind: "excluded", value: value[1] } }));
  }
  return undefined;
}

const NAMED_CASTS: Readonly<Record<string, (value: unknown) => Converted>> = {
  any: ok,
  none: (value) => (value === NONE || value === undefined ? ok(NONE) : undefined),
  null: (value) => (value === null ? ok(null) : undefined),
  bool: (value) => (typeof value === "boolean" ? ok(value) : value === "true" || value === "false" ? ok(value === "true") : undefined),
  int: castInt,
  float: castFloat,
  decimal: castDecimal,
  number: castNumber,
  string: castString,
  datetime: (value) => attempt(() => ok(value instanceof Datetime ? value : Datetime.parse(datetimeText(value)))),
  duration: (value) => attempt(() => ok(value instanceof Duration ? value : Duration.parse(text(value)))),
  uuid: (value) => attempt(() => ok(value instanceof Uuid ? value : Uuid.parse(text(value)))),
  bytes: castBytes,
  object: (value) => (isPlainObject(value) ? ok(value) : undefined),
  range: castRange,
  table: (value) => (value instanceof Table ? ok(value) : typeof value === "string" ? ok(new Table(value)) : undefined),
};

/** The items `<array>` makes of a value: an array, a set's items, bytes as ints, an int range expanded. */
function castArrayItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  if (value instanceof Set) return sortedUnique(value);
  if (value instanceof Uint8Array) return [...value];
  if (value instanceof Range) return expandRange(value);
  return undefined;
}

function expandRange(range: Range): unknown[] | undefined {
  const { begin, end } = range;
  if (begin.kind === "unbounded" || end.kind === "unbounded") return undefined;
  const [from, to] = [intOf(begin.value), intOf(end.value)];
  if (from === undefined || to === undefined) return undefined;
  const first = begin.kind === "included" ? from : from + 1n;
  const last = end.kind === "included" ? to : to - 1n;
  if (last - first + 1n > BigInt(RANGE_ARRAY_LIMIT)) {
    throw new ConversionFailure("Casting range to an array would create an array larger then the max allocation limit.");
  }
  const items: unknown[] = [];
  for (let i = first; i <= last; i++) items.push(intValue(i));
  return items;
}

function castRecordId(value: unknown): RecordId | undefined {
  if (value instanceof RecordId) return value;
  if (typeof value === "string" || value instanceof StringRecordId) return attempt(() => parseRecordId(String(value)));
  return undefined;
}

function castPoint(value: unknown, kinds: readonly string[]): unknown {
  if (!kinds.includes("point") || !Array.isArray(value) || value.length !== 2) return undefined;
  const [x, y] = value.map(asNumber);
  return x && y ? new GeometryPoint(toFloat(x), toFloat(y)) : undefined;
}

/** SurrealDB's message for a value (`found`, as SurrealQL text) that does not cast to the type `into`. */
export function castMessage(into: string, found: string): string {
  return `Could not cast into \`${into}\` using input \`${found}\``;
}

const CAST_RULES: ConversionRules = {
  named: (name, value) => {
    const cast = NAMED_CASTS[name];
    return cast === undefined ? undefined : cast(value);
  },
  arrayItems: castArrayItems,
  setItems: castArrayItems,
  recordId: castRecordId,
  geometry: castPoint,
  invalid: castMessage,
};

/**
 * `<type> value`: the value converted with SurrealDB 3's cast rules, or an RpcError validation
 * error with its message ("Could not cast into `int` using input `'x'`").
 */
export function castValue(type: TypeExpr, value: unknown): unknown {
  const result = tryConvert(CAST_RULES, type, value);
  if ("error" in result) throw RpcError.validation(result.error);
  return result.value;
}

/** Whether `<type> value` would succeed. */
export function canCast(type: TypeExpr, value: unknown): boolean {
  return !("error" in tryConvert(CAST_RULES, type, value));
}
