// Coercion of a value to a declared type (DEFINE FIELD … TYPE, typed LET, function parameters and
// arguments) with SurrealDB 3's rules (its `Coerce` trait): stricter than a cast, strings never
// parse ("5" is not an int), numbers widen only without loss, option<T> accepts NONE.
import { Datetime, Duration, NONE, Range, RecordId, StringRecordId, Table, Uuid, parseRecordId } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { TypeExpr } from "../syntax/ast.js";
import { Closure } from "./closure-value.js";
import { isPlainObject } from "./plain-object.js";
import { asNumber, decimalOf, numberToInt, toFloat } from "./surreal-number.js";
import { tryConvert, type ConversionRules } from "./type-conversion.js";
import { sortedUnique } from "./value-order.js";

type Converted = { readonly value: unknown } | undefined;

const ok = (value: unknown): Converted => ({ value });
const when = (test: boolean, value: unknown): Converted => (test ? ok(value) : undefined);

function coerceInt(value: unknown): Converted {
  const number = asNumber(value);
  const int = number && numberToInt(number);
  return int === undefined ? undefined : ok(int);
}

function coerceDecimal(value: unknown): Converted {
  const number = asNumber(value);
  const decimal = number && decimalOf(number);
  return decimal && ok(decimal);
}

const NAMED_COERCIONS: Readonly<Record<string, (value: unknown) => Converted>> = {
  any: ok,
  none: (value) => when(value === NONE || value === undefined, NONE),
  null: (value) => when(value === null, null),
  bool: (value) => when(typeof value === "boolean", value),
  int: coerceInt,
  float: (value) => {
    const number = asNumber(value);
    return number && ok(toFloat(number));
  },
  decimal: coerceDecimal,
  number: (value) => when(asNumber(value) !== undefined, value),
  string: (value) => when(typeof value === "string", value),
  datetime: (value) => when(value instanceof Datetime, value),
  duration: (value) => when(value instanceof Duration, value),
  uuid: (value) => when(value instanceof Uuid, value),
  bytes: (value) => when(value instanceof Uint8Array, value),
  object: (value) => when(isPlainObject(value), value),
  range: (value) => when(value instanceof Range, value),
  function: (value) => when(value instanceof Closure, value),
  table: (value) => (value instanceof Table ? ok(value) : typeof value === "string" ? ok(new Table(value)) : undefined),
};

function coerceRecordId(value: unknown): RecordId | undefined {
  if (value instanceof RecordId) return value;
  // The wire's text form of a record id is a record id, not a string.
  if (value instanceof StringRecordId) {
    try {
      return parseRecordId(value.text);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** SurrealDB's message for a value (`found`, as SurrealQL text) that does not coerce to the type `into`. */
export function coercionMessage(into: string, found: string): string {
  return `Expected \`${into}\` but found \`${found}\``;
}

const COERCION_RULES: ConversionRules = {
  named: (name, value) => {
    const coerce = NAMED_COERCIONS[name];
    return coerce === undefined ? undefined : coerce(value);
  },
  arrayItems: (value) => (Array.isArray(value) ? value : undefined),
  setItems: (value) => (value instanceof Set ? sortedUnique(value) : undefined),
  recordId: coerceRecordId,
  geometry: () => undefined,
  invalid: coercionMessage,
};

/** The coerced value, or SurrealDB's reason it does not coerce ("Expected `int` but found `'x'`"). */
export function tryCoerceValue(type: TypeExpr, value: unknown): { readonly value: unknown } | { readonly error: string } {
  return tryConvert(COERCION_RULES, type, value);
}

/**
 * `value` coerced to `type`, or an RpcError validation error "Couldn't coerce value for
 * {subject}: Expected `int` but found `'x'`" — `subject` as SurrealDB words it for a field:
 * "field `age` of `person:1`".
 */
export function coerceValue(type: TypeExpr, value: unknown, subject: string): unknown {
  const result = tryCoerceValue(type, value);
  if ("error" in result) throw RpcError.validation(`Couldn't coerce value for ${subject}: ${result.error}`);
  return result.value;
}

/** Whether `value` is of `type` (coerces to it). */
export function matchesType(type: TypeExpr, value: unknown): boolean {
  return !("error" in tryCoerceValue(type, value));
}
