// Datetime texts of the record model: SQLite's fixed-width nanosecond form and the microsecond
// image Postgres `timestamptz` and MySQL `DATETIME(6)` hold (docs/record-model.md, "Datetimes").
import { Datetime } from "@baton/codecs";

/** `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`: exact, and sorts as text for years 0000–9999. */
export function fixedWidthText(value: Datetime): string {
  const iso = value.toISOString();
  const seconds = iso.replace(/(\.\d+)?Z$/, "");
  return `${seconds}.${String(value.nanoseconds).padStart(9, "0")}Z`;
}

/** The instant truncated to whole microseconds. */
export function truncatedToMicros(value: Datetime): Datetime {
  return new Datetime(value.seconds, value.nanoseconds - (value.nanoseconds % 1000));
}

/** The calendar year of an instant. */
export function yearOf(value: Datetime): bigint {
  const match = /^([+-]?\d+)-/.exec(value.toISOString());
  return BigInt(match?.[1] ?? "0");
}

/** Parses datetime text; undefined when it is not one. */
export function parseDatetime(text: string): Datetime | undefined {
  try {
    return Datetime.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A datetime from a SQL date or zoneless timestamp text, read as UTC (docs/record-model.md, "SQL
 * columns"): `2024-05-06` is its midnight; `2024-05-06 07:08:09.5` or with `T` gains `Z`.
 */
export function zonelessDatetime(text: string): Datetime | undefined {
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return parseDatetime(`${text}T00:00:00Z`);
  const match = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d{1,9})?)$/.exec(text);
  return match === null ? undefined : parseDatetime(`${match[1]}T${match[2]}Z`);
}

/** Seconds since the epoch as decimal text (MySQL's `UNIX_TIMESTAMP()`), as a datetime. */
export function epochDatetime(text: string): Datetime | undefined {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text);
  if (match === null) return undefined;
  return new Datetime(BigInt(match[1] ?? "0"), Number((match[2] ?? "").padEnd(9, "0")));
}

/** A datetime as epoch seconds with microseconds (`FROM_UNIXTIME()`'s argument), truncated to µs. */
export function epochText(value: Datetime): string {
  return `${value.seconds}.${String(Math.floor(value.nanoseconds / 1000)).padStart(6, "0")}`;
}
