// The parser of SurrealQL literal text as surreal-literal-format.ts prints it (and the other forms
// SurrealDB accepts for the same values: ⟨⟩ and backtick-quoted keys, `u"…"`, `r'…'`), back to values.
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
  Table,
  Uuid,
  isGeometry,
  type Geometry,
  type RangeBound,
  type RecordIdKey,
} from "./surreal-values.js";


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
