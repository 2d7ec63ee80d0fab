// SurrealDB's JSON form (`application/json`, WebSocket subprotocol `json`). Values without a JSON
// type flatten as SurrealDB's `into_json.rs` does: record ids, tables, durations, decimals, UUIDs,
// datetimes and ranges become strings, bytes arrays of numbers, sets arrays, geometries GeoJSON,
// NONE null (and a NONE field is left out). Integers beyond ±(2^53−1) stay exact both ways.
import { GatewayError } from "@baton/protocol-types";
import type { Codec } from "./codec.js";
import { formatDatetime, formatRecordId, formatValue } from "./surreal-literal-format.js";
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

/** How deeply arrays and objects may nest in a decoded message (serde_json's default limit). */
export const SURREAL_JSON_MAX_DEPTH = 128;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function malformed(message: string): GatewayError {
  return new GatewayError("PROTOCOL_ERROR", `Malformed SurrealDB JSON: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Decoding

// JSON.parse rounds integers beyond 2^53. Such an integer has at least 16 digits, so text without
// a 16-digit run goes to JSON.parse; text with one (maybe only inside a string) to the exact parser.
const LONG_DIGIT_RUN = /\d{16}/;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// A backslash or a raw control character (which JSON forbids inside strings) needs JSON.parse.
// eslint-disable-next-line no-control-regex
const NEEDS_UNESCAPE = /[\\\u0000-\u001f]/;
const SAFE_DIGITS = 15;

/**
 * True when arrays and objects nest deeper than `limit` below `value` (at `depth`). Walking the
 * parsed tree is several times cheaper than scanning the text, and stops at the limit.
 */
function nestsDeeper(value: object, depth: number, limit: number): boolean {
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (typeof item === "object" && item !== null && nestsDeeper(item, depth + 1, limit)) return true;
    }
    return false;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const item = object[key];
    if (typeof item === "object" && item !== null && nestsDeeper(item, depth + 1, limit)) return true;
  }
  return false;
}

/** The index of the quote that closes a string whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

/** A small lossless JSON parser: integer literals beyond ±(2^53−1) become bigint. */
class ExactJsonParser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(expected: string): never {
    const found = this.pos >= this.text.length ? "end of input" : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
    throw malformed(`at position ${this.pos}: expected ${expected}, found ${found}`);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  document(): unknown {
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail("the end of input");
    return value;
  }

  value(depth: number): unknown {
    this.skipSpace();
    switch (this.text.charAt(this.pos)) {
      case "{":
        return this.object(depth + 1);
      case "[":
        return this.array(depth + 1);
      case '"':
        return this.string();
      case "t":
        return this.word("true", true);
      case "f":
        return this.word("false", false);
      case "n":
        return this.word("null", null);
      default:
        return this.number();
    }
  }

  word<V>(word: string, value: V): V {
    if (!this.text.startsWith(word, this.pos)) this.fail("a JSON value");
    this.pos += word.length;
    return value;
  }

  number(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail("a JSON value");
    const text = match[0];
    this.pos += text.length;
    if (match[1] !== undefined || match[2] !== undefined) return Number(text);
    const digits = text[0] === "-" ? text.length - 1 : text.length;
    if (digits <= SAFE_DIGITS) return Number(text);
    const big = BigInt(text);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }

  string(): string {
    const start = this.pos;
    const end = closingQuote(this.text, start + 1);
    if (end < 0) {
      this.pos = this.text.length;
      this.fail('a closing "');
    }
    this.pos = end + 1;
    const body = this.text.slice(start + 1, end);
    if (!NEEDS_UNESCAPE.test(body)) return body;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      this.pos = start;
      return this.fail("a valid string (escapes, no raw control characters)");
    }
  }

  depthCheck(depth: number): void {
    if (depth > SURREAL_JSON_MAX_DEPTH) this.fail(`nesting of at most ${SURREAL_JSON_MAX_DEPTH} levels`);
  }

  array(depth: number): unknown[] {
    this.depthCheck(depth);
    this.pos++;
    const items: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth));
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === "]") return items;
      if (c !== ",") {
        this.pos--;
        this.fail('"," or "]"');
      }
    }
  }

  object(depth: number): Record<string, unknown> {
    this.depthCheck(depth);
    this.pos++;
    const object: Record<string, unknown> = {};
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail("an object key");
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail('":"');
      this.pos++;
      // An own `__proto__` key, as JSON.parse makes it, never the prototype.
      Object.defineProperty(object, key, { value: this.value(depth), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === "}") return object;
      if (c !== ",") {
        this.pos--;
        this.fail('"," or "}"');
      }
    }
  }
}

function decodeText(text: string): unknown {
  if (LONG_DIGIT_RUN.test(text)) return new ExactJsonParser(text).document();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Our parser names the position the same way for every malformed input.
    new ExactJsonParser(text).document();
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  if (typeof value === "object" && value !== null && nestsDeeper(value, 1, SURREAL_JSON_MAX_DEPTH)) {
    throw malformed(`expected nesting of at most ${SURREAL_JSON_MAX_DEPTH} levels`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Encoding

const point = (p: GeometryPoint) => [p.x, p.y];
const line = (l: GeometryLine) => l.points.map(point);
const polygon = (p: GeometryPolygon) => p.rings.map(line);

function geoJson(value: Geometry): Record<string, unknown> {
  if (value instanceof GeometryPoint) return { type: "Point", coordinates: point(value) };
  if (value instanceof GeometryLine) return { type: "LineString", coordinates: line(value) };
  if (value instanceof GeometryPolygon) return { type: "Polygon", coordinates: polygon(value) };
  if (value instanceof GeometryMultiPoint) return { type: "MultiPoint", coordinates: value.points.map(point) };
  if (value instanceof GeometryMultiLine) return { type: "MultiLineString", coordinates: value.lines.map(line) };
  if (value instanceof GeometryMultiPolygon) return { type: "MultiPolygon", coordinates: value.polygons.map(polygon) };
  return { type: "GeometryCollection", geometries: value.geometries.map(geoJson) };
}

/** Walk state: whether a bigint was kept, which JSON.stringify cannot write. */
interface Walk {
  bigint: boolean;
}

/**
 * The value as a tree JSON.stringify writes correctly, copying only the arrays and objects
 * below which something changes: plain JSON comes back as the very same object. NONE is left in
 * place (JSON.stringify drops a symbol field and writes null for a symbol item); bigints are kept
 * and flagged.
 */
function toJsonTree(value: unknown, walk: Walk): unknown {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "undefined":
      return value;
    case "bigint":
      walk.bigint = true;
      return value;
    case "symbol":
      if (value === NONE) return value;
      throw new TypeError("Cannot encode a symbol other than NONE as SurrealDB JSON");
    case "function":
      throw new TypeError("Cannot encode a function as SurrealDB JSON");
    case "object":
      break;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const converted = toJsonTree(item, walk);
      if (converted !== item && copy === undefined) copy = value.slice(0, i);
      copy?.push(converted);
    }
    return copy ?? value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const object = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key in object) {
      const item = object[key];
      const converted = toJsonTree(item, walk);
      if (converted !== item) copy ??= { ...object };
      if (copy) copy[key] = converted;
    }
    return copy ?? object;
  }
  return classToJson(value, walk);
}

function classToJson(value: object, walk: Walk): unknown {
  if (value instanceof RecordId) return formatRecordId(value);
  if (value instanceof StringRecordId) return value.text;
  if (value instanceof Table || value instanceof Decimal || value instanceof Duration || value instanceof Uuid) {
    return value.toString();
  }
  if (value instanceof Datetime) return formatDatetime(value);
  if (value instanceof Date) return formatDatetime(Datetime.fromDate(value));
  if (value instanceof Uint8Array) return Array.from(value);
  if (value instanceof Set) return toJsonTree([...(value as Set<unknown>)], walk);
  if (value instanceof Range) return formatValue(value);
  if (isGeometry(value)) return geoJson(value);
  if (value instanceof Map) {
    const entries = [...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), v] as const);
    return toJsonTree(Object.fromEntries(entries), walk);
  }
  throw new TypeError(`Cannot encode a ${value.constructor.name} as SurrealDB JSON`);
}

/** JSON.stringify for a tree from toJsonTree that holds bigints: the same output, digits exact. */
function writeExact(value: unknown): string | undefined {
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "undefined":
    case "symbol":
    case "function":
      return undefined;
    case "string":
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((item: unknown) => writeExact(item) ?? "null").join(",")}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = writeExact(item);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}

/** The JSON text of a value in SurrealDB's JSON form (see surrealJsonCodec). */
export function encodeSurrealJson(value: unknown): string {
  const walk: Walk = { bigint: false };
  const tree = toJsonTree(value, walk);
  const text = walk.bigint ? writeExact(tree) : (JSON.stringify(tree) as string | undefined);
  return text ?? "null";
}

/**
 * SurrealDB's JSON. Decodes to plain values: numbers (bigint for integers beyond ±(2^53−1)),
 * strings (a "t:k" string stays a string), booleans, null, arrays and objects; at most
 * SURREAL_JSON_MAX_DEPTH levels deep. Encodes the value model lossily as SurrealDB's JSON output
 * does; NaN and ±Infinity become null (serde_json's rule).
 */
export const surrealJsonCodec: Codec = {
  name: "json",
  contentType: "application/json",
  binary: false,
  encode(value) {
    return Buffer.from(encodeSurrealJson(value), "utf8");
  },
  decode(bytes) {
    let text: string;
    try {
      text = typeof bytes === "string" ? bytes : utf8.decode(bytes);
    } catch {
      throw malformed("the body is not valid UTF-8");
    }
    if (text.trim() === "") throw malformed("empty body");
    return decodeText(text);
  },
};
