// The `time::*` SurrealQL functions and constants. Datetimes are UTC with nanosecond precision;
// the accessors default to now when called without a datetime.
import { Datetime, NONE, type Duration } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { arrayOf, datetime, duration, int, optional, text, uuid } from "./argument-kinds.js";
import {
  DATETIME_MAX,
  DATETIME_MIN,
  calendarParts,
  currentDatetime,
  datetimeFromFields,
  isLeapYear,
  isoWeek,
  withinRange,
  type CalendarParts,
} from "./datetime-calendar.js";
import { formatDatetimeWith } from "./datetime-format.js";
import { ArgumentProblem, defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";
import { I64_MAX, I64_MIN, intValue } from "../values/surreal-number.js";
import { NANOS_PER_SECOND, datetimeFromNanos, totalNanos } from "../values/time-arithmetic.js";
import { ulidTime } from "./ulid-text.js";

/** `time::epoch`, `time::minimum`, `time::maximum`, by lower-case name (SurrealDB reads them case-insensitively). */
export const TIME_CONSTANTS: ReadonlyMap<string, Datetime> = new Map([
  ["time::epoch", new Datetime(0n, 0)],
  ["time::minimum", DATETIME_MIN],
  ["time::maximum", DATETIME_MAX],
]);

/** An accessor of the given datetime, or of now without one. */
function part(read: (parts: CalendarParts, value: Datetime) => number | bigint): FunctionDefinition {
  return fn([optional(datetime)], ([value]) => {
    const instant = value ?? currentDatetime();
    const result = read(calendarParts(instant), instant);
    return typeof result === "bigint" ? intValue(result) : result;
  });
}

const NOT_NANOSECONDS = "The second argument must be a duration, and must be able to be represented as nanoseconds.";

/**
 * The datetime and duration in nanoseconds for `time::floor`/`ceil`/`round`, as chrono's rounding
 * needs them: both must fit an i64 of nanoseconds (datetimes between 1677 and 2262).
 */
function roundingInputs(value: Datetime, step: Duration): { stamp: bigint; span: bigint } {
  const stamp = totalNanos(value);
  const span = totalNanos(step);
  if (span > I64_MAX || stamp < I64_MIN || stamp > I64_MAX) throw new ArgumentProblem(NOT_NANOSECONDS);
  return { stamp, span };
}

/** The instant at or before `value` on the grid of `step`s from the Unix epoch. */
function floorTo(value: Datetime, step: Duration): Datetime {
  const { stamp, span } = roundingInputs(value, step);
  if (span === 0n) return value;
  const below = ((stamp % span) + span) % span;
  return datetimeFromNanos(stamp - below);
}

function ceilTo(value: Datetime, step: Duration): Datetime {
  const { stamp, span } = roundingInputs(value, step);
  if (span === 0n) return value;
  const below = ((stamp % span) + span) % span;
  return below === 0n ? value : checkedTime(datetimeFromNanos(stamp - below + span));
}

/** The nearest instant on the grid; halfway goes up, as chrono's `duration_round`. */
function roundTo(value: Datetime, step: Duration): Datetime {
  const { stamp, span } = roundingInputs(value, step);
  if (span === 0n) return value;
  const below = ((stamp % span) + span) % span;
  if (below === 0n) return value;
  const above = span - below;
  return checkedTime(datetimeFromNanos(above <= below ? stamp + above : stamp - below));
}

function checkedTime(value: Datetime): Datetime {
  if (!withinRange(value)) throw new ArgumentProblem(NOT_NANOSECONDS);
  return value;
}

const GROUPS = ["year", "month", "day", "hour", "minute", "second"] as const;

function group(value: Datetime, unit: string): Datetime {
  const depth = GROUPS.indexOf(unit as (typeof GROUPS)[number]);
  if (depth === -1) {
    throw new ArgumentProblem(
      "The second argument must be a string, and can be one of 'year', 'month', 'day', 'hour', 'minute', or 'second'.",
    );
  }
  const parts = calendarParts(value);
  const kept = (level: number, field: number, fallback: number) => (depth >= level ? field : fallback);
  const grouped = datetimeFromFields({
    year: parts.year,
    month: kept(1, parts.month, 1),
    day: kept(2, parts.day, 1),
    hour: kept(3, parts.hour, 0),
    minute: kept(4, parts.minute, 0),
    second: kept(5, parts.second, 0),
  });
  return grouped ?? value;
}

/** A datetime from a count of `unit`s since the Unix epoch, within SurrealDB's datetime range. */
function fromUnits(options: { unit: string; perSecond: bigint }): FunctionDefinition {
  const { unit, perSecond } = options;
  return fn([int], ([count]) => {
    const value = datetimeFromNanos(count * (NANOS_PER_SECOND / perSecond));
    if (!withinRange(value)) {
      throw new ArgumentProblem(
        `The argument must be a number of ${unit} relative to January 1, 1970 0:00:00 UTC that produces a datetime between -262143-01-01T00:00:00Z and +262142-12-31T23:59:59Z.`,
      );
    }
    return value;
  });
}

/** 100 ns ticks between the Gregorian epoch of UUID v1/v6 (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET = 122_192_928_000_000_000n;

/** The instant a v1, v6 or v7 UUID was made at. */
function uuidTime(value: Uint8Array): Datetime | undefined {
  const hex = Buffer.from(value).toString("hex");
  const version = value[6] === undefined ? 0 : value[6] >> 4;
  if (version === 7) return datetimeFromNanos(BigInt(`0x${hex.slice(0, 12)}`) * 1_000_000n);
  if (version !== 1 && version !== 6) return undefined;
  const ticks =
    version === 1
      ? BigInt(`0x${hex.slice(13, 16)}${hex.slice(8, 12)}${hex.slice(0, 8)}`)
      : BigInt(`0x${hex.slice(0, 12)}${hex.slice(13, 16)}`);
  return datetimeFromNanos((ticks - GREGORIAN_OFFSET) * 100n);
}

/** A setter of one field, failing as SurrealDB does when the result is no real datetime. */
function setter(options: { field: keyof CalendarParts; describe: (value: bigint) => string }): FunctionDefinition {
  return fn([datetime, int], ([value, amount]) => {
    const updated = datetimeFromFields({ ...calendarParts(value), [options.field]: Number(amount) });
    if (updated === undefined) throw RpcError.validation(`Unable to set datetime to ${options.describe(amount)}`);
    return updated;
  });
}

/** The local offset of this server, as chrono prints a fixed offset (`+00:00`, `-05:30`). */
function localOffset(): string {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

const latest = (list: readonly Datetime[], keep: "max" | "min") =>
  list.reduce<Datetime | undefined>((best, value) => {
    if (best === undefined) return value;
    const order = totalNanos(value) - totalNanos(best);
    return (keep === "max" ? order >= 0n : order < 0n) ? value : best;
  }, undefined) ?? NONE;

export const timeFunctions: FunctionTable = defineFunctions(
  {
    "time::ceil": fn([datetime, duration], ([value, step]) => ceilTo(value, step)),
    "time::day": part((parts) => parts.day),
    "time::floor": fn([datetime, duration], ([value, step]) => floorTo(value, step)),
    "time::format": fn([datetime, text], ([value, pattern]) => {
      const formatted = formatDatetimeWith(value, pattern);
      if (formatted === undefined) {
        // SurrealDB words this one as a method error.
        throw RpcError.validation(`Incorrect arguments for method time::format(). \`${pattern}\` is not a valid time formatting string`);
      }
      return formatted;
    }),
    "time::group": fn([datetime, text], ([value, unit]) => group(value, unit)),
    "time::hour": part((parts) => parts.hour),
    "time::max": fn([arrayOf(datetime)], ([list]) => latest(list, "max")),
    "time::micros": part((_, value) => value.seconds * 1_000_000n + BigInt(Math.floor(value.nanoseconds / 1000))),
    "time::millis": part((_, value) => value.seconds * 1000n + BigInt(Math.floor(value.nanoseconds / 1_000_000))),
    "time::min": fn([arrayOf(datetime)], ([list]) => latest(list, "min")),
    "time::minute": part((parts) => parts.minute),
    "time::month": part((parts) => parts.month),
    "time::nano": part((_, value) => {
      const nanos = totalNanos(value);
      // chrono gives no nanosecond timestamp outside an i64; SurrealDB then answers 0.
      return nanos < I64_MIN || nanos > I64_MAX ? 0n : nanos;
    }),
    "time::now": fn([], () => currentDatetime()),
    "time::round": fn([datetime, duration], ([value, step]) => roundTo(value, step)),
    "time::second": part((parts) => parts.second),
    "time::timezone": fn([], () => localOffset()),
    "time::unix": part((_, value) => value.seconds),
    "time::wday": part((parts) => parts.weekday),
    "time::week": part((parts) => isoWeek(parts).week),
    "time::yday": part((parts) => parts.ordinal),
    "time::year": part((parts) => parts.year),
    "time::from_nanos": fromUnits({ unit: "nanoseconds", perSecond: 1_000_000_000n }),
    "time::from_micros": fromUnits({ unit: "microseconds", perSecond: 1_000_000n }),
    "time::from_millis": fromUnits({ unit: "milliseconds", perSecond: 1000n }),
    "time::from_secs": fromUnits({ unit: "seconds", perSecond: 1n }),
    "time::from_unix": fromUnits({ unit: "seconds", perSecond: 1n }),
    "time::from_ulid": fn([text], ([value]) => {
      const time = ulidTime(value);
      if (time === undefined) throw new ArgumentProblem("The first argument must be a string, containing a valid ULID.");
      return datetimeFromNanos(time * 1_000_000n);
    }),
    "time::from_uuid": fn([uuid], ([value]) => {
      const time = uuidTime(value.bytes);
      if (time === undefined) throw new ArgumentProblem("The first argument must be a v1, v6 or v7 UUID.");
      return time;
    }),
    "time::is_leap_year": fn([optional(datetime)], ([value]) => isLeapYear(calendarParts(value ?? currentDatetime()).year)),
    "time::set_year": setter({ field: "year", describe: (n) => `year ${n}` }),
    "time::set_month": setter({ field: "month", describe: (n) => `month ${n}` }),
    "time::set_day": setter({ field: "day", describe: (n) => `day ${n}` }),
    "time::set_hour": setter({ field: "hour", describe: (n) => `hour ${n}` }),
    "time::set_minute": setter({ field: "minute", describe: (n) => `${n} minutes` }),
    "time::set_second": setter({ field: "second", describe: (n) => `${n} seconds` }),
    "time::set_nanosecond": setter({ field: "nanosecond", describe: (n) => `${n} nanoseconds` }),
  },
  {
    // SurrealDB 2's spellings, renamed in 3.
    "time::from::nanos": "time::from_nanos",
    "time::from::micros": "time::from_micros",
    "time::from::millis": "time::from_millis",
    "time::from::secs": "time::from_secs",
    "time::from::unix": "time::from_unix",
    "time::from::ulid": "time::from_ulid",
    "time::from::uuid": "time::from_uuid",
    "time::is::leap_year": "time::is_leap_year",
  },
);
