// Ints as the store returns them (record-store.ts, SurrealValue): a number when exact, else a
// bigint; never outside i64, SurrealDB's int range.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** An int as the store returns it: a number when exact, else a bigint. */
export function normalInt(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** The int `value`, or undefined beyond i64 (where a tag or text claiming an int does not fit). */
export function int64(value: bigint): number | bigint | undefined {
  return value >= INT64_MIN && value <= INT64_MAX ? normalInt(value) : undefined;
}

/** An integer read without a tag: an int within i64, else the nearest float (as SurrealDB parses an overflowing literal). */
export function integerReading(value: bigint): number | bigint {
  return int64(value) ?? Number(value);
}
