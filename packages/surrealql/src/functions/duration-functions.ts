// The `duration::*` SurrealQL functions and `duration::max`. SurrealDB holds durations as Rust's
// (u64 seconds, nanoseconds) and its accessors as i64, so both ends wrap as Rust's casts do:
// `duration::secs` past i64 is negative, `duration::from_secs(-1)` is 2^64 - 1 seconds.
import { Duration } from "@baton/codecs";
import { duration, int } from "./argument-kinds.js";
import { defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";
import { intValue } from "../values/surreal-number.js";
import { NANOS_PER_SECOND, checkedDuration, totalNanos } from "../values/time-arithmetic.js";

const U64_MAX = 2n ** 64n - 1n;

/** `duration::max`, by lower-case name (SurrealDB reads constants case-insensitively). */
export const DURATION_CONSTANTS: ReadonlyMap<string, Duration> = new Map([["duration::max", new Duration(U64_MAX, 999_999_999)]]);

const SECONDS = { minute: 60n, hour: 3600n, day: 86_400n, week: 604_800n, year: 31_536_000n } as const;

/** How many whole `unitNanos` fit in a duration, as SurrealDB's i64 (wrapping, like Rust's `as i64`). */
const count = (unitNanos: bigint): FunctionDefinition =>
  fn([duration], ([value]) => intValue(BigInt.asIntN(64, totalNanos(value) / unitNanos)));

/** A duration of `count` units, the count read as u64 (Rust's `as u64`); overflow past u64 seconds fails. */
function from(options: { name: string; unitNanos: bigint }): FunctionDefinition {
  const { name, unitNanos } = options;
  return fn([int], ([amount]) => {
    const units = BigInt.asUintN(64, amount);
    return checkedDuration(units * unitNanos, `${name}(${units})`);
  });
}

const perSecond = (seconds: bigint) => seconds * NANOS_PER_SECOND;

export const durationFunctions: FunctionTable = defineFunctions(
  {
    "duration::days": count(perSecond(SECONDS.day)),
    "duration::hours": count(perSecond(SECONDS.hour)),
    "duration::micros": count(1000n),
    "duration::millis": count(1_000_000n),
    "duration::mins": count(perSecond(SECONDS.minute)),
    "duration::nanos": count(1n),
    "duration::secs": count(NANOS_PER_SECOND),
    "duration::weeks": count(perSecond(SECONDS.week)),
    "duration::years": count(perSecond(SECONDS.year)),
    "duration::from_days": from({ name: "duration::from_days", unitNanos: perSecond(SECONDS.day) }),
    "duration::from_hours": from({ name: "duration::from_hours", unitNanos: perSecond(SECONDS.hour) }),
    "duration::from_micros": from({ name: "duration::from_micros", unitNanos: 1000n }),
    "duration::from_millis": from({ name: "duration::from_millis", unitNanos: 1_000_000n }),
    "duration::from_mins": from({ name: "duration::from_mins", unitNanos: perSecond(SECONDS.minute) }),
    "duration::from_nanos": from({ name: "duration::from_nanos", unitNanos: 1n }),
    "duration::from_secs": from({ name: "duration::from_secs", unitNanos: NANOS_PER_SECOND }),
    "duration::from_weeks": from({ name: "duration::from_weeks", unitNanos: perSecond(SECONDS.week) }),
  },
  {
    // SurrealDB 2's spellings, renamed in 3.
    "duration::from::days": "duration::from_days",
    "duration::from::hours": "duration::from_hours",
    "duration::from::micros": "duration::from_micros",
    "duration::from::millis": "duration::from_millis",
    "duration::from::mins": "duration::from_mins",
    "duration::from::nanos": "duration::from_nanos",
    "duration::from::secs": "duration::from_secs",
    "duration::from::weeks": "duration::from_weeks",
  },
);
