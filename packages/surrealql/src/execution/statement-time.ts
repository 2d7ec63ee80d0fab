// A statement's `time` as SurrealDB prints it (Rust's Duration debug form: `187.091µs`,
// `1.438279ms`, `2.5s`). The SDK requires it and parses one number and one unit.

const UNITS: readonly [bigint, string][] = [
  [1_000_000_000n, "s"],
  [1_000_000n, "ms"],
  [1_000n, "µs"],
];

/** The time since `started` (process.hrtime.bigint()). */
export function statementTime(started: bigint): string {
  return formatElapsed(process.hrtime.bigint() - started);
}

/** Nanoseconds in the largest unit they fill, with up to nine significant decimals. */
export function formatElapsed(nanoseconds: bigint): string {
  for (const [size, unit] of UNITS) {
    if (nanoseconds >= size) {
      const whole = nanoseconds / size;
      const fraction = (nanoseconds % size).toString().padStart(size.toString().length - 1, "0").replace(/0+$/, "");
      return fraction === "" ? `${whole}${unit}` : `${whole}.${fraction}${unit}`;
    }
  }
  return `${nanoseconds < 0n ? 0n : nanoseconds}ns`;
}
