// Expected values are SurrealDB 3's (its language tests and documentation).
import { Decimal, NONE } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";
import { MATH_CONSTANTS } from "./math-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);

describe("math:: functions of one number", () => {
  it.each<[string, unknown[], unknown]>([
    ["math::abs", [0], 0],
    ["math::abs", [-100], 100],
    ["math::abs", [-1.5], 1.5],
    ["math::abs", [new Decimal("-2.50")], new Decimal("2.50")],
    ["math::acos", [0.55], 0.9884320889261531],
    ["math::acot", [2], 0.46364760900080615],
    ["math::asin", [-0.55], -0.5823642378687435],
    ["math::atan", [0.39], 0.37185607384858127],
    ["math::ceil", [101], 101],
    ["math::ceil", [101.5], 102],
    ["math::ceil", [new Decimal("-102023.1")], new Decimal("-102023")],
    ["math::cos", [-1.23], 0.3342377271245026],
    ["math::cot", [0.5], 1.830487721712452],
    ["math::deg2rad", [45], 0.7853981633974483],
    ["math::floor", [101.5], 101],
    ["math::floor", [new Decimal("-1.5")], new Decimal("-2")],
    ["math::ln", [20], 2.995732273553991],
    ["math::log10", [2], 0.3010299956639812],
    ["math::log2", [2.7183], 1.4427046851812222],
    ["math::rad2deg", [0.7853981633974483], 45],
    ["math::round", [101.5], 102],
    ["math::round", [-2.5], -3],
    ["math::round", [new Decimal("2.5")], new Decimal("2")],
    ["math::sign", [2.7183], 1],
    ["math::sign", [-5], -1],
    ["math::sign", [0], 0],
    ["math::sign", [-Infinity], -1],
    ["math::sign", [new Decimal("-0.5")], new Decimal("-1")],
    ["math::sin", [-1.23], -0.9424888019316975],
    ["math::sqrt", [101], 10.04987562112089],
    ["math::tan", [45], 1.6197751905438615],
  ])("%s(%o) is %o", (name, args, expected) => {
    expect(callBuiltin(name, args)).toEqual(expected);
  });

  it("gives NaN where SurrealDB does", () => {
    expect(call("math::acos", 2)).toBeNaN();
    expect(call("math::sqrt", -1)).toBeNaN();
  });

  it("fails on an int overflow of math::abs", () => {
    expect(failureMessage(() => call("math::abs", -(2n ** 63n)))).toBe(
      'Failed to compute: "math::abs(-9223372036854775808)", as the operation results in an arithmetic overflow.',
    );
  });
});

describe("math:: functions of several numbers", () => {
  it.each<[string, unknown[], unknown]>([
    ["math::clamp", [1, 2, 4], 2],
    ["math::clamp", [5, 2, 4], 4],
    ["math::clamp", [5.5, 2, 4], 4],
    ["math::clamp", [new Decimal("9"), 2, 4], new Decimal("4")],
    ["math::fixed", [101, 2], 101],
    ["math::fixed", [101.5, 2], 101.5],
    ["math::fixed", [101.1111111, 2], 101.11],
    // The exact value of 0.125 ends in 5: Rust rounds such ties to even.
    ["math::fixed", [0.125, 2], 0.12],
    ["math::fixed", [2.2250738585072014e-308, 319], 2.22507385851e-308],
    ["math::fixed", [new Decimal("2.345"), 2], new Decimal("2.34")],
    ["math::lerp", [0, 10, 0.5], 5],
    ["math::lerp", [-20, -10, 0.5], -15],
    ["math::lerp", [0, 10, new Decimal("0.25")], new Decimal("2.50")],
    ["math::lerpangle", [90, 180, 0.5], 135],
    ["math::lerpangle", [-90, 90, 0.5], 0],
    ["math::lerpangle", [0, 180, 1.5], 270],
    ["math::log", [2.7183, 10], 0.43429738512450866],
    ["math::log", [2, 10], 0.30102999566398114],
    ["math::pow", [101, 3], 1030301],
    ["math::pow", [101.5, 3], 1045678.375],
    ["math::pow", [new Decimal("1.5"), 2], new Decimal("2.25")],
  ])("%s(%o) is %o", (name, args, expected) => {
    expect(callBuiltin(name, args)).toEqual(expected);
  });

  it("refuses what SurrealDB refuses", () => {
    expect(failureMessage(() => call("math::clamp", 1, 5, 4))).toBe(
      "Incorrect arguments for function math::clamp(). Lowerbound for clamp must be smaller than the upperbound",
    );
    expect(failureMessage(() => call("math::fixed", 101, 0))).toBe(
      "Incorrect arguments for function math::fixed(). The second argument must be an integer greater than 0.",
    );
    expect(failureMessage(() => call("math::pow", 101, 50))).toBe("Cannot raise the value '101' with '50'");
    expect(failureMessage(() => call("math::clamp", 1))).toBe("Incorrect arguments for function math::clamp(). Expected 3 arguments");
    expect(failureMessage(() => call("math::abs", "1"))).toBe(
      "Incorrect arguments for function math::abs(). Argument 1 was the wrong type. Expected `number` but found `'1'`",
    );
  });
});

describe("math:: functions of an array", () => {
  it.each<[string, unknown[], unknown]>([
    ["math::bottom", [[1, 2, 3], 1], [1]],
    // SurrealDB returns its heap as it stands, so the order is its own.
    ["math::bottom", [[1, 2, 3], 2], [2, 1]],
    ["math::bottom", [[1, 2, 3], 10], [3, 1, 2]],
    ["math::bottom", [[-1, 0, 1, 2, 3], 2], [0, -1]],
    ["math::interquartile", [[101, 213, 202]], 56],
    ["math::max", [[101, 213, 202]], 213],
    ["math::max", [[101.5, 213.5, 202.5]], 213.5],
    ["math::max", [[]], -Infinity],
    ["math::mean", [[101, 213, 203]], 172.33333333333334],
    ["math::mean", [[new Decimal("1.5"), 2]], new Decimal("1.75")],
    ["math::median", [[101, 213, 202]], 202],
    ["math::median", [[101.5, 213.5, 202.5, 1]], 152],
    ["math::median", [[]], NONE],
    ["math::midhinge", [[101, 213, 202]], 179.5],
    ["math::min", [[101, 213, 202]], 101],
    ["math::min", [[]], Infinity],
    ["math::mode", [[101, 213, 202]], 213],
    ["math::mode", [[1, 2, 2, 3]], 2],
    ["math::nearestrank", [[101, 213, 202], 75], 213],
    ["math::percentile", [[101, 213, 202], 99], 212.78],
    ["math::product", [[]], 1],
    ["math::product", [[101, 213, 202]], 4345626],
    ["math::product", [[101.5, 213.5, 202.5]], 4388225.625],
    ["math::spread", [[101, 213, 202]], 112],
    ["math::stddev", [[101, 213, 202]], 61.73329733620261],
    ["math::sum", [[]], 0],
    ["math::sum", [[101, 213, 202]], 516],
    ["math::sum", [[101.5, 213.5, 202.5]], 517.5],
    ["math::sum", [[new Decimal("0.1"), new Decimal("0.2")]], new Decimal("0.3")],
    ["math::top", [[1, 2, 3], 3], [1, 2, 3]],
    ["math::top", [[3, 2, 1], 3], [1, 3, 2]],
    ["math::top", [[-1, 0, 1, 2, 3], 2], [2, 3]],
    ["math::trimean", [[101, 213, 202]], 190.75],
    ["math::variance", [[101, 213, 202]], 3811],
    ["math::variance", [[5]], 0],
  ])("%s(%o) is %o", (name, args, expected) => {
    expect(callBuiltin(name, args)).toEqual(expected);
  });

  it("gives NaN for an empty array where SurrealDB does", () => {
    for (const name of ["math::interquartile", "math::midhinge", "math::mode", "math::spread", "math::stddev", "math::variance", "math::mean"]) {
      expect(call(name, [])).toBeNaN();
    }
    expect(call("math::percentile", [1, 2], 101)).toBeNaN();
  });

  it("refuses arrays that hold other than numbers, and counts below 1", () => {
    expect(failureMessage(() => call("math::top", [[], {}], 2))).toBe(
      "Incorrect arguments for function math::top(). Argument 1 was the wrong type. Expected `number` but found `[]` when coercing an element of `array<number>`",
    );
    expect(failureMessage(() => call("math::bottom", [1, 2, 3], 0))).toBe(
      "Incorrect arguments for function math::bottom(). The second argument must be an integer greater than 0.",
    );
  });
});

describe("MATH_CONSTANTS", () => {
  it("holds SurrealDB's constants by lower-case name", () => {
    expect(MATH_CONSTANTS.get("math::pi")).toBe(Math.PI);
    expect(MATH_CONSTANTS.get("math::tau")).toBe(2 * Math.PI);
    expect(MATH_CONSTANTS.get("math::neg_inf")).toBe(-Infinity);
    expect(MATH_CONSTANTS.get("math::frac_2_sqrt_pi")).toBe(1.1283791670955126);
  });
});
