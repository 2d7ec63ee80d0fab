// SurrealQL literal text of values and record ids, as SurrealDB 3 prints them (its `ToSql` of
// `surrealdb/types`), and a parser back. The text is deterministic: equal values give equal text,
// so it can key records whose ids are arrays or objects.
import {
  Datetime,
  Decimal,
  Duration,
  GeometryCollection,
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
  type RangeBound,
  type RecordIdKey,
} from "./surreal-values.js";

// ---------------------------------------------------------------------------------------------
// Formatting

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

// ---------------------------------------------------------------------------------------------
// Parsing

const IDENT_CHAR = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const DURATION_UNITS = ["ns", "us", "µs", "ms", "s", "m", "h", "d", "w", "y"] as const;
const GEOMETRY_TYPES = new Set(["LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"]);

/** The int of digit text: a number within ±(2^53−1), a bigint beyond. */
function integerOf(text: string): number | bigint {
  const big = BigInt(text);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

class LiteralParser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(expected: string): never {
    const found = this.pos >= this.text.length ? "end of text" : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
    throw new RangeError(`Invalid SurrealQL literal at position ${this.pos}: expected ${expected}, found ${found}`);
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? "";
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  skipSpace(): void {
    while (/\s/.test(this.peek())) this.pos++;
  }

  expect(token: string): void {
    this.skipSpace();
    if (!this.startsWith(token)) this.fail(JSON.stringify(token));
    this.pos += token.length;
  }

  /** True (and consumed) when the next token is `token`. */
  accept(token: string): boolean {
    this.skipSpace();
    if (!this.startsWith(token)) return false;
    this.pos += token.length;
    return true;
  }

  end(): void {
    this.skipSpace();
    if (this.pos < this.text.length) this.fail("end of text");
  }

  ident(): string {
    const start = this.pos;
    while (IDENT_CHAR.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Text between quotes, with SurrealQL's escapes; `close` ends it (and may be escaped). */
  quoted(close: string): string {
    let out = "";
    for (;;) {
      const c = this.peek();
      if (c === "") this.fail(`closing ${close}`);
      this.pos += c.length;
      if (c === close) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.peek();
      this.pos += e.length;
      switch (e) {
        case "0":
          out += "\0";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "f":
          out += "\f";
          break;
        case "b":
          out += "\b";
          break;
        case "u":
          out += this.unicodeEscape();
          break;
        case "":
          this.fail("an escaped character");
          break;
        default:
          // `\\`, `\'`, `\"`, `` \` ``, `\⟩`, `\/`: the character itself.
          out += e;
      }
    }
  }

  unicodeEscape(): string {
    let hex: string;
    if (this.peek() === "{") {
      const close = this.text.indexOf("}", this.pos);
      if (close < 0) this.fail("} closing a \\u{…} escape");
      hex = this.text.slice(this.pos + 1, close);
      this.pos = close + 1;
    } else {
      hex = this.text.slice(this.pos, this.pos + 4);
      this.pos += 4;
    }
    const code = /^[0-9a-fA-F]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
    if (!(code <= 0x10ffff)) this.fail("a hexadecimal code point");
    return String.fromCodePoint(code);
  }

  /** A string after its opening quote `'` or `"`. */
  string(): string {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') this.fail("a quoted string");
    this.pos++;
    return this.quoted(quote);
  }

  /** A table or identifier: plain, in backticks or in ⟨⟩. */
  name(): string {
    this.skipSpace();
    if (this.peek() === "`") {
      this.pos++;
      return this.quoted("`");
    }
    if (this.peek() === "⟨") {
      this.pos++;
      return this.quoted("⟩");
    }
    const name = this.ident();
    if (name === "") this.fail("a name");
    return name;
  }

  recordId(): RecordId {
    const table = this.name();
    if (this.peek() !== ":") this.fail(`":" after the table name`);
    this.pos++;
    return new RecordId(table, this.recordKey());
  }

  /** A record key, or a range of keys (`1..=5`, `>1..`, `..`). */
  recordKey(): RecordIdKey {
    if (this.startsWith("..")) return this.keyRange({ kind: "unbounded" });
    if (this.peek() === ">") {
      this.pos++;
      const value = this.keyAtom();
      if (!this.startsWith("..")) this.fail(`".." after an excluded range start`);
      return this.keyRange({ kind: "excluded", value });
    }
    const key = this.keyAtom();
    if (this.startsWith(">..")) {
      this.pos++;
      return this.keyRange({ kind: "excluded", value: key });
    }
    if (this.startsWith("..")) return this.keyRange({ kind: "included", value: key });
    return key;
  }

  keyRange(begin: RangeBound): Range {
    this.pos += 2;
    let end: RangeBound = { kind: "unbounded" };
    if (this.peek() === "=") {
      this.pos++;
      end = { kind: "included", value: this.keyAtom() };
    } else if (this.startsKeyAtom()) {
      end = { kind: "excluded", value: this.keyAtom() };
    }
    return new Range({ begin, end });
  }

  startsKeyAtom(): boolean {
    const c = this.peek();
    return c !== "" && (IDENT_CHAR.test(c) || "`⟨[{-".includes(c));
  }

  keyAtom(): Exclude<RecordIdKey, Range> {
    const c = this.peek();
    if (c === "`") {
      this.pos++;
      return this.quoted("`");
    }
    if (c === "⟨") {
      this.pos++;
      return this.quoted("⟩");
    }
    if (c === "[") return this.array();
    if (c === "{") {
      const value = this.braces();
      if (value instanceof Set || isGeometry(value as object)) this.fail("an object key");
      return value as Record<string, unknown>;
    }
    if (c === "u" && (this.peek(1) === "'" || this.peek(1) === '"')) {
      this.pos++;
      return this.uuid();
    }
    if (c === "-") {
      this.pos++;
      const digits = this.ident();
      if (!/^\d+$/.test(digits)) this.fail("digits of a negative integer key");
      return integerOf(`-${digits}`);
    }
    const key = this.ident();
    if (key === "") this.fail("a record key");
    return /^\d+$/.test(key) ? integerOf(key) : key;
  }

  uuid(): Uuid {
    const at = this.pos;
    const text = this.string();
    try {
      return Uuid.parse(text);
    } catch (error) {
      this.pos = at;
      return this.fail(`a UUID (${(error as Error).message})`);
    }
  }

  /** Any value; a value range when `..` follows its first bound. */
  value(): unknown {
    this.skipSpace();
    if (this.startsWith("..")) return this.valueRange({ kind: "unbounded" });
    const first = this.primary();
    if (this.startsWith(">..")) {
      this.pos++;
      return this.valueRange({ kind: "excluded", value: first });
    }
    if (this.startsWith("..")) return this.valueRange({ kind: "included", value: first });
    return first;
  }

  valueRange(begin: RangeBound): Range {
    this.pos += 2;
    let end: RangeBound = { kind: "unbounded" };
    if (this.peek() === "=") {
      this.pos++;
      end = { kind: "included", value: this.primary() };
    } else if (this.startsPrimary()) {
      end = { kind: "excluded", value: this.primary() };
    }
    return new Range({ begin, end });
  }

  startsPrimary(): boolean {
    const c = this.peek();
    return c !== "" && (IDENT_CHAR.test(c) || "`⟨[{('\"-".includes(c));
  }

  primary(): unknown {
    this.skipSpace();
    const c = this.peek();
    const next = this.peek(1);
    if (c === "'" || c === '"') return this.string();
    if (c === "[") return this.array();
    if (c === "{") return this.braces();
    if (c === "(") return this.point();
    if (c === "-" || DIGIT.test(c)) return this.number();
    if (next === "'" || next === '"') {
      const prefixed = this.prefixed(c);
      if (prefixed !== undefined) return prefixed;
    }
    if (c === "`" || c === "⟨") {
      const name = this.name();
      return this.peek() === ":" ? this.afterTable(name) : new Table(name);
    }
    const word = this.ident();
    if (word === "") this.fail("a value");
    if (this.peek() === ":" && this.peek(1) !== ":") return this.afterTable(word);
    switch (word.toLowerCase()) {
      case "none":
        return NONE;
      case "null":
        return null;
      case "true":
        return true;
      case "false":
        return false;
      case "nan":
        return Number.NaN;
      case "infinity":
        return Number.POSITIVE_INFINITY;
      default:
        return new Table(word);
    }
  }

  afterTable(table: string): RecordId {
    this.pos++;
    return new RecordId(table, this.recordKey());
  }

  /** `s'…'`, `d'…'`, `u'…'`, `r'…'` and `b"…"` literals; undefined when `c` is no such prefix. */
  prefixed(c: string): unknown {
    const at = this.pos;
    this.pos++;
    switch (c) {
      case "s":
        return this.string();
      case "u":
        return this.uuid();
      case "d": {
        const text = this.string();
        try {
          return Datetime.parse(text);
        } catch (error) {
          this.pos = at;
          return this.fail(`a datetime (${(error as Error).message})`);
        }
      }
      case "r": {
        const text = this.string();
        const inner = new LiteralParser(text);
        try {
          const id = inner.recordId();
          inner.end();
          return id;
        } catch (error) {
          this.pos = at;
          return this.fail(`a record id (${(error as Error).message})`);
        }
      }
      case "b": {
        const hex = this.string();
        if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
          this.pos = at;
          this.fail("an even number of hexadecimal digits");
        }
        return Uint8Array.from(Buffer.from(hex, "hex"));
      }
      default:
        this.pos = at;
        return undefined;
    }
  }

  /** Ints, floats (`1.5`, `1.5f`, `1e3`), decimals (`1.5dec`), durations (`1h30m`), `-Infinity`. */
  number(): unknown {
    const start = this.pos;
    if (this.peek() === "-") {
      this.pos++;
      if (this.startsWith("Infinity")) {
        this.pos += "Infinity".length;
        return Number.NEGATIVE_INFINITY;
      }
    }
    const digitsStart = this.pos;
    while (DIGIT.test(this.peek())) this.pos++;
    if (this.pos === digitsStart) this.fail("digits");
    let isFloat = false;
    if (this.peek() === "." && DIGIT.test(this.peek(1))) {
      isFloat = true;
      this.pos++;
      while (DIGIT.test(this.peek())) this.pos++;
    }
    if (/[eE]/.test(this.peek()) && /[0-9+-]/.test(this.peek(1))) {
      isFloat = true;
      this.pos += /[+-]/.test(this.peek(1)) ? 2 : 1;
      if (!DIGIT.test(this.peek())) this.fail("exponent digits");
      while (DIGIT.test(this.peek())) this.pos++;
    }
    const text = this.text.slice(start, this.pos);
    if (this.suffix("dec")) return new Decimal(text);
    if (this.suffix("f")) return Number(text);
    if (isFloat) return Number(text);
    if (text[0] !== "-" && this.durationUnitAhead() !== undefined) {
      this.pos = start;
      return this.duration();
    }
    if (IDENT_CHAR.test(this.peek())) this.fail("the end of a number");
    return integerOf(text);
  }

  /** Consumes `suffix` when it ends a word here. */
  suffix(suffix: string): boolean {
    if (!this.startsWith(suffix) || IDENT_CHAR.test(this.peek(suffix.length))) return false;
    this.pos += suffix.length;
    return true;
  }

  durationUnitAhead(): string | undefined {
    // Longest first, so `ms` is not read as `m`.
    const unit = [...DURATION_UNITS].sort((a, b) => b.length - a.length).find((u) => this.startsWith(u));
    if (unit === undefined) return undefined;
    const after = this.peek(unit.length);
    return after === "" || !/[A-Za-z_]/.test(after) ? unit : undefined;
  }

  duration(): Duration {
    const start = this.pos;
    while (DIGIT.test(this.peek())) {
      while (DIGIT.test(this.peek())) this.pos++;
      const unit = this.durationUnitAhead();
      if (unit === undefined) this.fail("a duration unit");
      this.pos += unit.length;
    }
    if (IDENT_CHAR.test(this.peek())) this.fail("the end of a duration");
    return Duration.parse(this.text.slice(start, this.pos));
  }

  /** `[a, b]`, with an optional trailing comma. */
  array(): unknown[] {
    this.expect("[");
    const items: unknown[] = [];
    while (!this.accept("]")) {
      items.push(this.value());
      if (!this.accept(",")) {
        this.expect("]");
        break;
      }
    }
    return items;
  }

  /** `(x, y)`: a geometry point. */
  point(): GeometryPoint {
    this.expect("(");
    const x = this.coordinate();
    this.expect(",");
    const y = this.coordinate();
    this.expect(")");
    return new GeometryPoint(x, y);
  }

  coordinate(): number {
    this.skipSpace();
    const at = this.pos;
    const value = this.primary();
    if (typeof value === "number") return value;
    if (typeof value === "bigint") return Number(value);
    this.pos = at;
    return this.fail("a number");
  }

  /**
   * `{ … }`: an object, a set (`{,}`, `{a,}`, `{a, b}`) or a GeoJSON-shaped geometry. An entry
   * `key: value` has a space after the colon; `a:1` with none is a record id, i.e. a set item —
   * except for a lone item without a trailing comma, which only an object can be.
   */
  braces(): unknown {
    this.expect("{");
    const open = this.pos;
    this.skipSpace();
    if (this.accept("}")) return {};
    if (this.accept(",")) {
      this.expect("}");
      return new Set();
    }
    if (this.startsObjectEntry()) return this.objectBody();
    try {
      const set = this.setBody();
      if (set) return set;
    } catch (error) {
      // Not a set: it may still be a compact object (`{a:1,b:2}`). Report whichever reading
      // got further into the text.
      const setPos = this.pos;
      this.pos = open;
      try {
        return this.objectBody();
      } catch (objectError) {
        throw this.pos >= setPos ? objectError : error;
      }
    }
    this.pos = open;
    return this.objectBody();
  }

  /** The items of a set; undefined for a lone item without a trailing comma (an object). */
  setBody(): Set<unknown> | undefined {
    const items: unknown[] = [];
    let trailingComma = false;
    while (!this.accept("}")) {
      items.push(this.value());
      trailingComma = this.accept(",");
      if (!trailingComma) {
        this.expect("}");
        break;
      }
    }
    return items.length === 1 && !trailingComma ? undefined : new Set(items);
  }

  /** True when an object key and `: ` come next (the position is left unchanged). */
  startsObjectEntry(): boolean {
    const at = this.pos;
    try {
      this.objectKey();
      return this.peek() === ":" && (/\s/.test(this.peek(1)) || /["'\d]/.test(this.text[at] ?? ""));
    } catch {
      return false;
    } finally {
      this.pos = at;
    }
  }

  objectKey(): string {
    this.skipSpace();
    const c = this.peek();
    if (c === "'" || c === '"') return this.string();
    if (c === "`" || c === "⟨") return this.name();
    const key = this.ident();
    if (key === "") this.fail("an object key");
    return key;
  }

  objectBody(): unknown {
    const entries: [string, unknown][] = [];
    while (!this.accept("}")) {
      const key = this.objectKey();
      this.expect(":");
      entries.push([key, this.value()]);
      if (!this.accept(",")) {
        this.expect("}");
        break;
      }
    }
    return geometryOf(entries) ?? objectOf(entries);
  }
}

function objectOf(entries: readonly [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // `__proto__` as an own key, never the prototype.
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

function pointOf(raw: unknown): GeometryPoint | undefined {
  if (!Array.isArray(raw) || raw.length !== 2) return undefined;
  const [x, y] = raw as unknown[];
  return typeof x === "number" && typeof y === "number" ? new GeometryPoint(x, y) : undefined;
}

function listOf<T>(raw: unknown, item: (raw: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: T[] = [];
  for (const element of raw) {
    const value = item(element);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

const lineOf = (raw: unknown) => {
  const points = listOf(raw, pointOf);
  return points && new GeometryLine(points);
};
const polygonOf = (raw: unknown) => {
  const lines = listOf(raw, lineOf);
  return lines && new GeometryPolygon(lines);
};

/**
 * A geometry when the entries are exactly `type` then `coordinates` (or `geometries`), in that
 * order, as formatGeometry prints them. A plain object prints its keys sorted (`coordinates`
 * before `type`), so the two never collide.
 */
function geometryOf(entries: readonly [string, unknown][]): Geometry | undefined {
  if (entries.length !== 2) return undefined;
  const [[typeKey, type] = ["", undefined], [bodyKey, body] = ["", undefined]] = entries;
  if (typeKey !== "type" || typeof type !== "string") return undefined;
  if (type === "GeometryCollection" && bodyKey === "geometries") {
    return listOf(body, (item) => (typeof item === "object" && item !== null && isGeometry(item) ? item : undefined)) &&
      new GeometryCollection(body as Geometry[]);
  }
  if (bodyKey !== "coordinates" || !GEOMETRY_TYPES.has(type)) return undefined;
  switch (type) {
    case "LineString":
      return lineOf(body);
    case "Polygon":
      return polygonOf(body);
    case "MultiPoint": {
      const points = listOf(body, pointOf);
      return points && new GeometryMultiPoint(points);
    }
    case "MultiLineString": {
      const lines = listOf(body, lineOf);
      return lines && new GeometryMultiLine(lines);
    }
    default: {
      const polygons = listOf(body, polygonOf);
      return polygons && new GeometryMultiPolygon(polygons);
    }
  }
}

/**
 * Parses record id text: `person:tobie`, `` `my table`:1 ``, `t:⟨john doe⟩`, `` t:`john doe` ``,
 * `t:42` (an int; `t:⟨42⟩` is the string), `t:u'…'`, `t:[…]`, `t:{ … }`, `t:1..=5`. Throws
 * RangeError naming the position of bad text.
 */
export function parseRecordId(text: string): RecordId {
  const parser = new LiteralParser(text);
  const id = parser.recordId();
  parser.end();
  return id;
}

/** Parses a SurrealQL literal as formatValue prints it. Throws RangeError naming the position of bad text. */
export function parseValue(text: string): unknown {
  const parser = new LiteralParser(text);
  const value = parser.value();
  parser.end();
  return value;
}
