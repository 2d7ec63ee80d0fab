// Rounding SurrealDB does that JS lacks: decimals to a number of places by a chosen rule
// (rust_decimal rounds half to even), floats half away from zero (Rust's `f64::round`; JS's
// Math.round sends -2.5 to -2), and the exact decimal value of a float, which `math::fixed` rounds.
import type { DecimalParts } from "../values/decimal-arithmetic.js";

export type RoundingMode = "half-even" | "floor" | "ceil";

/** The decimal with at most `places` fraction digits, rounded by `mode`. */
export function roundDecimalParts(value: DecimalParts, options: { places: number; mode: RoundingMode }): DecimalParts {
  const { places, mode } = options;
  if (value.scale <= places) return value;
  const divisor = 10n ** BigInt(value.scale - places);
  let quotient = value.units / divisor;
  const remainder = value.units % divisor;
  if (remainder !== 0n) {
    const negative = value.units < 0n;
    const twice = (remainder < 0n ? -remainder : remainder) * 2n;
    const awayFromZero =
      mode === "floor" ? negative
      : mode === "ceil" ? !negative
      : twice > divisor || (twice === divisor && quotient % 2n !== 0n);
    if (awayFromZero) quotient += negative ? -1n : 1n;
  }
  return { units: quotient, scale: places };
}

/** The exact value of a finite float: every binary fraction has a finite decimal expansion. */
export function exactFloat(value: number): DecimalParts {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite float: ${value}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const signed = bits >> 63n === 1n ? -mantissa : mantissa;
  // m × 2^-k = m × 5^k / 10^k.
  return exponent >= 0
    ? { units: signed << BigInt(exponent), scale: 0 }
    : { units: signed * 5n ** BigInt(-exponent), scale: -exponent };
}

/** Rust's `f64::round`: halves go away from zero. */
export function roundHalfAway(value: number): number {
  if (!Number.isFinite(value)) return value;
  const whole = Math.trunc(value);
  return Math.abs(value - whole) >= 0.5 ? whole + Math.sign(value) : whole;
}

/** Rust's `f64::signum`: ±1 by the sign bit for every number but NaN (so -0 gives -1). */
export function floatSignum(value: number): number {
  if (Number.isNaN(value)) return value;
  return value > 0 || Object.is(value, 0) ? 1 : -1;
}
