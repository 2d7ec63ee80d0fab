// The `array::*` SurrealQL functions, as SurrealDB 3 computes them (its `fnc/array.rs`). `all`,
// `any`, `filter`, `filter_index`, `find` and `find_index` take a closure or a value (compared by
// equality); `map`, `fold` and `reduce` take a closure, run through closure-invocation.ts.
import { randomInt } from "node:crypto";
import { NONE, Range, type RangeBound } from "@baton/codecs";
import { BUILD_LIMIT_BYTES, VALUE_BYTES } from "../values/build-limit.js";
import { distinctValues, equalityClasses, valuesNotIn } from "../values/equality-classes.js";
import { intValue } from "../values/surreal-number.js";
import { isTruthy } from "../values/truthiness.js";
import { valueContains } from "../values/value-containment.js";
import { looselyEqual } from "../values/value-equality.js";
import { compareText, compareValues } from "../values/value-order.js";
import { valueToRawString } from "../values/value-text.js";
import { Closure } from "../values/closure-value.js";
import { anyValue, array, closure, int, optional, rest, text } from "./argument-kinds.js";
import { findItemIndex, foldItems, mapItems, matchingIndexes } from "./closure-invocation.js";
import { coerceArgument, functionArgumentError } from "./function-arguments.js";
import { defineFunctions, fn } from "./function-definition.js";
import type { FunctionContext, FunctionTable } from "./function-types.js";

/** SurrealDB refuses generated arrays above 2^20 bytes; at 16 bytes a value that is 65 536 items. */
const GENERATED_ITEMS_LIMIT = 1_048_576 / VALUE_BYTES;


const flatten = (list: readonly unknown[]): unknown[] => list.flatMap((item): unknown[] => (Array.isArray(item) ? item : [item]));

/** Refuses an output of `count` values derived from the input (windows, a transposition) over the build limit. */
function limitBuilt(name: string, count: number): void {
  if (count * VALUE_BYTES > BUILD_LIMIT_BYTES) throw functionArgumentError(name, `Output must not exceed ${BUILD_LIMIT_BYTES} bytes.`);
}

function limitGenerated(name: string, count: number | bigint): void {
  // Checked before building: a pairing or windowing of two modest arrays can be billions of items.
  if (count > GENERATED_ITEMS_LIMIT) throw functionArgumentError(name, "Output must not exceed 1048576 bytes.");
}

/** Chunks (`clump`) or sliding windows (`windows`) of `size` items. */
function groupsOf(name: string, list: readonly unknown[], options: { size: number; sliding: boolean }): unknown[][] {
  if (options.size < 1) throw functionArgumentError(name, "The second argument must be an integer greater than 0");
  const groups: unknown[][] = [];
  const step = options.sliding ? 1 : options.size;
  const last = options.sliding ? list.length - options.size : list.length - 1;
  // Windows overlap: n items in windows of k are (n - k + 1) × k values, quadratic for k near n / 2.
  if (options.sliding) limitBuilt(name, Math.max(last + 1, 0) * options.size);
  for (let i = 0; i <= last; i += step) groups.push(list.slice(i, i + options.size));
  return groups;
}

/** Pairs items of the shorter array with the longer one's; `rest` maps the longer one's extra items. */
function pairwise(left: unknown[], right: unknown[], rule: { both: (a: unknown, b: unknown) => unknown; rest: (a: unknown) => unknown }): unknown[] {
  const [longer, shorter] = left.length < right.length ? [right, left] : [left, right];
  return longer.map((item, i) => (i < shorter.length ? rule.both(item, shorter[i]) : rule.rest(item)));
}

/** An index range given as `start, end`, a Range value, or `start` alone (to the end). */
interface IndexRange {
  readonly begin: RangeBound;
  readonly end: RangeBound;
}

/** A bound of an index range, given as any value, coerced as the first argument of `name`. */
const boundInt = (name: string, value: unknown): number => Number(coerceArgument(int, { name, value, position: 1 }));

function indexRange(name: string, start: unknown, end: bigint | undefined): IndexRange {
  if (end !== undefined) return { begin: { kind: "included", value: boundInt(name, start) }, end: { kind: "excluded", value: Number(end) } };
  if (start instanceof Range) {
    const bound = (b: RangeBound): RangeBound => (b.kind === "unbounded" ? b : { kind: b.kind, value: boundInt(name, b.value) });
    return { begin: bound(start.begin), end: bound(start.end) };
  }
  return { begin: { kind: "included", value: boundInt(name, start) }, end: { kind: "unbounded" } };
}

/** The first index a range starts at in an array of `length` (negative bounds count from the end). */
function firstIndex(begin: RangeBound, length: number): number {
  if (begin.kind === "unbounded") return 0;
  const at = Number(begin.value);
  const first = begin.kind === "included" ? at : at + 1;
  return at < 0 ? Math.max(length + first, 0) : first;
}

/** The last index (inclusive) a range ends at, or undefined when it selects nothing. */
function lastIndex(end: RangeBound, options: { length: number; first: number }): number | undefined {
  const { length, first } = options;
  if (end.kind === "unbounded") return length - 1;
  const at = Number(end.value);
  if (end.kind === "included") return Math.min(at < 0 ? Math.max(length + at, 0) : at, length - 1);
  if (at < 0) return length + at - 1;
  return at <= first ? undefined : Math.min(at, length) - 1;
}

function sliceArray(name: string, list: unknown[], bounds: { start: unknown; end: bigint | undefined }): unknown[] {
  if (bounds.start === undefined) return list;
  const range = indexRange(name, bounds.start, bounds.end);
  const first = firstIndex(range.begin, list.length);
  const last = lastIndex(range.end, { length: list.length, first });
  return last === undefined || last < first ? [] : list.slice(first, last + 1);
}

function fillArray(list: unknown[], fill: { value: unknown; start: unknown; end: bigint | undefined }): unknown[] {
  if (fill.start === undefined) return list.map(() => fill.value);
  const range = indexRange("array::fill", fill.start, fill.end);
  const first = firstIndex(range.begin, list.length);
  const last = lastIndex(range.end, { length: list.length, first });
  if (first >= list.length || last === undefined || last < first) return list;
  return list.map((item, i) => (i >= first && i <= last ? fill.value : item));
}

function generatedRange(name: string, range: IndexRange): unknown[] {
  if (range.begin.kind === "unbounded" || range.end.kind === "unbounded") throw functionArgumentError(name, "Output must not exceed 1048576 bytes.");
  const first = BigInt(range.begin.value as number) + (range.begin.kind === "excluded" ? 1n : 0n);
  const last = BigInt(range.end.value as number) - (range.end.kind === "excluded" ? 1n : 0n);
  limitGenerated(name, last - first + 1n);
  const out: unknown[] = [];
  for (let i = first; i <= last; i++) out.push(intValue(i));
  return out;
}

/** `array::sort`'s order argument: "asc" or true ascending, "desc" or false descending, else ascending. */
const ascending = (order: unknown): boolean => order !== "desc" && order !== false;

// Lexical order ignores case and accents; natural order reads digit runs as numbers.
const lexicalKey = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function naturalCompare(a: string, b: string): number {
  const parts = (text: string) => text.match(/\d+|\D+/g) ?? [];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? "", y[i] ?? ""];
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    const result = numeric ? (BigInt(p) < BigInt(q) ? -1 : BigInt(p) > BigInt(q) ? 1 : 0) : compareText(p, q);
    if (result !== 0) return result;
  }
  return x.length - y.length;
}

type StringOrder = (a: string, b: string) => number;

/** A value order that compares two strings with `strings` and everything else as SurrealDB does. */
const withStrings = (strings: StringOrder) => (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? strings(a, b) : compareValues(a, b);

const STRING_ORDERS: Readonly<Record<string, StringOrder>> = {
  "array::sort_lexical": (a, b) => compareText(lexicalKey(a), lexicalKey(b)) || compareText(a, b),
  "array::sort_natural": naturalCompare,
  "array::sort_natural_lexical": (a, b) => naturalCompare(lexicalKey(a), lexicalKey(b)) || compareText(a, b),
};

const sortedBy = (order: (a: unknown, b: unknown) => number, direction: unknown) => (list: unknown[]) =>
  [...list].sort(ascending(direction) ? order : (a, b) => order(b, a));

function swapIndex(value: bigint, options: { length: number; position: number }): number {
  const { length, position } = options;
  const index = Number(value);
  if (index < -length || index >= length) {
    throw functionArgumentError("array::swap", `Argument ${position} is out of range. Expected a number between ${-length} and ${length}`);
  }
  return index < 0 ? index + length : index;
}

function transpose(list: unknown[]): unknown[][] {
  if (list.length === 0) return [];
  const height = list.reduce((most: number, item) => Math.max(most, Array.isArray(item) ? item.length : 1), 0);
  // Every row is as wide as the input, so one long item makes the output height × width values.
  limitBuilt("array::transpose", height * list.length);
  const rows: unknown[][] = Array.from({ length: height }, () => list.map(() => NONE));
  list.forEach((item, column) => {
    const cells: unknown[] = Array.isArray(item) ? item : [item];
    cells.forEach((cell, row) => {
      const target = rows[row];
      if (target) target[column] = cell;
    });
  });
  return rows;
}

function logicalAnd(left: unknown[], right: unknown[]): unknown[] {
  if (left.length < right.length) return right.map((item, i) => (i < left.length ? (isTruthy(left[i]) ? item : left[i]) : null));
  return left.map((item, i) => (i < right.length ? (isTruthy(item) ? right[i] : item) : isTruthy(item) ? null : item));
}

function logicalOr(left: unknown[], right: unknown[]): unknown[] {
  if (left.length < right.length) return right.map((item, i) => (i < left.length && isTruthy(left[i]) ? left[i] : item));
  return left.map((item, i) => (i < right.length ? (isTruthy(item) ? item : right[i]) : isTruthy(item) ? item : null));
}

/** One side's value when it alone is truthy, `false` when both or neither are. */
function xorPair(a: unknown, b: unknown): unknown {
  const result = isTruthy(a) !== isTruthy(b);
  if (isTruthy(a) === result) return a;
  return isTruthy(b) === result ? b : result;
}

function logicalXor(left: unknown[], right: unknown[]): unknown[] {
  if (left.length < right.length) return right.map((item, i) => (i < left.length ? xorPair(left[i], item) : isTruthy(item) ? item : null));
  return left.map((item, i) => (i < right.length ? xorPair(item, right[i]) : item));
}

/**
 * How `left` pairs with `right` item by item, each item of `right` used once (the first unused
 * equal one): which items of `left` found a partner, and which items of `right` were taken.
 */
function matchOnce(left: readonly unknown[], right: readonly unknown[]): { leftMatched: boolean[]; rightTaken: boolean[] } {
  const classes = equalityClasses([...left, ...right]);
  const classOf = (i: number) => classes[i] ?? i;
  // Per class of `left` (an index below left.length): how many items of `right` are still free.
  const free = new Int32Array(left.length);
  right.forEach((_, j) => {
    const c = classOf(left.length + j);
    if (c < left.length) free[c] = (free[c] ?? 0) + 1;
  });
  const taken = new Int32Array(left.length);
  const leftMatched = left.map((_, i) => {
    const c = classOf(i);
    if ((free[c] ?? 0) === 0) return false;
    free[c] = (free[c] ?? 0) - 1;
    taken[c] = (taken[c] ?? 0) + 1;
    return true;
  });
  // The items of `right` taken are the first ones of their class.
  const rightTaken = right.map((_, j) => {
    const c = classOf(left.length + j);
    if (c >= left.length || (taken[c] ?? 0) === 0) return false;
    taken[c] = (taken[c] ?? 0) - 1;
    return true;
  });
  return { leftMatched, rightTaken };
}

/** Items of `left` not in `right`, then items of `right` not matched in `left` (each match used once). */
function difference(left: unknown[], right: unknown[]): unknown[] {
  const { leftMatched, rightTaken } = matchOnce(left, right);
  return [...left.filter((_, i) => !leftMatched[i]), ...right.filter((_, j) => !rightTaken[j])];
}

function intersect(left: unknown[], right: unknown[]): unknown[] {
  const { leftMatched } = matchOnce(left, right);
  return left.filter((_, i) => leftMatched[i]);
}

function shuffle(list: unknown[]): unknown[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function insertAt(list: unknown[], value: unknown, index: bigint | undefined): unknown[] {
  if (index === undefined) return [...list, value];
  const at = Number(index) < 0 ? Number(index) + list.length : Number(index);
  if (at < 0 || at > list.length) return list;
  return [...list.slice(0, at), value, ...list.slice(at)];
}

function removeAt(list: unknown[], index: bigint): unknown[] {
  const at = Number(index) < 0 ? Number(index) + list.length : Number(index);
  return at < 0 || at >= list.length ? list : list.filter((_, i) => i !== at);
}

/** `list` as it is (its own repeats kept), then each new item of `value` not already there. */
function addAll(list: unknown[], value: unknown): unknown[] {
  const added = distinctValues(valuesNotIn(Array.isArray(value) ? value : [value], list));
  return [...list, ...added];
}

function maxOf(list: unknown[]): unknown {
  return list.reduce((best, item) => (best === NONE || compareValues(item, best) >= 0 ? item : best), NONE);
}

function minOf(list: unknown[]): unknown {
  return list.reduce((best, item) => (best === NONE || compareValues(item, best) < 0 ? item : best), NONE);
}

const indexOrNone = (index: number) => (index < 0 ? NONE : index);

function sequence(first: bigint, count: bigint | undefined): unknown[] {
  const [offset, length] = count === undefined ? [0n, first] : [first, count];
  if (length <= 0n) return [];
  return generatedRange("array::sequence", {
    begin: { kind: "included", value: offset },
    end: { kind: "included", value: offset + length - 1n },
  });
}

function repeat(value: unknown, count: bigint): unknown[] {
  if (count < 0n) throw functionArgumentError("array::repeat", "Expected argument 2 to be a positive number");
  limitGenerated("array::repeat", count);
  return Array.from({ length: Number(count) }, () => value);
}

function concat(arrays: readonly unknown[][]): unknown[] {
  limitGenerated("array::concat", arrays.reduce((total, list) => total + list.length, 0));
  return arrays.flat(1);
}

const SORTS = Object.fromEntries(
  Object.entries(STRING_ORDERS).map(([name, strings]) => [
    name,
    fn([array, optional(anyValue)], ([list, order]) => sortedBy(withStrings(strings), order)(list)),
  ]),
);

type ItemCheck = [unknown[], unknown?];

// With a closure these call it per item (and answer a promise); with a value they compare by
// equality and answer at once, as before closures existed, so WHERE clauses stay synchronous.
const all = ([list, check]: ItemCheck, context: FunctionContext) => {
  if (check instanceof Closure) return findItemIndex(context, { list, closure: check, falsy: true }).then((index) => index < 0);
  return check === undefined ? list.every(isTruthy) : list.every((item) => looselyEqual(item, check));
};
const any = ([list, check]: ItemCheck, context: FunctionContext) => {
  if (check instanceof Closure) return findItemIndex(context, { list, closure: check }).then((index) => index >= 0);
  return check === undefined ? list.some(isTruthy) : valueContains(list, check);
};
const findIndex = ([list, value]: [unknown[], unknown], context: FunctionContext) => {
  if (value instanceof Closure) return findItemIndex(context, { list, closure: value }).then(indexOrNone);
  return indexOrNone(list.findIndex((item) => looselyEqual(item, value)));
};
const filterIndex = ([list, value]: [unknown[], unknown], context: FunctionContext) => {
  if (value instanceof Closure) return matchingIndexes(context, { list, closure: value });
  return list.flatMap((item, i) => (looselyEqual(item, value) ? [i] : []));
};
const filter = ([list, value]: [unknown[], unknown], context: FunctionContext) => {
  if (value instanceof Closure) return matchingIndexes(context, { list, closure: value }).then((indexes) => indexes.map((i) => list[i]));
  return list.filter((item) => looselyEqual(item, value));
};
const find = ([list, value]: [unknown[], unknown], context: FunctionContext) => {
  if (value instanceof Closure) return findItemIndex(context, { list, closure: value }).then((index) => (index < 0 ? NONE : list[index]));
  return list.find((item) => looselyEqual(item, value)) ?? NONE;
};

/** `array::reduce`: the first item folded with the rest; NONE for an empty array. */
const reduce = ([list, fold]: [unknown[], Closure], context: FunctionContext) =>
  list.length === 0 ? NONE : foldItems(context, { list, closure: fold, initial: list[0], from: 1 });

export const arrayFunctions: FunctionTable = defineFunctions({
  "array::add": fn([array, anyValue], ([list, value]) => addAll(list, value)),
  "array::all": fn([array, optional(anyValue)], all),
  "array::every": fn([array, optional(anyValue)], all),
  "array::any": fn([array, optional(anyValue)], any),
  "array::some": fn([array, optional(anyValue)], any),
  "array::includes": fn([array, optional(anyValue)], any),
  "array::append": fn([array, anyValue], ([list, value]) => [...list, value]),
  "array::push": fn([array, anyValue], ([list, value]) => [...list, value]),
  "array::prepend": fn([array, anyValue], ([list, value]) => [value, ...list]),
  "array::at": fn([array, int], ([list, index]) => {
    const at = Number(index) < 0 ? list.length + Number(index) : Number(index);
    return at >= 0 && at < list.length ? list[at] : NONE;
  }),
  "array::boolean_and": fn([array, array], ([a, b]) =>
    pairwise(a, b, { both: (x, y) => isTruthy(x) && isTruthy(y), rest: () => false }),
  ),
  "array::boolean_or": fn([array, array], ([a, b]) =>
    pairwise(a, b, { both: (x, y) => isTruthy(x) || isTruthy(y), rest: isTruthy }),
  ),
  "array::boolean_xor": fn([array, array], ([a, b]) =>
    pairwise(a, b, { both: (x, y) => isTruthy(x) !== isTruthy(y), rest: isTruthy }),
  ),
  "array::boolean_not": fn([array], ([list]) => list.map((item) => !isTruthy(item))),
  "array::clump": fn([array, int], ([list, size]) =>
    groupsOf("array::clump", list, { size: Math.max(Number(size), 0), sliding: false }),
  ),
  "array::windows": fn([array, int], ([list, size]) =>
    groupsOf("array::windows", list, { size: Math.max(Number(size), 0), sliding: true }),
  ),
  "array::combine": fn([array, array], ([a, b]) => {
    limitGenerated("array::combine", a.length * b.length);
    return a.flatMap((x) => b.map((y) => [x, y]));
  }),
  "array::complement": fn([array, array], ([a, b]) => valuesNotIn(a, b)),
  "array::concat": fn([rest(array)], ([arrays]) => concat(arrays)),
  "array::difference": fn([array, array], ([a, b]) => difference(a, b)),
  "array::distinct": fn([array], ([list]) => distinctValues(list)),
  "array::fill": fn([array, anyValue, optional(anyValue), optional(int)], ([list, value, start, end]) =>
    fillArray(list, { value, start, end }),
  ),
  "array::filter": fn([array, anyValue], filter),
  "array::filter_index": fn([array, anyValue], filterIndex),
  "array::find": fn([array, anyValue], find),
  "array::find_index": fn([array, anyValue], findIndex),
  "array::fold": fn([array, anyValue, closure], ([list, initial, fold], context) => foldItems(context, { list, closure: fold, initial })),
  "array::index_of": fn([array, anyValue], findIndex),
  "array::first": fn([array], ([list]) => (list.length > 0 ? list[0] : NONE)),
  "array::last": fn([array], ([list]) => (list.length > 0 ? list[list.length - 1] : NONE)),
  "array::flatten": fn([array], ([list]) => flatten(list)),
  "array::group": fn([array], ([list]) => distinctValues(flatten(list))),
  "array::insert": fn([array, anyValue, optional(int)], ([list, value, index]) => insertAt(list, value, index)),
  "array::intersect": fn([array, array], ([a, b]) => intersect(a, b)),
  "array::is_empty": fn([array], ([list]) => list.length === 0),
  "array::join": fn([array, text], ([list, separator]) => list.map(valueToRawString).join(separator)),
  "array::len": fn([array], ([list]) => list.length),
  "array::map": fn([array, closure], ([list, map], context) => mapItems(context, { list, closure: map })),
  "array::logical_and": fn([array, array], ([a, b]) => logicalAnd(a, b)),
  "array::logical_or": fn([array, array], ([a, b]) => logicalOr(a, b)),
  "array::logical_xor": fn([array, array], ([a, b]) => logicalXor(a, b)),
  "array::matches": fn([array, anyValue], ([list, value]) => list.map((item) => looselyEqual(item, value))),
  "array::max": fn([array], ([list]) => maxOf(list)),
  "array::min": fn([array], ([list]) => minOf(list)),
  "array::pop": fn([array], ([list]) => (list.length > 0 ? list[list.length - 1] : NONE)),
  "array::range": fn([anyValue, optional(int)], ([start, end]) =>
    generatedRange("array::range", indexRange("array::range", start, end)),
  ),
  "array::sequence": fn([int, optional(int)], ([first, count]) => sequence(first, count)),
  "array::reduce": fn([array, closure], reduce),
  "array::remove": fn([array, int], ([list, index]) => removeAt(list, index)),
  "array::repeat": fn([anyValue, int], ([value, count]) => repeat(value, count)),
  "array::reverse": fn([array], ([list]) => [...list].reverse()),
  "array::shuffle": fn([array], ([list]) => shuffle(list)),
  "array::slice": fn([array, optional(anyValue), optional(int)], ([list, start, end]) =>
    sliceArray("array::slice", list, { start, end }),
  ),
  "array::sort": fn([array, optional(anyValue)], ([list, order]) => sortedBy(compareValues, order)(list)),
  "array::sort::asc": fn([array], ([list]) => sortedBy(compareValues, "asc")(list)),
  "array::sort::desc": fn([array], ([list]) => sortedBy(compareValues, "desc")(list)),
  ...SORTS,
  "array::swap": fn([array, int, int], ([list, from, to]) => {
    const [i, j] = [swapIndex(from, { length: list.length, position: 1 }), swapIndex(to, { length: list.length, position: 2 })];
    const out = [...list];
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  }),
  "array::transpose": fn([array], ([list]) => transpose(list)),
  "array::union": fn([array, array], ([a, b]) => distinctValues([...a, ...b])),
});
