// SurrealQL number literals: how far one reaches in the text (ints, floats `1.5` `1e3` `1.5f`,
// decimals `1.5dec`, durations `1h30m`) and the value it stands for.
import { Decimal, Duration } from "@baton/codecs";

export type NumericKind = "int" | "float" | "decimal" | "duration";

/** A scanned number: its kind and its text without a `f`/`dec` suffix; or why it is no number. */
export type ScannedNumber =
  | { readonly end: number; readonly numeric: NumericKind; readonly digits: string }
  | { readonly end: number; readonly invalid: string };

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
export const isIdentChar = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || isDigit(c) || c === "_");

// Longest first, so `ms` is not read as `m` followed by `s`.
const DURATION_UNITS = ["ns", "us", "µs", "ms", "s", "m", "h", "d", "w", "y"] as const;

function digitsEnd(text: string, from: number): number {
  let at = from;
  while (isDigit(text[at])) at++;
  return at;
}

/** The duration unit at `at`, when one stands there and ends a word or is followed by more digits. */
function durationUnitAt(text: string, at: number): string | undefined {
  const unit = DURATION_UNITS.find((u) => text.startsWith(u, at));
  if (unit === undefined) return undefined;
  const after = text[at + unit.length];
  return isIdentChar(after) && !isDigit(after) ? undefined : unit;
}

/** True when `suffix` stands at `at` as the end of a word. */
const suffixAt = (options: { text: string; at: number; suffix: string }): boolean =>
  options.text.startsWith(options.suffix, options.at) && !isIdentChar(options.text[options.at + options.suffix.length]);

function scanDuration(text: string, start: number): ScannedNumber {
  let at = start;
  while (isDigit(text[at])) {
    at = digitsEnd(text, at);
    const unit = durationUnitAt(text, at);
    if (unit === undefined) return { end: at, invalid: "Invalid duration, expected a duration unit" };
    at += unit.length;
  }
  if (isIdentChar(text[at])) return { end: at, invalid: "Invalid duration" };
  return { end: at, numeric: "duration", digits: text.slice(start, at) };
}

/** Scans the number starting at `start` (a digit). */
export function scanNumber(text: string, start: number): ScannedNumber {
  let at = digitsEnd(text, start);
  let numeric: NumericKind = "int";
  if (text[at] === "." && isDigit(text[at + 1])) {
    numeric = "float";
    at = digitsEnd(text, at + 1);
  }
  const sign = text[at + 1] === "+" || text[at + 1] === "-" ? 1 : 0;
  if ((text[at] === "e" || text[at] === "E") && isDigit(text[at + 1 + sign])) {
    numeric = "float";
    at = digitsEnd(text, at + 1 + sign);
  }
  const digits = text.slice(start, at);
  if (suffixAt({ text, at, suffix: "dec" })) return { end: at + 3, numeric: "decimal", digits };
  if (suffixAt({ text, at, suffix: "f" })) return { end: at + 1, numeric: "float", digits };
  if (numeric === "int" && durationUnitAt(text, at) !== undefined) return scanDuration(text, start);
  if (isIdentChar(text[at])) return { end: at, invalid: "Invalid number" };
  return { end: at, numeric, digits };
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** An int as Baton's values hold it: a number within ±(2^53−1), a bigint beyond; undefined outside i64. */
export function integerValue(digits: string, negative: boolean): number | bigint | undefined {
  const big = negative ? -BigInt(digits) : BigInt(digits);
  if (big < I64_MIN || big > I64_MAX) return undefined;
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/**
 * The value of a scanned number, negated when a `-` was written against it. Durations cannot be
 * negative: the caller applies a negation to them as an operator. Throws RangeError for an int
 * outside i64 (SurrealDB refuses those too).
 */
export function numberValue(options: { numeric: NumericKind; digits: string; negative: boolean }): unknown {
  const { numeric, digits, negative } = options;
  switch (numeric) {
    case "int": {
      const value = integerValue(digits, negative);
      if (value === undefined) throw new RangeError("Invalid number: it does not fit a 64-bit integer");
      return value;
    }
    case "float":
      return negative ? -Number(digits) : Number(digits);
    case "decimal":
      return new Decimal(negative ? `-${digits}` : digits);
    case "duration":
      return Duration.parse(digits);
  }
}
