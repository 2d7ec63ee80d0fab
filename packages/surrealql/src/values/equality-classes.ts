// Groups values by SurrealQL equality (`=`) with one sort instead of comparing every pair: the
// array and set functions and `-` ask "is this item among those" for each item, which pairwise is
// quadratic (a 20 000-item `array::distinct` blocked the event loop for most of a minute).
import { compareValues } from "./value-order.js";

/**
 * For each item, the index of the first item equal to it by SurrealDB's `=`, so equal items share
 * one class and an item is the first of its kind exactly when its class is its own index.
 * `compareValues` is SurrealDB's total order and `=` is its zero, so equal items sort together.
 */
export function equalityClasses(items: readonly unknown[]): Int32Array {
  const order = Array.from(items, (_, i) => i).sort((i, j) => compareValues(items[i], items[j]) || i - j);
  const classes = new Int32Array(items.length);
  let first = -1;
  for (const index of order) {
    if (first < 0 || compareValues(items[first], items[index]) !== 0) first = index;
    classes[index] = first;
  }
  return classes;
}

/** The items without repeats, each kept where it first occurs. */
export function distinctValues(items: readonly unknown[]): unknown[] {
  const classes = equalityClasses(items);
  return items.filter((_, i) => classes[i] === i);
}

/** For each of `items`, whether some member of `among` equals it. */
export function membersOf(among: readonly unknown[], items: readonly unknown[]): boolean[] {
  const classes = equalityClasses([...among, ...items]);
  // An item equal to a member of `among` takes that member's class, an index below `among.length`.
  return items.map((_, i) => (classes[among.length + i] ?? among.length) < among.length);
}

/** The items that equal no member of `removed`, in their order. */
export function valuesNotIn(items: readonly unknown[], removed: readonly unknown[]): unknown[] {
  const found = membersOf(removed, items);
  return items.filter((_, i) => !found[i]);
}
