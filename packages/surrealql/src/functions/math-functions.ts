// The `math::*` SurrealQL functions and constants, with SurrealDB 3's number semantics: ints stay
// ints where SurrealDB keeps them (`math::sum([1, 2])` is `3`), floats and decimals keep their kind.
import { NONE } from "@baton/codecs";
import { formatDecimalParts, toDecimal } from "../values/decimal-arithmetic.js";
import { applyArithmetic, arithmeticOverflow, type ArithmeticOp } from "../values/number-arithmetic.js";
import {
  I64_MIN,
  asNumber,
  compareNumbers,
  decimalOf,
  intValue,
  numberValue,
  toFloat,
  type SurrealNumber,
} from "../values/surreal-number.js";
import { arrayOf, int, literal, number } from "./argument-kinds.js";
import { ArgumentProblem, defineFunctions, fn } from "./function-definition.js";
import { powerNumbers } from "../values/value-arithmetic.js";
import type { FunctionTable } from "./function-types.js";
import { exactFloat, floatSignum, roundDecimalParts, roundHalfAway, type RoundingMode } from "./number-rounding.js";
import { extremes, mean, median, mode, nearestRank, percentile, sortNumbers, spread, variance } from "./number-statistics.js";

/**
 * SurrealQL's math constants (`math::pi`, `math::inf`, …), by lower-case name: SurrealDB reads
 * them case-insensitively (`MATH::PI` is `math::pi`). They are values, not functions.
 */
export const MATH_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ["math::e", Math.E],
  ["math::frac_1_pi", 1 / Math.PI],
  ["math::frac_1_sqrt_2", Math.SQRT1_2],
  ["math::frac_2_pi", 2 / Math.PI],
  ["math::frac_2_sqrt_pi", 2 / Math.sqrt(Math.PI)],
  ["math::frac_pi_2", Math.PI / 2],
  ["math::frac_pi_3", Math.PI / 3],
  ["math::frac_pi_4", Math.PI / 4],
  ["math::frac_pi_6", Math.PI / 6],
  ["math::frac_pi_8", Math.PI / 8],
  ["math::inf", Infinity],
  ["math::infinity", Infinity],
  ["math::ln_10", Math.LN10],
  ["math::ln_2", Math.LN2],
  ["math::log10_2", Math.log10(2)],
  ["math::log10_e", Math.LOG10E],
  ["math::log2_10", Math.log2(10)],
  ["math::log2_e", Math.LOG2E],
  ["math::neg_inf", -Infinity],
  ["math::neg_infinity", -Infinity],
  ["math::pi", Math.PI],
  ["math::sqrt_2", Math.SQRT2],
  ["math::tau", 2 * Math.PI],
]);

const numbers = arrayOf(number);

/** A function of one number computed on its float value (`math::sin`, `math::ln`, …). */
const onFloat = (compute: (value: number) => number) => fn([number], ([value]) => compute(toFloat(value)));

/** Rounding that leaves ints alone and keeps floats and decimals in their kind. */
function rounding(options: { float: (value: number) => number; decimal: RoundingMode }) {
  return fn([number], ([value]) => {
    if (value.kind === "int") return intValue(value.value);
    if (value.kind === "float") return options.float(value.value);
    return toDecimal(roundDecimalParts(value.value, { places: 0, mode: options.decimal }));
  });
}

/** The second argument of `math::top`, `math::bottom` and `math::fixed`. */
function positiveCount(count: bigint): number {
  if (count <= 0n) throw new ArgumentProblem("The second argument must be an integer greater than 0.");
  return Number(count);
}

/** Checked arithmetic where SurrealDB's own fails loudly (an int leaving i64). */
function checked(op: ArithmeticOp, operands: { a: SurrealNumber; b: SurrealNumber; expression: () => string }): SurrealNumber {
  const result = applyArithmetic(op, operands.a, operands.b);
  if (result === undefined) throw arithmeticOverflow(operands.expression());
  return result;
}

const ZERO: SurrealNumber = { kind: "int", value: 0n };
const ONE: SurrealNumber = { kind: "int", value: 1n };

function absolute(value: SurrealNumber): unknown {
  if (value.kind === "float") return Math.abs(value.value);
  if (value.kind === "decimal") return toDecimal({ units: value.value.units < 0n ? -value.value.units : value.value.units, scale: value.value.scale });
  if (value.value === I64_MIN) throw arithmeticOverflow(`math::abs(${literal(numberValue(value))})`);
  return intValue(value.value < 0n ? -value.value : value.value);
}

/** `math::fixed` on a float: its exact binary value rounded half to even, as Rust's `{:.N}` prints it. */
function fixedFloat(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  return Number(formatDecimalParts(roundDecimalParts(exactFloat(value), { places, mode: "half-even" })));
}

/** A number as a decimal (SurrealDB's `to_decimal`); a non-finite float becomes 0. */
function asDecimal(value: SurrealNumber): SurrealNumber {
  return asNumber(decimalOf(value)) ?? { kind: "decimal", value: { units: 0n, scale: 0 } };
}

function clamp(value: SurrealNumber, bounds: { min: SurrealNumber; max: SurrealNumber }): unknown {
  const { min, max } = bounds;
  if (compareNumbers(min, max) > 0) throw new ArgumentProblem("Lowerbound for clamp must be smaller than the upperbound");
  const clamped = compareNumbers(value, min) < 0 ? min : compareNumbers(value, max) > 0 ? max : value;
  // Ints clamp to an int only between int bounds; a decimal clamps to a decimal, anything else to a float.
  if (value.kind === "int" && min.kind === "int" && max.kind === "int") return numberValue(clamped);
  if (value.kind === "decimal") return numberValue(asDecimal(clamped));
  return Number.isNaN(toFloat(value)) ? Number.NaN : toFloat(clamped);
}

function lerp(options: { from: SurrealNumber; to: SurrealNumber; factor: SurrealNumber }): unknown {
  const { from, to, factor } = options;
  if (factor.kind !== "decimal") return toFloat(from) + toFloat(factor) * (toFloat(to) - toFloat(from));
  const [start, end] = [asDecimal(from), asDecimal(to)];
  const step = applyArithmetic("multiply", factor, applyArithmetic("subtract", end, start) ?? ZERO) ?? ZERO;
  return numberValue(applyArithmetic("add", start, step) ?? start);
}

/** Interpolates angles in degrees the short way round, on floats, as SurrealDB does. */
function lerpAngle(options: { from: number; to: number; factor: number }): number {
  const { from, to, factor } = options;
  const difference = to - from;
  let delta = Math.min(Math.max(difference - Math.floor(difference / 360) * 360, 0), 360);
  if (delta > 180) delta = 360 - delta;
  return from + factor * (from + delta - from);
}

function sign(value: SurrealNumber): unknown {
  if (value.kind === "float") return floatSignum(value.value);
  const signum = (n: bigint) => (n > 0n ? 1n : n < 0n ? -1n : 0n);
  return value.kind === "int" ? intValue(signum(value.value)) : toDecimal({ units: signum(value.value.units), scale: 0 });
}

/** The square root of a number that is not below 0 (NaN otherwise); a decimal's root is a decimal. */
function squareRoot(value: SurrealNumber): unknown {
  if (compareNumbers(value, ZERO) < 0) return Number.NaN;
  const root = Math.sqrt(toFloat(value));
  return value.kind === "decimal" ? numberValue(asDecimal({ kind: "float", value: root })) : root;
}

/** The greatest (last of equals, like Rust's `max`) or least (first of equals) number. */
function extreme(list: readonly SurrealNumber[], keep: "max" | "min"): SurrealNumber | undefined {
  let best: SurrealNumber | undefined;
  for (const value of list) {
    const order = best === undefined ? 0 : compareNumbers(value, best);
    if (best === undefined || (keep === "max" ? order >= 0 : order < 0)) best = value;
  }
  return best;
}

/** A fold of the list from `start` (`math::sum` from 0, `math::product` from 1). */
function fold(list: readonly SurrealNumber[], options: { op: ArithmeticOp; start: SurrealNumber; name: string }): unknown {
  const expression = () => `${options.name}(${literal(list.map(numberValue))})`;
  return numberValue(list.reduce((total, value) => checked(options.op, { a: total, b: value, expression }), options.start));
}

const quartiles = (sorted: readonly SurrealNumber[]) => ({ lower: percentile(sorted, 25), upper: percentile(sorted, 75) });

export const mathFunctions: FunctionTable = defineFunctions({
  "math::abs": fn([number], ([value]) => absolute(value)),
  "math::acos": onFloat(Math.acos),
  "math::acot": onFloat((x) => Math.PI / 2 - Math.atan(x)),
  "math::asin": onFloat(Math.asin),
  "math::atan": onFloat(Math.atan),
  "math::bottom": fn([numbers, int], ([list, count]) => extremes(list, { count: positiveCount(count), keep: "bottom" }).map(numberValue)),
  "math::ceil": rounding({ float: Math.ceil, decimal: "ceil" }),
  "math::clamp": fn([number, number, number], ([value, min, max]) => clamp(value, { min, max })),
  "math::cos": onFloat(Math.cos),
  "math::cot": onFloat((x) => 1 / Math.tan(x)),
  "math::deg2rad": onFloat((x) => x * (Math.PI / 180)),
  "math::fixed": fn([number, int], ([value, places]) => {
    const digits = positiveCount(places);
    if (value.kind === "int") return intValue(value.value);
    if (value.kind === "float") return fixedFloat(value.value, digits);
    return toDecimal(roundDecimalParts(value.value, { places: digits, mode: "half-even" }));
  }),
  "math::floor": rounding({ float: Math.floor, decimal: "floor" }),
  "math::interquartile": fn([numbers], ([list]) => {
    const { lower, upper } = quartiles(sortNumbers(list));
    return upper - lower;
  }),
  "math::lerp": fn([number, number, number], ([from, to, factor]) => lerp({ from, to, factor })),
  "math::lerpangle": fn([number, number, number], ([from, to, factor]) =>
    lerpAngle({ from: toFloat(from), to: toFloat(to), factor: toFloat(factor) }),
  ),
  "math::ln": onFloat(Math.log),
  "math::log": fn([number, number], ([value, base]) => Math.log(toFloat(value)) / Math.log(toFloat(base))),
  "math::log10": onFloat(Math.log10),
  "math::log2": onFloat(Math.log2),
  "math::max": fn([numbers], ([list]) => {
    const found = extreme(list, "max");
    return found === undefined ? -Infinity : numberValue(found);
  }),
  "math::mean": fn([numbers], ([list]) => numberValue(mean(list))),
  "math::median": fn([numbers], ([list]) => (list.length === 0 ? NONE : median(sortNumbers(list)))),
  "math::midhinge": fn([numbers], ([list]) => {
    const { lower, upper } = quartiles(sortNumbers(list));
    return (upper + lower) / 2;
  }),
  "math::min": fn([numbers], ([list]) => {
    const found = extreme(list, "min");
    return found === undefined ? Infinity : numberValue(found);
  }),
  "math::mode": fn([numbers], ([list]) => numberValue(mode(list))),
  "math::nearestrank": fn([numbers, number], ([list, rank]) => numberValue(nearestRank(sortNumbers(list), toFloat(rank)))),
  "math::percentile": fn([numbers, number], ([list, rank]) => percentile(sortNumbers(list), toFloat(rank))),
  "math::pow": fn([number, number], ([base, exponent]) => powerNumbers(base, exponent)),
  "math::product": fn([numbers], ([list]) => fold(list, { op: "multiply", start: ONE, name: "math::product" })),
  "math::rad2deg": onFloat((x) => x * (180 / Math.PI)),
  "math::round": rounding({ float: roundHalfAway, decimal: "half-even" }),
  "math::sign": fn([number], ([value]) => sign(value)),
  "math::sin": onFloat(Math.sin),
  "math::spread": fn([numbers], ([list]) => numberValue(spread(list))),
  "math::sqrt": fn([number], ([value]) => squareRoot(value)),
  "math::stddev": fn([numbers], ([list]) => squareRoot(variance(list))),
  "math::sum": fn([numbers], ([list]) => fold(list, { op: "add", start: ZERO, name: "math::sum" })),
  "math::tan": onFloat(Math.tan),
  "math::top": fn([numbers, int], ([list, count]) => extremes(list, { count: positiveCount(count), keep: "top" }).map(numberValue)),
  "math::trimean": fn([numbers], ([list]) => {
    const sorted = sortNumbers(list);
    const { lower, upper } = quartiles(sorted);
    return ((upper + lower) / 2 + median(sorted)) * 0.5;
  }),
  "math::variance": fn([numbers], ([list]) => numberValue(variance(list))),
});
