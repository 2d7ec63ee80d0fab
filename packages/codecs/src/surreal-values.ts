// Value classes for SurrealDB values that JavaScript has no exact type for. Immutable; the CBOR
// codec maps each to its tag. No validation beyond the shape.

/** SurrealQL NONE (an absent value), distinct from null (SurrealQL NULL). */
export const NONE: unique symbol = Symbol.for("@baton/codecs.surreal.NONE");
export type None = typeof NONE;

/** A table name (tag 7). */
export class Table {
  constructor(readonly name: string) {
    Object.freeze(this);
  }
  toString(): string {
    return this.name;
  }
}

/** A decimal number kept as its exact text (tag 10), e.g. "12.345". */
export class Decimal {
  constructor(readonly value: string) {
    Object.freeze(this);
  }
  toString(): string {
    return this.value;
  }
}

const HEX_UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i;

/** A UUID as its 16 bytes (tag 37; tag 9 is the text form). */
export class Uuid {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    if (bytes.length !== 16) throw new RangeError(`A UUID has 16 bytes, got ${bytes.length}`);
    this.bytes = new Uint8Array(bytes);
    Object.freeze(this);
  }
  /** Parses the canonical 8-4-4-4-12 hex form. */
  static parse(text: string): Uuid {
    const match = HEX_UUID.exec(text);
    if (!match) throw new RangeError(`Not a UUID: ${JSON.stringify(text)}`);
    return new Uuid(Uint8Array.from(Buffer.from(match.slice(1).join(""), "hex")));
  }
  toString(): string {
    const hex = Buffer.from(this.bytes).toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** One end of a range: included (tag 50), excluded (tag 51) or unbounded (null). */
export type RangeBound =
  | { readonly kind: "included"; readonly value: unknown }
  | { readonly kind: "excluded"; readonly value: unknown }
  | { readonly kind: "unbounded" };

/** A range (tag 49), e.g. `1..=5` or, as a record key, `t:1..`. */
export class Range {
  readonly begin: RangeBound;
  readonly end: RangeBound;
  constructor(bounds: { begin: RangeBound; end: RangeBound }) {
    this.begin = Object.freeze({ ...bounds.begin });
    this.end = Object.freeze({ ...bounds.end });
    Object.freeze(this);
  }
}

/** What may key a record: text, integers, UUIDs, arrays, objects, or a range (a record-id range). */
export type RecordIdKey =
  | string
  | number
  | bigint
  | Uuid
  | Range
  | readonly unknown[]
  | { readonly [key: string]: unknown };

/** A record id `table:key` (tag 8 in array form). */
export class RecordId {
  constructor(
    readonly table: string,
    readonly id: RecordIdKey,
  ) {
    Object.freeze(this);
  }
}

/** A record id as unparsed SurrealQL text, e.g. "person:tobie" (tag 8 in text form). */
export class StringRecordId {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
  toString(): string {
    return this.text;
  }
}

const NANOS_PER_SECOND = 1_000_000_000;

function checkNanoseconds(nanoseconds: number): void {
  if (!Number.isInteger(nanoseconds) || nanoseconds < 0 || nanoseconds >= NANOS_PER_SECOND) {
    throw new RangeError(`Nanoseconds must be an integer in [0, 1e9), got ${nanoseconds}`);
  }
}

/** Floor division for bigints (BigInt `/` truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && a < 0n !== b < 0n) ? q - 1n : q;
}

// Proleptic Gregorian calendar <-> days since 1970-01-01 (H. Hinnant's civil algorithms), in
// bigint so that years outside JS Date's range stay exact.
function civilFromDays(days: bigint): { year: bigint; month: number; day: number } {
  const z = days + 719_468n;
  const era = floorDiv(z, 146_097n);
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1_460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  return { year: yoe + era * 400n + (month <= 2 ? 1n : 0n), month, day };
}

function daysFromCivil(year: bigint, month: number, day: number): bigint {
  const y = month <= 2 ? year - 1n : year;
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const mp = BigInt(month > 2 ? month - 3 : month + 9);
  const doy = (153n * mp + 2n) / 5n + BigInt(day - 1);
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146_097n + doe - 719_468n;
}

const pad = (value: number | bigint, width: number) => String(value).padStart(width, "0");

const RFC3339 =
  /^([+-]?\d{4,})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** A UTC instant with nanosecond precision (tag 12 `[seconds, nanoseconds]`; tag 0 is RFC 3339 text). */
export class Datetime {
  /** Seconds since 1970-01-01T00:00:00Z; negative before it. */
  readonly seconds: bigint;
  /** Nanoseconds after `seconds`, in [0, 1e9). */
  readonly nanoseconds: number;
  constructor(seconds: bigint, nanoseconds = 0) {
    checkNanoseconds(nanoseconds);
    this.seconds = seconds;
    this.nanoseconds = nanoseconds;
    Object.freeze(this);
  }

  static fromDate(date: Date): Datetime {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
    const seconds = Math.floor(ms / 1000);
    return new Datetime(BigInt(seconds), (ms - seconds * 1000) * 1_000_000);
  }

  /** Parses RFC 3339 text with up to 9 fractional digits and a `Z` or `±hh:mm` offset. */
  static parse(text: string): Datetime {
    const m = RFC3339.exec(text);
    if (!m) throw new RangeError(`Not an RFC 3339 datetime: ${JSON.stringify(text)}`);
    const [, year = "", month = "", day = "", hour = "", minute = "", second = "", fraction = ""] = m;
    const [mo, d, h, mi, s] = [month, day, hour, minute, second].map(Number) as [number, number, number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
      throw new RangeError(`Datetime field out of range: ${JSON.stringify(text)}`);
    }
    const days = daysFromCivil(BigInt(year), mo, d);
    if (civilFromDays(days).day !== d) throw new RangeError(`No such date: ${JSON.stringify(text)}`);
    let seconds = days * 86_400n + BigInt(h * 3600 + mi * 60 + s);
    if (m[9] !== undefined) {
      const offset = Number(m[10]) * 3600 + Number(m[11]) * 60;
      seconds -= BigInt(m[9] === "-" ? -offset : offset);
    }
    return new Datetime(seconds, Number(fraction.padEnd(9, "0")));
  }

  /** Millisecond precision: a JS Date cannot hold more. */
  toDate(): Date {
    return new Date(Number(this.seconds) * 1000 + Math.floor(this.nanoseconds / 1_000_000));
  }

  /**
   * RFC 3339 in UTC with as many fractional digits (0–9) as needed. Years outside 0000–9999 get
   * a sign and at least four digits (`+12345-…`, `-0001-…`), as chrono formats them.
   */
  toISOString(): string {
    const days = floorDiv(this.seconds, 86_400n);
    const secondOfDay = Number(this.seconds - days * 86_400n);
    const { year, month, day } = civilFromDays(days);
    const yearText =
      year >= 0n && year <= 9999n ? pad(year, 4) : `${year < 0n ? "-" : "+"}${pad(year < 0n ? -year : year, 4)}`;
    const time = `${pad(Math.floor(secondOfDay / 3600), 2)}:${pad(Math.floor(secondOfDay / 60) % 60, 2)}:${pad(secondOfDay % 60, 2)}`;
    const fraction = this.nanoseconds === 0 ? "" : `.${pad(this.nanoseconds, 9).replace(/0+$/, "")}`;
    return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${time}${fraction}Z`;
  }

  toString(): string {
    return this.toISOString();
  }
}

// SurrealDB's duration units, largest first (a year is 365 days, as in SurrealDB).
const DURATION_UNITS: readonly (readonly [string, bigint])[] = [
  ["y", 31_536_000n * 1_000_000_000n],
  ["w", 604_800n * 1_000_000_000n],
  ["d", 86_400n * 1_000_000_000n],
  ["h", 3_600n * 1_000_000_000n],
  ["m", 60n * 1_000_000_000n],
  ["s", 1_000_000_000n],
  ["ms", 1_000_000n],
  ["µs", 1_000n],
  ["ns", 1n],
];
const UNIT_NANOS = new Map<string, bigint>([...DURATION_UNITS, ["us", 1_000n]]);
const DURATION_TEXT = /^(?:\d+(?:ns|us|µs|ms|s|m|h|d|w|y))+$/;
const DURATION_PART = /(\d+)(ns|us|µs|ms|s|m|h|d|w|y)/g;

/** A non-negative length of time with nanosecond precision (tag 14 `[seconds, nanoseconds]`; tag 13 is text). */
export class Duration {
  readonly seconds: bigint;
  readonly nanoseconds: number;
  constructor(seconds: bigint, nanoseconds = 0) {
    if (seconds < 0n) throw new RangeError(`A duration cannot be negative, got ${seconds}s`);
    checkNanoseconds(nanoseconds);
    this.seconds = seconds;
    this.nanoseconds = nanoseconds;
    Object.freeze(this);
  }

  /** Parses SurrealQL duration text such as `1h30m` or `1s500ms` (`us` and `µs` both accepted). */
  static parse(text: string): Duration {
    if (!DURATION_TEXT.test(text)) throw new RangeError(`Not a duration: ${JSON.stringify(text)}`);
    let total = 0n;
    for (const [, amount = "0", unit = "ns"] of text.matchAll(DURATION_PART)) {
      total += BigInt(amount) * (UNIT_NANOS.get(unit) ?? 1n);
    }
    return new Duration(total / 1_000_000_000n, Number(total % 1_000_000_000n));
  }

  /** SurrealDB's text form, largest unit first: `1h2m3s4ns`; zero is `0ns`. */
  toString(): string {
    let rest = this.seconds * 1_000_000_000n + BigInt(this.nanoseconds);
    if (rest === 0n) return "0ns";
    let text = "";
    for (const [unit, nanos] of DURATION_UNITS) {
      const amount = rest / nanos;
      rest %= nanos;
      if (amount > 0n) text += `${amount}${unit}`;
    }
    return text;
  }
}

/** A point `(x, y)`, i.e. (longitude, latitude) (tag 88). */
export class GeometryPoint {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {
    Object.freeze(this);
  }
}

/** A line string through two or more points (tag 89). */
export class GeometryLine {
  readonly points: readonly GeometryPoint[];
  constructor(points: readonly GeometryPoint[]) {
    this.points = Object.freeze([...points]);
    Object.freeze(this);
  }
}

/** A polygon: an exterior ring then interior rings (tag 90). */
export class GeometryPolygon {
  readonly rings: readonly GeometryLine[];
  constructor(rings: readonly GeometryLine[]) {
    this.rings = Object.freeze([...rings]);
    Object.freeze(this);
  }
}

/** Several points (tag 91). */
export class GeometryMultiPoint {
  readonly points: readonly GeometryPoint[];
  constructor(points: readonly GeometryPoint[]) {
    this.points = Object.freeze([...points]);
    Object.freeze(this);
  }
}

/** Several lines (tag 92). */
export class GeometryMultiLine {
  readonly lines: readonly GeometryLine[];
  constructor(lines: readonly GeometryLine[]) {
    this.lines = Object.freeze([...lines]);
    Object.freeze(this);
  }
}

/** Several polygons (tag 93). */
export class GeometryMultiPolygon {
  readonly polygons: readonly GeometryPolygon[];
  constructor(polygons: readonly GeometryPolygon[]) {
    this.polygons = Object.freeze([...polygons]);
    Object.freeze(this);
  }
}

/** Any mix of geometries (tag 94). */
export class GeometryCollection {
  readonly geometries: readonly Geometry[];
  constructor(geometries: readonly Geometry[]) {
    this.geometries = Object.freeze([...geometries]);
    Object.freeze(this);
  }
}

export type Geometry =
  | GeometryPoint
  | GeometryLine
  | GeometryPolygon
  | GeometryMultiPoint
  | GeometryMultiLine
  | GeometryMultiPolygon
  | GeometryCollection;

/** True for an instance of any geometry class. */
export const isGeometry = (value: object): value is Geometry =>
  value instanceof GeometryPoint ||
  value instanceof GeometryLine ||
  value instanceof GeometryPolygon ||
  value instanceof GeometryMultiPoint ||
  value instanceof GeometryMultiLine ||
  value instanceof GeometryMultiPolygon ||
  value instanceof GeometryCollection;
