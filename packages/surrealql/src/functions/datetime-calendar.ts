// Calendar arithmetic on the Datetime of @baton/codecs (UTC, nanosecond precision): its civil
// parts, ISO weeks, building one from parts, and reading SurrealQL datetime text. JS Date does
// the civil conversion (its ±275,760-year range covers SurrealDB's ±262,143); the nanoseconds
// travel beside it.
import { Datetime } from "@baton/codecs";

/** The civil fields of a UTC instant. `weekday` counts from Monday = 1; `ordinal` from 1 January = 1. */
export interface CalendarParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanosecond: number;
  readonly weekday: number;
  readonly ordinal: number;
}

const MS_PER_DAY = 86_400_000;

/** SurrealDB's datetime range (chrono's): -262143-01-01T00:00:00Z to +262142-12-31T23:59:59.999999999Z. */
export const DATETIME_MIN = Datetime.parse("-262143-01-01T00:00:00Z");
export const DATETIME_MAX = new Datetime(Datetime.parse("+262142-12-31T23:59:59Z").seconds, 999_999_999);

function utcDate(seconds: bigint): Date {
  return new Date(Number(seconds) * 1000);
}

export function calendarParts(value: Datetime): CalendarParts {
  const date = utcDate(value.seconds);
  const year = date.getUTCFullYear();
  const startOfYear = new Date(0);
  startOfYear.setUTCFullYear(year, 0, 1);
  return {
    year,
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    nanosecond: value.nanoseconds,
    weekday: ((date.getUTCDay() + 6) % 7) + 1,
    ordinal: Math.floor((date.getTime() - startOfYear.getTime()) / MS_PER_DAY) + 1,
  };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The ISO 8601 week (1–53) and the year it belongs to (which may differ near 1 January). */
export function isoWeek(parts: CalendarParts): { year: number; week: number } {
  // The week belongs to the year of its Thursday.
  const thursday = new Date(0);
  thursday.setUTCFullYear(parts.year, parts.month - 1, parts.day + 4 - parts.weekday);
  const year = thursday.getUTCFullYear();
  const startOfYear = new Date(0);
  startOfYear.setUTCFullYear(year, 0, 1);
  const ordinal = Math.floor((thursday.getTime() - startOfYear.getTime()) / MS_PER_DAY) + 1;
  return { year, week: Math.floor((ordinal - 1) / 7) + 1 };
}

/** The fields a datetime is built from; a missing time field is 0. */
export interface DatetimeFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly nanosecond?: number;
  /** Seconds east of UTC the fields are written in. */
  readonly offset?: number;
}

/** The instant the fields name, or undefined when they name no real time (31 February, hour 24). */
export function datetimeFromFields(fields: DatetimeFields): Datetime | undefined {
  const { year, month, day, hour = 0, minute = 0, second = 0, nanosecond = 0, offset = 0 } = fields;
  const inRange = (value: number, max: number, min = 0) => Number.isInteger(value) && value >= min && value <= max;
  if (!inRange(month, 12, 1) || !inRange(day, 31, 1) || !inRange(hour, 23) || !inRange(minute, 59) || !inRange(second, 59)) {
    return undefined;
  }
  if (!inRange(nanosecond, 999_999_999) || !Number.isInteger(year)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  const seconds = BigInt(date.getTime() / 1000 + hour * 3600 + minute * 60 + second - offset);
  const value = new Datetime(seconds, nanosecond);
  return withinRange(value) ? value : undefined;
}

export function withinRange(value: Datetime): boolean {
  return value.seconds >= DATETIME_MIN.seconds && value.seconds <= DATETIME_MAX.seconds;
}

/** The current instant. JS clocks give milliseconds, so that is the precision of `time::now()` here. */
export function currentDatetime(): Datetime {
  return Datetime.fromDate(new Date());
}

const DATETIME_TEXT =
  /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

/**
 * Reads datetime text as SurrealQL's `d"…"` does: a date, optionally a time (seconds and a
 * fraction optional), and optionally `Z` or an offset (UTC when absent). Undefined if it is not one.
 */
export function parseDatetimeText(source: string): Datetime | undefined {
  const match = DATETIME_TEXT.exec(source);
  if (match === null) return undefined;
  const [, year = "", month = "", day = "", hour = "0", minute = "0", second = "0", fraction = "", , sign, offsetHours = "0", offsetMinutes = "0"] = match;
  const offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  return datetimeFromFields({
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    nanosecond: Number(fraction.padEnd(9, "0")),
    offset,
  });
}
