// Expected values are SurrealDB 3's language tests, wrapping at 64 bits as its Rust casts do.
import { Duration } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";
import { DURATION_CONSTANTS } from "./duration-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);
const MAX = new Duration(2n ** 64n - 1n, 999_999_999);

describe("duration:: counts", () => {
  it.each<[string, string, unknown]>([
    ["duration::days", "4w3d", 31],
    ["duration::days", "4h", 0],
    ["duration::hours", "4d3h", 99],
    ["duration::mins", "1h30m", 90],
    ["duration::secs", "1m25s", 85],
    ["duration::millis", "1m100ms", 60100],
    ["duration::micros", "1m100µs", 60000100],
    ["duration::nanos", "30ms100ns", 30000100],
    ["duration::weeks", "1y3w", 55],
    ["duration::years", "7y4w30d", 7],
  ])("%s(%s) is %o", (name, text, expected) => {
    expect(call(name, Duration.parse(text))).toBe(expected);
  });

  it("wraps counts beyond an i64 as SurrealDB does", () => {
    expect(call("duration::days", MAX)).toBe(213503982334601);
    expect(call("duration::secs", MAX)).toBe(-1);
    expect(call("duration::micros", Duration.parse("999999999y"))).toBe(-7932397579333263360n);
  });

  it("refuses what is not a duration", () => {
    expect(failureMessage(() => call("duration::days", "1d"))).toBe(
      "Incorrect arguments for function duration::days(). Argument 1 was the wrong type. Expected `duration` but found `'1d'`",
    );
  });
});

describe("duration::from_*", () => {
  it.each<[string, unknown, string]>([
    ["duration::from_days", 3, "3d"],
    ["duration::from_days", 50, "7w1d"],
    ["duration::from_hours", 50, "2d2h"],
    ["duration::from_mins", 100, "1h40m"],
    ["duration::from_secs", 90, "1m30s"],
    ["duration::from_millis", 3, "3ms"],
    ["duration::from_micros", 50, "50µs"],
    ["duration::from_nanos", 5005000, "5ms5µs"],
    ["duration::from_weeks", 60, "1y7w6d"],
    ["duration::from::days", 3, "3d"],
    // A negative count is read as Rust's `as u64`.
    ["duration::from_micros", -1, "584942y21w5d8h1m49s551ms615µs"],
    ["duration::from_nanos", -1, "584y49w23h34m33s709ms551µs615ns"],
  ])("%s(%o) is %s", (name, count, expected) => {
    expect(String(call(name, count))).toBe(expected);
  });

  it("fails where the seconds would overflow", () => {
    expect(failureMessage(() => call("duration::from_days", 9_223_372_036_854_775_807n))).toBe(
      'Failed to compute: "duration::from_days(9223372036854775807)", as the operation results in an arithmetic overflow.',
    );
    expect(failureMessage(() => call("duration::from_weeks", -1))).toBe(
      'Failed to compute: "duration::from_weeks(18446744073709551615)", as the operation results in an arithmetic overflow.',
    );
  });

  it("holds duration::max", () => {
    expect(String(DURATION_CONSTANTS.get("duration::max"))).toBe("584942417355y3w5d7h15s999ms999µs999ns");
  });
});
