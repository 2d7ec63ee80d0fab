// Record-id ranges (`t:1..=5`, `t:a..`): how keys order, whether a key lies in a range, and the
// SQL condition that selects a range on the key column where the database orders keys the same
// way (Baton tables with int or string keys), so a range reads only its own rows.
import type { SqlValue } from "@baton/adapters-kysely";
import type { Range, RangeBound } from "@baton/codecs";
import type { KeyKind } from "../record-store.js";

/** 0 numbers, 1 strings, 2 anything else: SurrealDB orders ids by kind first. */
function rank(key: unknown): number {
  return typeof key === "number" || typeof key === "bigint" ? 0 : typeof key === "string" ? 1 : 2;
}

function compareNumbers(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders record keys as SurrealDB orders ids: numbers before strings before other keys; numbers by
 * value, strings by code point (UTF-8 byte order, which is also the order of the key columns'
 * binary collations), other keys by their text.
 */
export function compareKeys(a: unknown, b: unknown): number {
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference;
  if (rank(a) === 0) return compareNumbers(a as number | bigint, b as number | bigint);
  if (rank(a) === 1) return Buffer.compare(Buffer.from(a as string, "utf8"), Buffer.from(b as string, "utf8"));
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `key` lies inside `range`. */
export function keyInRange(key: unknown, range: Range): boolean {
  const { begin, end } = range;
  if (begin.kind !== "unbounded") {
    const order = compareKeys(key, begin.value);
    if (order < 0 || (order === 0 && begin.kind === "excluded")) return false;
  }
  if (end.kind !== "unbounded") {
    const order = compareKeys(key, end.value);
    if (order > 0 || (order === 0 && end.kind === "excluded")) return false;
  }
  return true;
}

/** How to read a range from a table: a condition on the key column, nothing at all, or a filtered scan. */
export type RangeSelection =
  | { readonly kind: "sql"; readonly conditions: readonly { readonly op: string; readonly value: SqlValue }[] }
  | { readonly kind: "empty" }
  | { readonly kind: "filter" };

/**
 * The SQL form of a range over a single key column of kind `keyKind` (int or string keys of a Baton
 * table, whose column order matches compareKeys). A bound of another rank than the keys either
 * admits every key or none, by the rank order.
 */
export function rangeSelection(range: Range, keyKind: KeyKind): RangeSelection {
  const keyRank = keyKind === "int" ? 0 : keyKind === "string" ? 1 : undefined;
  if (keyRank === undefined) return { kind: "filter" };
  // A fractional bound (`t:1.5..`) has no exact integer form: compare in JavaScript.
  const fractional = (bound: RangeBound) => bound.kind !== "unbounded" && typeof bound.value === "number" && !Number.isInteger(bound.value);
  if (fractional(range.begin) || fractional(range.end)) return { kind: "filter" };
  const conditions: { op: string; value: SqlValue }[] = [];
  const side = (bound: RangeBound, lower: boolean): "all" | "none" | undefined => {
    if (bound.kind === "unbounded") return "all";
    const boundRank = rank(bound.value);
    if (boundRank !== keyRank) {
      // Every key sits on one side of a bound of another rank.
      return (lower ? boundRank < keyRank : boundRank > keyRank) ? "all" : "none";
    }
    const value = keyRank === 0 ? BigInt(bound.value as number | bigint) : (bound.value as string);
    const op = lower ? (bound.kind === "included" ? ">=" : ">") : bound.kind === "included" ? "<=" : "<";
    conditions.push({ op, value });
    return undefined;
  };
  const lower = side(range.begin, true);
  const upper = side(range.end, false);
  if (lower === "none" || upper === "none") return { kind: "empty" };
  return { kind: "sql", conditions };
}
