// The statistics behind `math::*` over arrays, computed as SurrealDB computes them (its
// `fnc::util::math`), down to the order `math::top` and `math::bottom` return their picks in.
import { applyArithmetic, applyPower, type ArithmeticOp } from "../values/number-arithmetic.js";
import { compareNumbers, toFloat, type SurrealNumber } from "../values/surreal-number.js";

const NAN: SurrealNumber = { kind: "float", value: Number.NaN };

export function sortNumbers(list: readonly SurrealNumber[]): SurrealNumber[] {
  return [...list].sort(compareNumbers);
}

/** The middle of a sorted list as a float (the mean of the two middles for an even length); NaN if empty. */
export function median(sorted: readonly SurrealNumber[]): number {
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => toFloat(sorted[index] ?? NAN);
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** The `percent` percentile of a sorted list, interpolating between neighbours; NaN if empty or outside 0–100. */
export function percentile(sorted: readonly SurrealNumber[], percent: number): number {
  if (sorted.length === 0 || !(percent >= 0 && percent <= 100)) return Number.NaN;
  const index = (sorted.length - 1) * percent * (1 / 100);
  const at = (position: number) => toFloat(sorted[position] ?? NAN);
  const floor = at(Math.floor(index));
  const fraction = index - Math.floor(index);
  return Math.abs(fraction) <= Number.EPSILON ? floor : floor + (at(Math.ceil(index)) - floor) * fraction;
}

/** The element at the `percent` nearest rank of a sorted list; NaN if empty or outside 0–100. */
export function nearestRank(sorted: readonly SurrealNumber[], percent: number): SurrealNumber {
  if (sorted.length === 0 || !(percent >= 0 && percent <= 100)) return NAN;
  const index = Math.min(Math.trunc(sorted.length * (percent * (1 / 100))), sorted.length - 1);
  return sorted[index] ?? NAN;
}

/** The most frequent number; among equally frequent ones the greatest (SurrealDB walks a sorted map). NaN if empty. */
export function mode(list: readonly SurrealNumber[]): SurrealNumber {
  let best: { value: SurrealNumber; count: number } | undefined;
  let run: { value: SurrealNumber; count: number } | undefined;
  for (const value of sortNumbers(list)) {
    run = run !== undefined && compareNumbers(run.value, value) === 0 ? { value: run.value, count: run.count + 1 } : { value, count: 1 };
    if (best === undefined || run.count >= best.count) best = run;
  }
  return best?.value ?? NAN;
}

/** The greatest minus the least (an int for ints); NaN if empty. */
export function spread(list: readonly SurrealNumber[]): SurrealNumber {
  const sorted = sortNumbers(list);
  const [least, greatest] = [sorted[0], sorted.at(-1)];
  return least === undefined || greatest === undefined ? NAN : arithmetic("subtract", greatest, least);
}

/**
 * The `count` greatest (`top`) or least (`bottom`) numbers in the order SurrealDB returns them: it
 * keeps them in a binary heap of Rust's std and returns the heap's array as it stands, so the same
 * input gives the same (unsorted) output here.
 */
export function extremes(list: readonly SurrealNumber[], options: { count: number; keep: "top" | "bottom" }): SurrealNumber[] {
  // `bottom` keeps a max-heap (evicting the greatest); `top` a min-heap (Rust's Reverse).
  const order = options.keep === "bottom" ? compareNumbers : (a: SurrealNumber, b: SurrealNumber) => compareNumbers(b, a);
  const heap: SurrealNumber[] = [];
  const at = (index: number) => heap[index] ?? NAN;
  const siftUp = (from: number) => {
    let position = from;
    const element = at(position);
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (order(element, at(parent)) <= 0) break;
      heap[position] = at(parent);
      position = parent;
    }
    heap[position] = element;
  };
  const pop = () => {
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    // Rust's sift_down_to_bottom: walk the hole from the root to a leaf along the greater child,
    // put the moved element there, then sift it up.
    let position = 0;
    let child = 1;
    while (child <= heap.length - 2) {
      if (order(at(child), at(child + 1)) <= 0) child += 1;
      heap[position] = at(child);
      position = child;
      child = 2 * position + 1;
    }
    if (child === heap.length - 1) {
      heap[position] = at(child);
      position = child;
    }
    heap[position] = last;
    siftUp(position);
  };
  list.forEach((value, index) => {
    heap.push(value);
    siftUp(heap.length - 1);
    if (index >= options.count) pop();
  });
  return heap;
}

/** Checked arithmetic; where SurrealDB's fails (a decimal past 96 bits) the result is NaN. */
function arithmetic(op: ArithmeticOp, a: SurrealNumber, b: SurrealNumber): SurrealNumber {
  return applyArithmetic(op, a, b) ?? NAN;
}

/** A sum started from a float 0, as SurrealDB's mean and variance do: a float, or a decimal once one joins. */
const floatSum = (list: readonly SurrealNumber[]) =>
  list.reduce<SurrealNumber>((total, value) => arithmetic("add", total, value), { kind: "float", value: 0 });

const count = (length: number): SurrealNumber => ({ kind: "int", value: BigInt(length) });

/** The mean: a float, or a decimal when the list holds one. NaN if empty. */
export function mean(list: readonly SurrealNumber[]): SurrealNumber {
  return list.length === 0 ? NAN : arithmetic("divide", floatSum(list), count(list.length));
}

/** The sample variance (n − 1); 0 for one number, NaN if empty. */
export function variance(list: readonly SurrealNumber[]): SurrealNumber {
  if (list.length === 0) return NAN;
  if (list.length === 1) return { kind: "float", value: 0 };
  const average = mean(list);
  const squares = list.map((value) => applyPower(arithmetic("subtract", value, average), count(2)) ?? NAN);
  return arithmetic("divide", floatSum(squares), count(list.length - 1));
}
