// Expected values are SurrealDB 3's (its documentation and language tests), and RFC 9562's UUID
// test vectors for `time::from_uuid`.
import { Datetime, Duration, NONE, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin, uuidV7 } from "./builtin-functions.js";
import { TIME_CONSTANTS } from "./time-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);
const d = (text: string) => Datetime.parse(text);
const MONDAY = d("2021-11-01T08:30:17Z");

describe("time:: accessors", () => {
  it.each<[string, unknown]>([
    ["time::day", 1],
    ["time::hour", 8],
    ["time::minute", 30],
    ["time::second", 17],
    ["time::month", 11],
    ["time::year", 2021],
    ["time::yday", 305],
    ["time::wday", 1],
    ["time::week", 44],
    ["time::unix", 1635755417],
    ["time::millis", 1635755417000],
    ["time::micros", 1635755417000000],
    ["time::nano", 1635755417000000000n],
  ])("%s of 2021-11-01T08:30:17Z is %o", (name, expected) => {
    expect(call(name, MONDAY)).toBe(expected);
  });

  it("reads now without an argument", () => {
    const year = call("time::year");
    expect(year).toBe(new Date().getUTCFullYear());
    expect(call("time::now")).toBeInstanceOf(Datetime);
  });

  it("keeps nanoseconds and reads instants before 1970", () => {
    const early = d("1969-12-31T23:59:59.5Z");
    expect(call("time::millis", early)).toBe(-500);
    expect(call("time::nano", d("2021-11-01T08:30:17.123456789Z"))).toBe(1635755417123456789n);
    // chrono has no nanosecond timestamp past 2262; SurrealDB answers 0.
    expect(call("time::nano", d("2300-01-01T00:00:00Z"))).toBe(0);
  });

  it("knows leap years", () => {
    expect(call("time::is_leap_year", d("2024-05-01T00:00:00Z"))).toBe(true);
    expect(call("time::is_leap_year", d("2100-05-01T00:00:00Z"))).toBe(false);
    expect(call("time::is::leap_year", d("2000-05-01T00:00:00Z"))).toBe(true);
  });
});

describe("time:: rounding and grouping", () => {
  it("floors, ceils and rounds on a grid from the Unix epoch (a Thursday)", () => {
    expect(call("time::floor", MONDAY, Duration.parse("1w"))).toEqual(d("2021-10-28T00:00:00Z"));
    expect(call("time::ceil", MONDAY, Duration.parse("1w"))).toEqual(d("2021-11-04T00:00:00Z"));
    expect(call("time::round", MONDAY, Duration.parse("1w"))).toEqual(d("2021-11-04T00:00:00Z"));
    expect(call("time::round", MONDAY, Duration.parse("1h"))).toEqual(d("2021-11-01T09:00:00Z"));
    expect(call("time::floor", d("1969-12-31T23:59:59Z"), Duration.parse("1h"))).toEqual(d("1969-12-31T23:00:00Z"));
    expect(call("time::floor", MONDAY, Duration.parse("0ns"))).toEqual(MONDAY);
    expect(call("time::ceil", d("2021-11-01T00:00:00Z"), Duration.parse("1d"))).toEqual(d("2021-11-01T00:00:00Z"));
  });

  it("refuses instants or durations beyond 64 bits of nanoseconds", () => {
    expect(failureMessage(() => call("time::floor", d("2300-01-01T00:00:00Z"), Duration.parse("1d")))).toBe(
      "Incorrect arguments for function time::floor(). The second argument must be a duration, and must be able to be represented as nanoseconds.",
    );
  });

  it("groups by a unit", () => {
    expect(call("time::group", MONDAY, "month")).toEqual(d("2021-11-01T00:00:00Z"));
    expect(call("time::group", MONDAY, "hour")).toEqual(d("2021-11-01T08:00:00Z"));
    expect(call("time::group", d("2021-11-01T08:30:17.5Z"), "second")).toEqual(MONDAY);
    expect(failureMessage(() => call("time::group", MONDAY, "week"))).toBe(
      "Incorrect arguments for function time::group(). The second argument must be a string, and can be one of 'year', 'month', 'day', 'hour', 'minute', or 'second'.",
    );
  });

  it("finds the latest and earliest", () => {
    const later = d("2022-01-01T00:00:00Z");
    expect(call("time::max", [MONDAY, later])).toEqual(later);
    expect(call("time::min", [MONDAY, later])).toEqual(MONDAY);
    expect(call("time::max", [])).toBe(NONE);
  });
});

describe("time::format", () => {
  const precise = d("2021-11-01T08:30:17.123456789Z");
  it.each<[string, string]>([
    ["%Y-%m-%d", "2021-11-01"],
    ["%A, %d %B %Y", "Monday, 01 November 2021"],
    ["%a %b %e %H:%M:%S %Y", "Mon Nov  1 08:30:17 2021"],
    ["%c", "Mon Nov  1 08:30:17 2021"],
    ["%D %r", "11/01/21 08:30:17 AM"],
    ["%-d/%-m %k%P", "1/11  8am"],
    ["%j %U %W %G-W%V-%u %w", "305 44 44 2021-W44-1 1"],
    ["%+", "2021-11-01T08:30:17.123456789+00:00"],
    ["%.f|%.3f|%6f|%f", ".123456789|.123|123456|123456789"],
    ["%Z %z %:z", "UTC +0000 +00:00"],
    ["%s %% %C%y", "1635755417 % 2021"],
  ])("%s", (pattern, expected) => {
    expect(call("time::format", precise, pattern)).toBe(expected);
  });

  it("refuses a specifier chrono does not know, in SurrealDB's words", () => {
    expect(failureMessage(() => call("time::format", d("2012-01-01T08:00:00Z"), "%Y-%m-%dT%H:%M:%S.%3NZ"))).toBe(
      "Incorrect arguments for method time::format(). `%Y-%m-%dT%H:%M:%S.%3NZ` is not a valid time formatting string",
    );
  });
});

describe("time::from_*", () => {
  const BILLENNIUM = d("2001-09-09T01:46:40Z");
  it.each<[string, unknown]>([
    ["time::from_secs", 1_000_000_000],
    ["time::from_unix", 1_000_000_000],
    ["time::from::unix", 1_000_000_000],
    ["time::from_millis", 1_000_000_000_000],
    ["time::from_micros", 1_000_000_000_000_000],
    ["time::from_nanos", 1_000_000_000_000_000_000n],
  ])("%s(%o) is 2001-09-09T01:46:40Z", (name, count) => {
    expect(call(name, count)).toEqual(BILLENNIUM);
  });

  it("reads the instants of ULIDs and of v1, v6 and v7 UUIDs", () => {
    expect(call("time::from_ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV")).toEqual(d("2016-07-30T23:54:10.259Z"));
    const rfc = d("2022-02-22T19:22:22Z");
    expect(call("time::from_uuid", Uuid.parse("c232ab00-9414-11ec-b3c8-9f6bdeced846"))).toEqual(rfc);
    expect(call("time::from_uuid", Uuid.parse("1ec9414c-232a-6b00-b3c8-9f6bdeced846"))).toEqual(rfc);
    expect(call("time::from_uuid", Uuid.parse("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"))).toEqual(rfc);
    expect(call("time::from_uuid", uuidV7(1_635_755_417_123))).toEqual(d("2021-11-01T08:30:17.123Z"));
  });

  it("refuses what names no datetime", () => {
    expect(failureMessage(() => call("time::from_secs", 9_000_000_000_000))).toBe(
      "Incorrect arguments for function time::from_secs(). The argument must be a number of seconds relative to January 1, 1970 0:00:00 UTC that produces a datetime between -262143-01-01T00:00:00Z and +262142-12-31T23:59:59Z.",
    );
    expect(failureMessage(() => call("time::from_ulid", "nope"))).toBe(
      "Incorrect arguments for function time::from_ulid(). The first argument must be a string, containing a valid ULID.",
    );
    expect(failureMessage(() => call("time::from_uuid", Uuid.parse("4d3f0b2e-6a1c-4f5e-9b8a-7c6d5e4f3a2b")))).toBe(
      "Incorrect arguments for function time::from_uuid(). The first argument must be a v1, v6 or v7 UUID.",
    );
    expect(failureMessage(() => call("time::day", "2021-11-01"))).toBe(
      "Incorrect arguments for function time::day(). Argument 1 was the wrong type. Expected `datetime` but found `'2021-11-01'`",
    );
  });
});

describe("time::set_*", () => {
  it("sets one field and keeps the rest", () => {
    const leapDay = d("2024-02-29T10:20:30.5Z");
    expect(call("time::set_month", leapDay, 3)).toEqual(d("2024-03-29T10:20:30.5Z"));
    expect(call("time::set_hour", leapDay, 0)).toEqual(d("2024-02-29T00:20:30.5Z"));
    expect(call("time::set_nanosecond", leapDay, 7)).toEqual(d("2024-02-29T10:20:30.000000007Z"));
    expect(failureMessage(() => call("time::set_year", leapDay, 2023))).toBe("Unable to set datetime to year 2023");
    expect(failureMessage(() => call("time::set_minute", leapDay, 60))).toBe("Unable to set datetime to 60 minutes");
  });
});

describe("time:: constants and zone", () => {
  it("holds the epoch and SurrealDB's datetime range", () => {
    expect(TIME_CONSTANTS.get("time::epoch")).toEqual(d("1970-01-01T00:00:00Z"));
    expect(TIME_CONSTANTS.get("time::minimum")?.toISOString()).toBe("-262143-01-01T00:00:00Z");
    expect(TIME_CONSTANTS.get("time::maximum")?.toISOString()).toBe("+262142-12-31T23:59:59.999999999Z");
  });

  it("answers the server's offset as chrono prints it", () => {
    expect(call("time::timezone")).toMatch(/^[+-]\d{2}:\d{2}$/);
  });
});
