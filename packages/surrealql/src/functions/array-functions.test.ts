// Cases follow SurrealDB 3's language tests for `array::*` (language-tests/tests/language/functions/array).
import { Decimal, Duration, NONE, Range } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { arrayFunctions } from "./array-functions.js";

const context = { session: {} };

function call(name: string, ...args: unknown[]): unknown {
  const run = arrayFunctions[name];
  if (run === undefined) throw new Error(`no ${name}`);
  return run(args, context);
}

const failure = (name: string, ...args: unknown[]) => failureMessage(() => call(name, ...args));
const wrong = (name: string, message: string) => `Incorrect arguments for function ${name}(). ${message}`;
const range = (from: number, to: number, inclusive = false) =>
  new Range({ begin: { kind: "included", value: from }, end: { kind: inclusive ? "included" : "excluded", value: to } });

describe("array functions", () => {
  it.each<[string, unknown[], unknown]>([
    ["array::add", [[], 3], [3]],
    ["array::add", [[1, 2], 2], [1, 2]],
    ["array::add", [[1, 2], [2, 3]], [1, 2, 3]],
    ["array::add", [[[1, 2]], [2, 3]], [[1, 2], 2, 3]],
    ["array::all", [[1, true, "a"]], true],
    ["array::all", [[1, 0]], false],
    ["array::all", [[2, 2], 2], true],
    ["array::every", [[]], true],
    ["array::any", [[0, "", 1]], true],
    ["array::any", [[1, 2], 3], false],
    ["array::some", [[1, 2], 2], true],
    ["array::includes", [["a"], "a"], true],
    ["array::append", [[1], [2]], [1, [2]]],
    ["array::push", [[1], 2], [1, 2]],
    ["array::prepend", [[1], 2], [2, 1]],
    ["array::at", [["hello", "world"], 0], "hello"],
    ["array::at", [["hello", "world"], -1], "world"],
    ["array::at", [["hello", "world"], new Decimal("1")], "world"],
    ["array::at", [["hello", "world"], 3], NONE],
    ["array::at", [["hello", "world"], -3], NONE],
    ["array::boolean_and", [[true, false, true, false], [true, true, false, false]], [true, false, false, false]],
    ["array::boolean_and", [[1, 1, 1], [1]], [true, false, false]],
    ["array::boolean_or", [[0, 0, 1], [1]], [true, false, true]],
    ["array::boolean_xor", [[true, true], [true, false]], [false, true]],
    ["array::boolean_not", [[0, 1, "", "a"]], [true, false, true, false]],
    ["array::clump", [[0, 1, 2, 3], 2], [[0, 1], [2, 3]]],
    ["array::clump", [[0, 1, 2], 2], [[0, 1], [2]]],
    ["array::clump", [[0, 1, 2], 4], [[0, 1, 2]]],
    ["array::combine", [[1, 2], [2, 3]], [[1, 2], [1, 3], [2, 2], [2, 3]]],
    ["array::combine", [[], [1]], []],
    ["array::complement", [[1, 2, 3, 4], [3, 4, 5, 6]], [1, 2]],
    ["array::complement", [[{ a: 1 }], [{ a: 2 }]], [{ a: 1 }]],
    ["array::concat", [[1, 2], [3], []], [1, 2, 3]],
    ["array::concat", [], []],
    ["array::difference", [[1, 2, 3, 4], [3, 4, 5, 6]], [1, 2, 5, 6]],
    ["array::difference", [[1.5, new Decimal("2"), 3], [1.5, 2, new Decimal("3")]], []],
    ["array::distinct", [[1, 2, 1, 3, 3, 4]], [1, 2, 3, 4]],
    ["array::distinct", [[{}, {}, [1], [1], "a", "a"]], [{}, [1], "a"]],
    ["array::fill", [[1, 2, 3, 4, 5], 10], [10, 10, 10, 10, 10]],
    ["array::fill", [[1, 2, 3, 4, 5], 10, 0, 7], [10, 10, 10, 10, 10]],
    ["array::fill", [[1, NONE, NONE], 10, 1], [1, 10, 10]],
    ["array::fill", [[1, 2, 3, 4, 5], 10, 1, 1], [1, 2, 3, 4, 5]],
    ["array::fill", [[1, 2, 3, 4, 5], 10, 7, 9], [1, 2, 3, 4, 5]],
    ["array::fill", [[1, 2, 3, 4, 5], 10, -3, -2], [1, 2, 10, 4, 5]],
    ["array::fill", [[1, 2, 3, 4, 5], 10, 2, 99999999], [1, 2, 10, 10, 10]],
    ["array::fill", [[1, 2, 3, 4, 5], 10, range(1, 3)], [1, 10, 10, 4, 5]],
    ["array::filter", [[1, 2, 1], 1], [1, 1]],
    ["array::filter_index", [["a", "b", "a"], "a"], [0, 2]],
    ["array::find", [[1, 2, 3], 2], 2],
    ["array::find", [[1, 2, 3], 5], NONE],
    ["array::find_index", [["a", "b"], "b"], 1],
    ["array::find_index", [["a", "b"], "c"], NONE],
    ["array::index_of", [["a", "b"], "a"], 0],
    ["array::first", [[1, 2]], 1],
    ["array::first", [[]], NONE],
    ["array::last", [[1, 2]], 2],
    ["array::flatten", [[[1, 2], "x", [3, [4]]]], [1, 2, "x", 3, [4]]],
    ["array::group", [[[1, 2, 3, 4], [3, 4, 5, 6]]], [1, 2, 3, 4, 5, 6]],
    ["array::insert", [[], 1], [1]],
    ["array::insert", [[3], 1, 1], [3, 1]],
    ["array::insert", [[3], 1, 5], [3]],
    ["array::insert", [[1, 2, 3, 4], 5, -1], [1, 2, 3, 5, 4]],
    ["array::intersect", [[1, 2, 3, 4], [3, 4, 5, 6]], [3, 4]],
    ["array::intersect", [[[1]], [[2]]], []],
    ["array::is_empty", [[]], true],
    ["array::join", [[42, true, "1.61"], " and "], "42 and true and 1.61"],
    ["array::join", [[[], { a: 1 }, new Duration(0n)], " and "], "[] and { a: 1 } and 0ns"],
    ["array::len", [[1, 2, 3]], 3],
    ["array::logical_and", [[1, 0, 1, 0], [true, true, false, false]], [true, 0, false, 0]],
    ["array::logical_and", [[0, 1], []], [0, null]],
    ["array::logical_or", [[1, 0, 1, 0], [true, true, false, false]], [1, true, 1, false]],
    ["array::logical_or", [[0, 1], []], [null, 1]],
    ["array::logical_xor", [[true, false, true, false], [true, true, false, false]], [false, true, true, false]],
    ["array::logical_xor", [[1, 0, 1, 0], [true, true, false, false]], [false, true, 1, 0]],
    ["array::logical_xor", [[0, 1], []], [0, 1]],
    ["array::matches", [[1, 2, 1], 1], [true, false, true]],
    ["array::max", [[1, "a", 3]], "a"],
    ["array::max", [[]], NONE],
    ["array::min", [[3, 1.5, 2]], 1.5],
    ["array::pop", [[1, 2]], 2],
    ["array::range", [1, 5], [1, 2, 3, 4]],
    ["array::range", [range(1, 4)], [1, 2, 3]],
    ["array::range", [range(1, 3, true)], [1, 2, 3]],
    ["array::range", [3, 1], []],
    ["array::sequence", [3], [0, 1, 2]],
    ["array::sequence", [-20, 3], [-20, -19, -18]],
    ["array::sequence", [-10], []],
    ["array::remove", [[3, 4, 5], 1], [3, 5]],
    ["array::remove", [[1, 2, 3, 4], -1], [1, 2, 3]],
    ["array::remove", [[1, 2], -10], [1, 2]],
    ["array::repeat", ["a", 3], ["a", "a", "a"]],
    ["array::reverse", [[1, 2, 3]], [3, 2, 1]],
    ["array::slice", [[1, 2, "text", 3, 3, 4]], [1, 2, "text", 3, 3, 4]],
    ["array::slice", [[1, 2, "text", 3, 3, 4], 1, -1], [2, "text", 3, 3]],
    ["array::slice", [[1, 2, "text", 3, 3, 4], 1, 2], [2]],
    ["array::slice", [[1, 2, "text", 3, 3, 4], 3, -1], [3, 3]],
    ["array::slice", [[1, 2, "text", 3, 3, 4], 999999999999], []],
    ["array::slice", [[1, 2, "text", 3, 3, 4], 5, -3], []],
    ["array::slice", [[1, 2, "text", 3, 3, 4], 0, -3], [1, 2, "text"]],
    ["array::slice", [[1, 2, "text", 3, 3, 4], -1, -1], []],
    ["array::slice", [[1, 2, 3], range(1, 2, true)], [2, 3]],
    ["array::sort", [[4, 2, "text", 1, 3, 4]], [1, 2, 3, 4, 4, "text"]],
    ["array::sort", [[4, 2, "text", 1], false], ["text", 4, 2, 1]],
    ["array::sort", [[4, 2, "text", 1], "desc"], ["text", 4, 2, 1]],
    ["array::sort", [[NONE, true, null, 1]], [NONE, null, true, 1]],
    ["array::sort::asc", [[3, 1, 2]], [1, 2, 3]],
    ["array::sort::desc", [[3, 1, 2]], [3, 2, 1]],
    ["array::sort_natural", [["a10", "a2", "a1"]], ["a1", "a2", "a10"]],
    ["array::sort_lexical", [["b", "A", "á", "a"]], ["A", "a", "á", "b"]],
    ["array::sort_natural_lexical", [["B10", "b2"], "asc"], ["b2", "B10"]],
    ["array::swap", [[1, 2, 3, 4, 5], 1, 2], [1, 3, 2, 4, 5]],
    ["array::swap", [[1, 2, 3, 4, 5], -1, -2], [1, 2, 3, 5, 4]],
    ["array::transpose", [[[0, 1, 2], [3, 4]]], [[0, 3], [1, 4], [2, NONE]]],
    ["array::transpose", [[[0, 1, 2], "oops", [null, "sorry"]]], [[0, "oops", null], [1, NONE, "sorry"], [2, NONE, NONE]]],
    ["array::union", [[1, 2, 1, 6], [1, 3, 4, 5, 6]], [1, 2, 6, 3, 4, 5]],
    ["array::windows", [[0, 1, 2, 3], 2], [[0, 1], [1, 2], [2, 3]]],
    ["array::windows", [[0, 1, 2], 4], []],
  ])("%s(%o)", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });

  it("combines up to the generation limit", () => {
    const items = Array.from({ length: 256 }, (_, i) => i);
    expect(call("array::combine", items, items)).toHaveLength(65_536);
  });

  // These compared every pair of items; 20 000 items took most of a minute.
  it("groups large arrays by equality in SurrealDB's order", () => {
    const numbers = Array.from({ length: 20_000 }, (_, i) => i);
    const doubled = [...numbers, ...numbers.map((n) => n + 0.0), ...numbers.map((n) => new Decimal(String(n)))];
    expect(call("array::distinct", numbers)).toHaveLength(20_000);
    expect(call("array::distinct", doubled)).toEqual(numbers);
    expect(call("array::group", [numbers, numbers])).toHaveLength(20_000);
    expect(call("array::union", numbers, numbers)).toHaveLength(20_000);
    expect(call("array::intersect", numbers, [...numbers].reverse())).toEqual(numbers);
    expect(call("array::difference", numbers, numbers.slice(1))).toEqual([0]);
    expect(call("array::complement", numbers, numbers.slice(0, 19_999))).toEqual([19_999]);
    expect(call("array::add", numbers, numbers)).toHaveLength(20_000);
  });

  it.each<[string, unknown[], unknown]>([
    // Each item of the second array is matched once, the first unused equal one.
    ["array::intersect", [[1, 1, 2, 1], [1, 3, 1.0]], [1, 1]],
    ["array::difference", [[1, 1, 2], [3, 1, 1.0, 1]], [2, 3, 1]],
    ["array::difference", [[2, 1], [1, "x", 1, 2, 2]], ["x", 1, 2]],
    ["array::add", [[1, 1], [2, 1, 2, 3]], [1, 1, 2, 3]],
    ["array::complement", [[1, 2, 1, 3], [1.0]], [2, 3]],
  ])("%s(%o) keeps repeats as SurrealDB does", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });

  it("shuffles without losing items", () => {
    const shuffled = call("array::shuffle", [1, 2, 3, 4]) as number[];
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4]);
  });

  it.each<[string, unknown[], string]>([
    ["array::len", ["a"], "Argument 1 was the wrong type. Expected `array` but found `'a'`"],
    ["array::len", [], "Expected 1 argument"],
    ["array::difference", [[]], "Expected 2 arguments"],
    ["array::difference", [[3], true], "Argument 2 was the wrong type. Expected `array` but found `true`"],
    ["array::insert", [], "Expected 2 to 3 arguments"],
    ["array::add", [[[1, 2]], 2, 3], "Expected 2 arguments"],
    ["array::at", [[1, 2, 3], [1, 2]], "Argument 2 was the wrong type. Expected `int` but found `[1, 2]`"],
    ["array::clump", [[0, 1, 2], 0], "The second argument must be an integer greater than 0"],
    ["array::windows", [[0, 1, 2], 0], "The second argument must be an integer greater than 0"],
    ["array::swap", [[1, 2, 3, 4, 5], 8, 1], "Argument 1 is out of range. Expected a number between -5 and 5"],
    ["array::swap", [[1, 2, 3, 4, 5], 1, -8], "Argument 2 is out of range. Expected a number between -5 and 5"],
    ["array::sequence", [9223372036854775800n], "Output must not exceed 1048576 bytes."],
    ["array::range", [1, 9223372036854775800n], "Output must not exceed 1048576 bytes."],
    ["array::repeat", [1, -1], "Expected argument 2 to be a positive number"],
    ["array::combine", [Array.from({ length: 65_536 }, (_, i) => i), Array.from({ length: 65_536 }, (_, i) => i)], "Output must not exceed 1048576 bytes."],
    ["array::combine", [Array.from({ length: 257 }, (_, i) => i), Array.from({ length: 256 }, (_, i) => i)], "Output must not exceed 1048576 bytes."],
    ["array::windows", [Array.from({ length: 65_536 }, (_, i) => i), 32_768], "Output must not exceed 16777216 bytes."],
    ["array::transpose", [[Array.from({ length: 2_000 }, (_, i) => i), ...Array.from({ length: 1_000 }, (_, i) => i)]], "Output must not exceed 16777216 bytes."],
    ["array::concat", [[1], 2], "Argument 2 was the wrong type. Expected `array` but found `2`"],
    ["array::join", [["a"], 1], "Argument 2 was the wrong type. Expected `string` but found `1`"],
  ])("%s(%o) fails", (name, args, message) => {
    expect(failure(name, ...args)).toBe(wrong(name, message));
  });
});
