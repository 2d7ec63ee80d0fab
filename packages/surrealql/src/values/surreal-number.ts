// SurrealQL numbers as one tagged type (int, float, decimal) over the ways Baton holds them in
// memory (an integral JS number or a bigint is an int, another JS number a float, a Decimal a
// decimal), with SurrealDB's cross-kind numeric order.
import { Decimal } from "@baton/codecs";
import {
  compareDecimals,
  decimalFromBigInt,
  decimalFromFloat,
  decimalParts,
  isIntegerDecimal,
  toDecimal,
  truncateDecimal,
  type DecimalParts,
} from "./decimal-arithmetic.js";
import { isIntegralNumber } from "./value-kind.js";

export type SurrealNumber =
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "decimal"; readonly value: DecimalParts };

export const I64_MIN = -(2n ** 63n);
export const I64_MAX = 2n ** 63n - 1n;

export const isInt64 = (value: bigint): boolean => value >= I64_MIN && value <= I64_MAX;

/** The number `value` holds, or undefined when it is not a number. */
export function asNumber(value: unknown): SurrealNumber | undefined {
  if (typeof value === "number") {
    return isIntegralNumber(value) ? { kind: "int", value: BigInt(value) } : { kind: "float", value };
  }
  if (typeof value === "bigint") return { kind: "int", value };
  if (value instanceof Decimal) return { kind: "decimal", value: decimalParts(value) };
  return undefined;
}

/** The value as an int when it is one (a float or decimal is not, whole or not). */
export function intOf(value: unknown): bigint | undefined {
  const number = asNumber(value);
  return number?.kind === "int" ? number.value : undefined;
}

export const isNumeric = (value: unknown): boolean =>
  typeof value === "number" || typeof value === "bigint" || value instanceof Decimal;

/** An int as Baton holds it: a JS number when it is safe, a bigint beyond ±(2^53 − 1). */
export function intValue(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** The in-memory value of a number. */
export function numberValue(number: SurrealNumber): unknown {
  switch (number.kind) {
    case "int":
      return intValue(number.value);
    case "float":
      return number.value;
    case "decimal":
      return toDecimal(number.value);
  }
}

/** The number as a Decimal value, or undefined for a non-finite float or an int beyond 96 bits. */
export function decimalOf(number: SurrealNumber): Decimal | undefined {
  const parts =
    number.kind === "int" ? decimalFromBigInt(number.value) : number.kind === "float" ? decimalFromFloat(number.value) : number.value;
  return parts && toDecimal(parts);
}

/**
 * The number as an int where SurrealDB converts it: an int, a float without a fraction (saturating
 * at the i64 bounds, as Rust's `as i64`), a decimal without a fraction within i64; else undefined.
 */
export function numberToInt(number: SurrealNumber): number | bigint | undefined {
  switch (number.kind) {
    case "int":
      return intValue(number.value);
    case "float": {
      if (!Number.isInteger(number.value)) return undefined;
      const value = BigInt(number.value);
      return intValue(value > I64_MAX ? I64_MAX : value < I64_MIN ? I64_MIN : value);
    }
    case "decimal": {
      const value = isIntegerDecimal(number.value) ? truncateDecimal(number.value) : undefined;
      return value !== undefined && isInt64(value) ? intValue(value) : undefined;
    }
  }
}

/** The number as a float (ints and decimals lose what a double cannot hold). */
export function toFloat(number: SurrealNumber): number {
  switch (number.kind) {
    case "int":
      return Number(number.value);
    case "float":
      return number.value;
    case "decimal":
      return Number(toDecimal(number.value).value);
  }
}

/** Floats in SurrealDB's total order: -0 = 0, NaN above every other number. */
function compareFloats(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIntFloat(int: bigint, float: number): number {
  if (Number.isNaN(float) || float === Infinity) return -1;
  if (float === -Infinity) return 1;
  const whole = BigInt(Math.trunc(float));
  if (int !== whole) return int < whole ? -1 : 1;
  const fraction = float - Math.trunc(float);
  return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

function compareFloatDecimal(float: number, decimal: DecimalParts): number {
  if (Number.isNaN(float) || float === Infinity) return 1;
  if (float === -Infinity) return -1;
  return compareDecimals(decimalFromFloat(float) ?? { units: 0n, scale: 0 }, decimal);
}

/** Numeric order across kinds: 1 < 1.5 < 2dec; 1 = 1.0 = 1dec. */
export function compareNumbers(a: SurrealNumber, b: SurrealNumber): number {
  // `|| 0` turns the -0 of a negated tie into 0.
  return compareAcrossKinds(a, b) || 0;
}

function compareAcrossKinds(a: SurrealNumber, b: SurrealNumber): number {
  if (a.kind === "int" && b.kind === "int") return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (a.kind === "float" && b.kind === "float") return compareFloats(a.value, b.value);
  if (a.kind === "decimal" && b.kind === "decimal") return compareDecimals(a.value, b.value);
  if (a.kind === "int" && b.kind === "float") return compareIntFloat(a.value, b.value);
  if (a.kind === "float" && b.kind === "int") return -compareIntFloat(b.value, a.value);
  if (a.kind === "int" && b.kind === "decimal") return compareDecimals({ units: a.value, scale: 0 }, b.value);
  if (a.kind === "decimal" && b.kind === "int") return compareDecimals(a.value, { units: b.value, scale: 0 });
  if (a.kind === "float" && b.kind === "decimal") return compareFloatDecimal(a.value, b.value);
  if (a.kind === "decimal" && b.kind === "float") return -compareFloatDecimal(b.value, a.value);
  return 0;
}

/** SurrealDB's truthiness of a number: anything but zero (NaN is truthy). */
export function isNonZero(number: SurrealNumber): boolean {
  switch (number.kind) {
    case "int":
      return number.value !== 0n;
    case "float":
      return number.value !== 0;
    case "decimal":
      return number.value.units !== 0n;
  }
}
