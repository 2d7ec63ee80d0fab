// Ints as the store returns them (record-store.ts, SurrealValue): a number when exact, else a bigint.

/** An int as the store returns it: a number when exact, else a bigint. */
export function normalInt(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
