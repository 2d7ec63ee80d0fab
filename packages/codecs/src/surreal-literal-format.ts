// SurrealQL literal text of values and record ids, as SurrealDB 3 prints them (its `ToSql` of
// `surrealdb/types`). The text is deterministic: equal values give equal text, so it can key
// records whose ids are arrays or objects. surreal-literal-parser.ts reads it back.
import {
  Datetime,
  Decimal,
  Duration,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  Range,
  RecordId,
  StringRecordId,
  Table,
  Uuid,
  isGeometry,
  type Geometry,
} from "./surreal-values.js";
import { parseRecordId } from "./surreal-literal-parser.js";


const PLAIN = /^[A-Za-z0-9_]+$/;
const DIGITS_OR_UNDERSCORES = /^[0-9_]+$/;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** SurrealDB's string escaper: control characters, the backslash and the chosen quote. */
function escapeText(text: string, quote: string): string {
  let out = "";
  for (const c of text) {
    switch (c) {
      case "\0":
        out += "\\0";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\b":
        out += "\\u{8}";
        break;
      case "\f":
        out += "\\f";
        break;
      case "\\":
        out += "\\\\";
        break;
      default:
        out += c === quote ? `\\${c}` : c;
    }
  }
  return out;
}

/** A string literal: single quotes, or double quotes when the text holds a single quote. */
function quoteString(text: string): string {
  const quote = text.includes("'") ? '"' : "'";
  return `${quote}${escapeText(text, quote)}${quote}`;
}

const backticks = (text: string) => `\`${escapeText(text, "`")}\``;

/** A table name: backticks when empty, starting with a digit, not `[A-Za-z0-9_]`, or NONE/NULL. */
function formatTableName(name: string): string {
  return name === "" || /^[0-9]/.test(name) || !PLAIN.test(name) || /^(?:none|null)$/i.test(name)
    ? backticks(name)
    : name;
}

/**
 * A text record key: plain when it is `[A-Za-z0-9_]` with at least one character other than a
 * digit or `_`; otherwise in backticks (SurrealDB 3 prints backticks; 1.x/2.x printed ⟨⟩, which
 * the parser still reads).
 */
function formatTextKey(key: string): string {
  return key === "" || !PLAIN.test(key) || DIGITS_OR_UNDERSCORES.test(key) ? backticks(key) : key;
}

/** An object key: plain like an identifier, otherwise double-quoted. */
function formatObjectKey(key: string): string {
  return key === "" || /^[0-9]/.test(key) || !PLAIN.test(key) ? `"${escapeText(key, '"')}"` : key;
}

/** A JS number's shortest round-trip digits without an exponent, as Rust's `Display` for f64. */
function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A float literal: `1.5f`, `2f`, `NaN`, `Infinity`, `-Infinity`. */
function formatFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  return `${Object.is(value, -0) ? "-0" : plainDecimal(value)}f`;
}

/** An integral JS number within i64 is an int; anything else is a float. */
function formatNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  if (Number.isInteger(value)) {
    const big = BigInt(value);
    if (big >= I64_MIN && big <= I64_MAX) return big.toString();
  }
  return formatFloat(value);
}

/** RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits (chrono's `SecondsFormat::AutoSi`). */
export function formatDatetime(value: Datetime): string {
  const whole = new Datetime(value.seconds, 0).toISOString();
  const ns = value.nanoseconds;
  if (ns === 0) return whole;
  const digits = ns % 1_000_000 === 0 ? 3 : ns % 1_000 === 0 ? 6 : 9;
  const fraction = String(ns).padStart(9, "0").slice(0, digits);
  return `${whole.slice(0, -1)}.${fraction}Z`;
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const coordinate = (point: GeometryPoint) => `[${formatFloat(point.x)}, ${formatFloat(point.y)}]`;
const coordinates = (points: readonly GeometryPoint[]) => `[${points.map(coordinate).join(", ")}]`;
const rings = (polygon: GeometryPolygon) => `[${polygon.rings.map((ring) => coordinates(ring.points)).join(", ")}]`;
const geoJson = (type: string, body: string) => `{ type: '${type}', coordinates: ${body} }`;

/** Geometries as SurrealDB prints them: a point as `(x, y)`, the rest as GeoJSON-like objects. */
function formatGeometry(value: Geometry): string {
  if (value instanceof GeometryPoint) return `(${formatFloat(value.x)}, ${formatFloat(value.y)})`;
  if (value instanceof GeometryLine) return geoJson("LineString", coordinates(value.points));
  if (value instanceof GeometryPolygon) return geoJson("Polygon", rings(value));
  if (value instanceof GeometryMultiPoint) return geoJson("MultiPoint", coordinates(value.points));
  if (value instanceof GeometryMultiLine) {
    return geoJson("MultiLineString", `[${value.lines.map((line) => coordinates(line.points)).join(", ")}]`);
  }
  if (value instanceof GeometryMultiPolygon) return geoJson("MultiPolygon", `[${value.polygons.map(rings).join(", ")}]`);
  return `{ type: 'GeometryCollection', geometries: [${value.geometries.map(formatGeometry).join(", ")}] }`;
}

function formatObject(object: Record<string, unknown>): string {
  // NONE fields do not exist in a stored object (SurrealDB drops them), so they are not printed.
  const keys = Object.keys(object)
    .filter((key) => object[key] !== NONE && object[key] !== undefined)
    .sort(compareText);
  if (keys.length === 0) return "{  }";
  return `{ ${keys.map((key) => `${formatObjectKey(key)}: ${formatValue(object[key])}`).join(", ")} }`;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Rough order of SurrealDB's value kinds, so a set prints its items in one canonical order.
function kindRank(value: unknown): number {
  if (value === NONE || value === undefined) return 0;
  if (value === null) return 1;
  if (typeof value === "boolean") return 2;
  if (typeof value === "number" || typeof value === "bigint" || value instanceof Decimal) return 3;
  if (typeof value === "string") return 4;
  if (value instanceof Duration) return 5;
  if (value instanceof Datetime || value instanceof Date) return 6;
  if (value instanceof Uuid) return 7;
  if (Array.isArray(value)) return 8;
  if (value instanceof Uint8Array) return 11;
  if (value instanceof Table) return 12;
  if (value instanceof RecordId || value instanceof StringRecordId) return 13;
  if (value instanceof Range) return 15;
  if (value instanceof Set) return 16;
  if (typeof value === "object" && isGeometry(value)) return 10;
  return 9;
}

/** A set's items, deduplicated and in one canonical order (numbers by value, others by text). */
function formatSet(set: ReadonlySet<unknown>): string {
  const items = [...set].map((value) => ({ value, rank: kindRank(value), text: formatValue(value) }));
  items.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    const [x, y] = [a.value, b.value];
    if ((typeof x === "number" || typeof x === "bigint") && (typeof y === "number" || typeof y === "bigint")) {
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return compareText(a.text, b.text);
  });
  const texts = items.map((item) => item.text).filter((text, i, all) => i === 0 || text !== all[i - 1]);
  if (texts.length === 0) return "{,}";
  if (texts.length === 1) return `{${texts[0]},}`;
  return `{${texts.join(", ")}}`;
}

function formatRange(range: Range, formatBound: (value: unknown) => string, keyForm: boolean): string {
  let text = "";
  const { begin, end } = range;
  if (begin.kind === "included") text += formatBound(begin.value);
  // A value range marks an excluded start after it (`1>..`), a record-id range before it (`>1..`).
  if (begin.kind === "excluded") text += keyForm ? `>${formatBound(begin.value)}` : `${formatBound(begin.value)}>`;
  text += "..";
  if (end.kind === "included") text += `=${formatBound(end.value)}`;
  if (end.kind === "excluded") text += formatBound(end.value);
  return text;
}

const hexUpper = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();

/** The key part of a record id: `tobie`, `` `john doe` ``, `42`, `u'…'`, `[…]`, `{ … }`, `1..=5`. */
function formatKey(key: unknown): string {
  if (typeof key === "string") return formatTextKey(key);
  if (typeof key === "number" || typeof key === "bigint") return keyInteger(key);
  if (key instanceof Range) return formatRange(key, formatKey, true);
  return formatValue(key);
}

function keyInteger(key: number | bigint): string {
  if (typeof key === "bigint") return key.toString();
  if (!Number.isInteger(key)) throw new RangeError(`A record key must be an integer, got ${key}`);
  return Number.isSafeInteger(key) ? String(key) : BigInt(key).toString();
}

/** A record id as SurrealDB prints it: `person:tobie`, `` t:`john doe` ``, `t:42`, `t:[1, 'a']`. */
export function formatRecordId(id: RecordId): string {
  return `${formatTableName(id.table)}:${formatKey(id.id)}`;
}

/**
 * The SurrealQL literal of a value. Floats always carry `f` (`1.5f`), decimals `dec`, datetimes
 * `d'…'`, UUIDs `u'…'`, bytes `b"HEX"`; object keys are sorted and NONE fields left out; set items
 * are sorted and deduplicated. Throws TypeError for values SurrealQL has no literal for.
 */
export function formatValue(value: unknown): string {
  if (value === NONE || value === undefined) return "NONE";
  if (value === null) return "NULL";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return quoteString(value);
    case "number":
      return formatNumber(value);
    case "bigint":
      return value.toString();
    case "object":
      break;
    case "function":
    case "symbol":
    case "undefined":
      throw new TypeError(`A ${typeof value} has no SurrealQL literal`);
  }
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value instanceof Uint8Array) return `b"${hexUpper(value)}"`;
  if (value instanceof RecordId) return formatRecordId(value);
  if (value instanceof StringRecordId) {
    // Text that parses as a record id prints as that record id, so both forms of one id are equal.
    try {
      return formatRecordId(parseRecordId(value.text));
    } catch {
      return `r${quoteString(value.text)}`;
    }
  }
  if (value instanceof Table) {
    // SurrealDB prints a table bare; a name that reads as another literal gets backticks here.
    return /^(?:true|false|nan|infinity)$/i.test(value.name) ? backticks(value.name) : formatTableName(value.name);
  }
  if (value instanceof Decimal) return `${value.value}dec`;
  if (value instanceof Datetime) return `d'${formatDatetime(value)}'`;
  if (value instanceof Date) return `d'${formatDatetime(Datetime.fromDate(value))}'`;
  if (value instanceof Duration) return value.toString();
  if (value instanceof Uuid) return `u'${value.toString()}'`;
  if (value instanceof Range) return formatRange(value, formatValue, false);
  if (value instanceof Set) return formatSet(value);
  if (isGeometry(value)) return formatGeometry(value);
  if (isPlainObject(value)) return formatObject(value);
  throw new TypeError(`A ${value.constructor.name} has no SurrealQL literal`);
}
