// How a literal of a condition compares with the values of one class of stored values, in SQL and
// exactly as SurrealDB compares: integers against integer bounds (never through a double), floats
// against doubles only where the literal is one exactly, strings by code point. A comparator
// answers undefined where it cannot be exact; the row is then left for the caller to decide.
import { Decimal } from "@baton/codecs";
import { holds, type CompareOp } from "./value-rank.js";
import { constant, type Fragment } from "./sql-fragment.js";

/** `column op value` in SQL, two-valued on the rows of its class; undefined when not exact. */
export type Comparator = (op: CompareOp, value: unknown) => Fragment | undefined;

/**
 * Stored values a dialect can test for and compare in SQL: rows where `test` holds (and the field
 * is untagged) hold values of kind rank `rank`, compared with literals of that rank by `compare`.
 */
export interface ValueClass {
  /** Two-valued. */
  readonly test: Fragment;
  readonly rank: number;
  readonly compare?: Comparator | undefined;
}

/** SQL's spelling of an operator. */
export const sqlOperator = (op: CompareOp): string => (op === "!=" ? "<>" : op);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * `x op value` for every 64-bit integer x, as `x op' bound` with an integer bound, or as a
 * constant; undefined for NaN and literals that are no number.
 */
export function integerBound(op: CompareOp, value: unknown): { op: CompareOp; bound: bigint } | boolean | undefined {
  let integer: bigint;
  if (typeof value === "bigint") integer = value;
  else if (typeof value === "number" && Number.isInteger(value)) integer = BigInt(value);
  else if (typeof value === "number" && Number.isFinite(value)) return fractionalBound(op, value);
  else if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return holds(op, value > 0 ? -1 : 1);
  else return undefined;
  if (integer > INT64_MAX) return holds(op, -1);
  if (integer < INT64_MIN) return holds(op, 1);
  return { op, bound: integer };
}

/** An integer never equals a fraction; it is below it exactly when it is at most its floor. */
function fractionalBound(op: CompareOp, value: number): { op: CompareOp; bound: bigint } | boolean {
  const floor = BigInt(Math.floor(value));
  switch (op) {
    case "=":
      return false;
    case "!=":
      return true;
    case "<":
    case "<=":
      return { op: "<=", bound: floor };
    case ">":
    case ">=":
      return { op: ">=", bound: floor + 1n };
  }
}

/** The literal as a double with exactly its value, or undefined (NaN, infinities, inexact integers, decimals). */
export function exactDouble(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "bigint") {
    const double = Number(value);
    return BigInt(double) === value ? double : undefined;
  }
  return undefined;
}

/** The literal as a string every database orders by code point: well formed, without NUL. */
export function plainString(value: unknown): string | undefined {
  // With the u flag, \p{Cs} matches only lone surrogates: paired ones read as one code point.
  return typeof value === "string" && !/\p{Cs}/u.test(value) && !value.includes("\u0000") ? value : undefined;
}

/** Compares with integer bounds: `build(op, bound)` is the SQL for one bound. */
export function integerComparator(build: (op: string, bound: bigint) => Fragment): Comparator {
  return (op, value) => {
    const bound = integerBound(op, value instanceof Decimal ? undefined : value);
    if (bound === undefined) return undefined;
    if (typeof bound === "boolean") return constant(bound);
    return build(sqlOperator(bound.op), bound.bound);
  };
}

/** Compares with a double the literal is exactly. */
export function doubleComparator(build: (op: string, value: number) => Fragment): Comparator {
  return (op, value) => {
    const double = exactDouble(value);
    return double === undefined ? undefined : build(sqlOperator(op), double);
  };
}

/** Compares strings by code point (the builder applies a binary collation). */
export function stringComparator(build: (op: string, value: string) => Fragment): Comparator {
  return (op, value) => {
    const text = plainString(value);
    return text === undefined ? undefined : build(sqlOperator(op), text);
  };
}
