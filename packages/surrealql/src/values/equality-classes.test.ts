import { Decimal, NONE } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { distinctValues, equalityClasses, membersOf, valuesNotIn } from "./equality-classes.js";
import { looselyEqual } from "./value-equality.js";

// Values that are `=` across kinds and shapes: 1 = 1.0 = 1dec, an object's NONE field is absent.
const POOL: unknown[] = [1, 1.0, new Decimal("1.00"), 2, "1", "a", [1], [1.0], { a: 1 }, { a: 1, b: NONE }, null, NONE, Number.NaN, 0, -0];

/** A deterministic pseudo-random list drawn from POOL (a linear congruential generator). */
function drawn(length: number, seed: number): unknown[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return POOL[state % POOL.length];
  });
}

/** The pairwise definition the grouping replaces. */
function pairwiseDistinct(items: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) if (!out.some((kept) => looselyEqual(kept, item))) out.push(item);
  return out;
}

describe("equality classes", () => {
  it("gives equal items the index of the first of them", () => {
    expect([...equalityClasses([2, 1, 2.0, new Decimal("1"), "2"])]).toEqual([0, 1, 0, 1, 4]);
  });

  it.each([1, 2, 3, 4, 5])("agrees with pairwise equality on mixed values (seed %i)", (seed) => {
    const items = drawn(60, seed);
    const other = drawn(20, seed + 100);
    expect(distinctValues(items)).toEqual(pairwiseDistinct(items));
    expect(membersOf(other, items)).toEqual(items.map((item) => other.some((o) => looselyEqual(o, item))));
    expect(valuesNotIn(items, other)).toEqual(items.filter((item) => !other.some((o) => looselyEqual(o, item))));
  });

  it("handles 20 000 distinct numbers with repeats", () => {
    const items = Array.from({ length: 40_000 }, (_, i) => i % 20_000);
    const distinct = distinctValues(items);
    expect(distinct).toHaveLength(20_000);
    expect(distinct.slice(0, 3)).toEqual([0, 1, 2]);
  });
});
