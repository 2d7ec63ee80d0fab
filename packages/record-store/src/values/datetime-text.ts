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
