// The kinds a built-in function's arguments are coerced to. Each is a SurrealQL type coerced by
// the values' own rules (value-coercion.ts: strict, so an int is not a string and a string is not
// a datetime) with their wording (`Expected \`string\` but found \`5\``); the kind then hands the
// body the coerced value as the type it computes with (an int as a bigint, a number tagged).
import { Datetime, Duration, RecordId, Uuid, formatValue } from "@baton/codecs";
import type { TypeExpr } from "../syntax/ast.js";
import { Closure } from "../values/closure-value.js";
import { isPlainObject } from "../values/plain-object.js";
import { asNumber, intOf, type SurrealNumber } from "../values/surreal-number.js";
import { typeText } from "../values/type-text.js";
import { castMessage } from "../values/value-casts.js";
import { coercionMessage, tryCoerceValue } from "../values/value-coercion.js";
import { kindName } from "../values/value-kind.js";

/** Why a value does not fit a kind, in SurrealDB's words (after "Argument N was the wrong type. "). */
export class CoercionFailure extends Error {}

/** One argument coerced to `T`; `type` is the SurrealQL type it is coerced to (`int`, `array<number>`). */
export interface ValueKind<T> {
  readonly kind: "value";
  readonly type: TypeExpr;
  /** The value as `T`; throws CoercionFailure when it does not fit. */
  readonly coerce: (value: unknown) => T;
}

/** An argument that may be left out (not the same as NONE, which is a value). */
export interface OptionalKind<T> {
  readonly kind: "optional";
  readonly inner: ValueKind<T>;
}

/** All remaining arguments, each coerced to `T`. */
export interface RestKind<T> {
  readonly kind: "rest";
  readonly inner: ValueKind<T>;
}

export type ArgumentKind<T> = ValueKind<T> | OptionalKind<T> | RestKind<T>;

/** A value as SurrealQL prints it, for error messages; values without a literal (a regex) print as JS text. */
export function literal(value: unknown): string {
  try {
    return formatValue(value);
  } catch {
    return value instanceof RegExp ? `/${value.source}/` : String(value);
  }
}

/**
 * The kind of `type`: coerced as SurrealQL coerces, then read as `T` by `read`, which only narrows
 * what the coercion produced (its undefined would be our bug, not the caller's).
 */
function coercedKind<T>(type: TypeExpr, read: (coerced: unknown) => T | undefined): ValueKind<T> {
  return {
    kind: "value",
    type,
    coerce: (value) => {
      const result = tryCoerceValue(type, value);
      if ("error" in result) throw new CoercionFailure(result.error);
      const narrowed = read(result.value);
      if (narrowed === undefined) throw new Error(`Coercion to ${typeText(type)} gave a ${kindName(result.value)}`);
      return narrowed;
    },
  };
}

const named = (name: string): TypeExpr => ({ kind: "named", name });

export const optional = <T>(inner: ValueKind<T>): OptionalKind<T> => ({ kind: "optional", inner });
export const rest = <T>(inner: ValueKind<T>): RestKind<T> => ({ kind: "rest", inner });

/** Any value, NONE included: nothing to coerce. */
export const anyValue: ValueKind<unknown> = { kind: "value", type: named("any"), coerce: (value) => value };

export const text = coercedKind(named("string"), (value) => (typeof value === "string" ? value : undefined));

/** An int (i64) as a bigint: ints, whole floats (saturating, as Rust's `as i64`) and whole decimals within i64. */
export const int = coercedKind(named("int"), intOf);

/** Any number (int, float or decimal), tagged with its kind. */
export const number = coercedKind(named("number"), (value): SurrealNumber | undefined => asNumber(value));

/** A float: ints and decimals convert. */
export const float = coercedKind(named("float"), (value) => (typeof value === "number" ? value : undefined));

export const datetime = coercedKind(named("datetime"), (value) => (value instanceof Datetime ? value : undefined));

export const duration = coercedKind(named("duration"), (value) => (value instanceof Duration ? value : undefined));

export const uuid = coercedKind(named("uuid"), (value) => (value instanceof Uuid ? value : undefined));

/** A record id; `r"t:k"` text that reached us unparsed is read as one. */
export const record = coercedKind({ kind: "record", tables: [] }, (value) => (value instanceof RecordId ? value : undefined));

/** An array of any values. */
export const array = coercedKind({ kind: "array" }, (value): unknown[] | undefined => (Array.isArray(value) ? value : undefined));

export const object = coercedKind(named("object"), (value) => (isPlainObject(value) ? value : undefined));

/** A closure (`|$x| $x * 2`), SurrealDB's `function` type. */
export const closure = coercedKind(named("function"), (value) => (value instanceof Closure ? value : undefined));

/** An array whose every element has the kind of `element` (`array<number>`). */
export function arrayOf<T>(element: ValueKind<T>): ValueKind<T[]> {
  const type: TypeExpr = { kind: "array", inner: element.type };
  // The elements were coerced with the array; reading them again only narrows each to `T`.
  const items = coercedKind(type, (value) => (Array.isArray(value) ? value.map((item: unknown) => element.coerce(item)) : undefined));
  return {
    ...items,
    coerce: (value) => {
      // A typed list argument names its whole type when the value is no array at all (SurrealDB's
      // `Vec<T>` argument), where a field's `array<T>` says only `array`.
      if (!Array.isArray(value)) throw new CoercionFailure(coercionMessage(typeText(type), literal(value)));
      return items.coerce(value);
    },
  };
}

/**
 * Regex text in Rust's syntax as a JS RegExp. Leading inline flags (`(?i)`, `(?ms)`) become JS
 * flags, since JS has no inline form; the rest of the two syntaxes agree for everyday patterns.
 */
export function compileRegex(source: string): RegExp | undefined {
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  const flags = new Set(["u", ...(inline?.[1]?.replace("x", "") ?? "")]);
  try {
    return new RegExp(inline === null ? source : source.slice(inline[0].length), [...flags].join(""));
  } catch {
    return undefined;
  }
}

/** A regex, cast (not coerced) as SurrealDB does: text that compiles is one. Baton's values hold no regex kind. */
export const regex: ValueKind<RegExp> = {
  kind: "value",
  type: named("regex"),
  coerce: (value) => {
    const compiled = value instanceof RegExp ? value : typeof value === "string" ? compileRegex(value) : undefined;
    if (compiled === undefined) throw new CoercionFailure(castMessage("regex", literal(value)));
    return compiled;
  },
};
