// Exact decimal arithmetic for SurrealQL `decimal` values (@baton/codecs Decimal keeps only the
// text). Mirrors rust_decimal, SurrealDB's decimal: a 96-bit integer of units and a scale of at
// most 28 digits; results that do not fit are an overflow (undefined here).
import { Decimal } from "@baton/codecs";

/** `units / 10^scale`. */
export interface DecimalParts {
  readonly units: bigint;
  readonly scale: number;
}

const MAX_UNITS = 2n ** 96n - 1n;
const MAX_SCALE = 28;
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

const pow10 = (exponent: number): bigint => 10n ** BigInt(exponent);
const abs = (value: bigint): bigint => (value < 0n ? -value : value);

/** The parts of decimal text (`12.50`, `-3`, `1e-3`), or undefined when it is not a decimal. */
export function parseDecimalText(text: string): DecimalParts | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  const exponent = Number(exponentText);
  let units = BigInt(`${whole || "0"}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return fit({ units: sign === "-" ? -units : units, scale });
}

/** The parts of a Decimal value (its text is trusted to be decimal text). */
export function decimalParts(value: Decimal): DecimalParts {
  return parseDecimalText(value.value) ?? { units: 0n, scale: 0 };
}

/** Text with the scale kept (`3.0`), as rust_decimal prints it. */
export function formatDecimalParts(parts: DecimalParts): string {
  const digits = abs(parts.units).toString().padStart(parts.scale + 1, "0");
  const sign = parts.units < 0n ? "-" : "";
  if (parts.scale === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -parts.scale)}.${digits.slice(-parts.scale)}`;
}

export const toDecimal = (parts: DecimalParts): Decimal => new Decimal(formatDecimalParts(parts));

/** Drops trailing fractional zeros (rust_decimal's `normalize`). */
export function normalizeDecimal(parts: DecimalParts, minScale = 0): DecimalParts {
  let { units, scale } = parts;
  while (scale > minScale && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/** Rounds to `scale` digits, half to even. */
function rescale(parts: DecimalParts, scale: number): DecimalParts {
  if (scale >= parts.scale) return { units: parts.units * pow10(scale - parts.scale), scale };
  const divisor = pow10(parts.scale - scale);
  let quotient = parts.units / divisor;
  const remainder = abs(parts.units % divisor) * 2n;
  if (remainder > divisor || (remainder === divisor && quotient % 2n !== 0n)) quotient += parts.units < 0n ? -1n : 1n;
  return { units: quotient, scale };
}

/** Fits the parts in 96 bits and 28 digits of scale, losing fractional digits first; undefined on overflow. */
function fit(parts: DecimalParts): DecimalParts | undefined {
  let current = parts.scale > MAX_SCALE ? rescale(parts, MAX_SCALE) : parts;
  while (abs(current.units) > MAX_UNITS && current.scale > 0) current = rescale(current, current.scale - 1);
  return abs(current.units) > MAX_UNITS ? undefined : current;
}

function aligned(a: DecimalParts, b: DecimalParts): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function compareDecimals(a: DecimalParts, b: DecimalParts): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimals(a: DecimalParts, b: DecimalParts): DecimalParts | undefined {
  const [x, y, scale] = aligned(a, b);
  return fit({ units: x + y, scale });
}

export function subtractDecimals(a: DecimalParts, b: DecimalParts): DecimalParts | undefined {
  const [x, y, scale] = aligned(a, b);
  return fit({ units: x - y, scale });
}

export function multiplyDecimals(a: DecimalParts, b: DecimalParts): DecimalParts | undefined {
  return fit({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** The quotient to 28 fractional digits, trailing zeros dropped; undefined for a zero divisor or overflow. */
export function divideDecimals(a: DecimalParts, b: DecimalParts): DecimalParts | undefined {
  if (b.units === 0n) return undefined;
  const numerator = a.units * pow10(b.scale + MAX_SCALE + 1);
  const denominator = b.units * pow10(a.scale);
  const quotient = fit(rescale({ units: numerator / denominator, scale: MAX_SCALE + 1 }, MAX_SCALE));
  return quotient && normalizeDecimal(quotient, Math.max(0, a.scale - b.scale));
}

/** The remainder with the dividend's sign; undefined for a zero divisor. */
export function remainderDecimals(a: DecimalParts, b: DecimalParts): DecimalParts | undefined {
  if (b.units === 0n) return undefined;
  const [x, y, scale] = aligned(a, b);
  return { units: x % y, scale };
}

/** `a ** exponent` for an integer exponent (rust_decimal's `checked_powi`). */
export function powerDecimal(a: DecimalParts, exponent: bigint): DecimalParts | undefined {
  let result: DecimalParts | undefined = { units: 1n, scale: 0 };
  for (let i = 0n; i < abs(exponent) && result; i++) result = multiplyDecimals(result, a);
  if (!result || exponent >= 0n) return result;
  return divideDecimals({ units: 1n, scale: 0 }, result);
}

export const decimalFromBigInt = (value: bigint): DecimalParts | undefined => fit({ units: value, scale: 0 });

/** A finite float as a decimal of its shortest round-trip digits (`0.1` → `0.1`), or undefined. */
export function decimalFromFloat(value: number): DecimalParts | undefined {
  return Number.isFinite(value) ? parseDecimalText(String(value)) : undefined;
}

export const decimalToFloat = (parts: DecimalParts): number => Number(formatDecimalParts(parts));

export const isIntegerDecimal = (parts: DecimalParts): boolean => parts.units % pow10(parts.scale) === 0n;

/** The integer part, truncated towards zero. */
export const truncateDecimal = (parts: DecimalParts): bigint => parts.units / pow10(parts.scale);
