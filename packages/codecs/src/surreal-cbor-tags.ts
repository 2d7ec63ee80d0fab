// SurrealDB's CBOR tags as two tree walks: Baton values -> cbor-x
// `Tag`s before encoding, and cbor-x's decoded tree -> Baton values after decoding.
import { GatewayError } from "@baton/protocol-types";
import { Tag } from "cbor-x";
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

/** The tag numbers, named as in SurrealDB's `convert.rs`. */
export const SurrealTag = {
  DATETIME_TEXT: 0,
  NONE: 6,
  TABLE: 7,
  RECORD_ID: 8,
  UUID_TEXT: 9,
  DECIMAL: 10,
  DATETIME: 12,
  DURATION_TEXT: 13,
  DURATION: 14,
  UUID: 37,
  RANGE: 49,
  BOUND_INCLUDED: 50,
  BOUND_EXCLUDED: 51,
  SET: 56,
  POINT: 88,
  LINE: 89,
  POLYGON: 90,
  MULTI_POINT: 91,
  MULTI_LINE: 92,
  MULTI_POLYGON: 93,
  COLLECTION: 94,
} as const;

const T = SurrealTag;
const UINT64_END = 1n << 64n;

/** A bigint as a number when that is exact, so small integers encode compactly. */
const compactInt = (value: bigint): number | bigint =>
  value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const mapValues = (object: Record<string, unknown>, fn: (value: unknown) => unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));

function boundToCbor(bound: RangeBound): unknown {
  switch (bound.kind) {
    case "included":
      return new Tag(toCborTree(bound.value), T.BOUND_INCLUDED);
    case "excluded":
      return new Tag(toCborTree(bound.value), T.BOUND_EXCLUDED);
    case "unbounded":
      return null;
  }
}

function timeToCbor(tag: number, value: { seconds: bigint; nanoseconds: number }, trimZeros: boolean): Tag {
  const parts: (number | bigint)[] = [compactInt(value.seconds), value.nanoseconds];
  // Durations drop zeros from the end (`14([5400])` for 1h30m), as SurrealDB sends them.
  while (trimZeros && parts.length > 0 && (parts.at(-1) === 0 || parts.at(-1) === 0n)) parts.pop();
  return new Tag(parts, tag);
}

function geometryToCbor(value: Geometry): Tag {
  if (value instanceof GeometryPoint) return new Tag([value.x, value.y], T.POINT);
  if (value instanceof GeometryLine) return new Tag(value.points.map(geometryToCbor), T.LINE);
  if (value instanceof GeometryPolygon) return new Tag(value.rings.map(geometryToCbor), T.POLYGON);
  if (value instanceof GeometryMultiPoint) return new Tag(value.points.map(geometryToCbor), T.MULTI_POINT);
  if (value instanceof GeometryMultiLine) return new Tag(value.lines.map(geometryToCbor), T.MULTI_LINE);
  if (value instanceof GeometryMultiPolygon) return new Tag(value.polygons.map(geometryToCbor), T.MULTI_POLYGON);
  return new Tag(value.geometries.map(geometryToCbor), T.COLLECTION);
}

/**
 * Baton values -> a tree cbor-x encodes as SurrealDB expects. `undefined` becomes NONE (as the JS
 * SDK sends it), a JS `Set` tag 56, a JS `Date` tag 12. Throws TypeError/RangeError for values
 * SurrealDB has no encoding for (functions, symbols, class instances, integers beyond 64 bits).
 */
export function toCborTree(value: unknown): unknown {
  if (value === undefined || value === NONE) return new Tag(null, T.NONE);
  if (value === null || typeof value === "boolean" || typeof value === "string" || typeof value === "number") {
    return value;
  }
  if (typeof value === "bigint") {
    if (value >= UINT64_END || value < -UINT64_END) throw new RangeError(`Integer ${value} does not fit in CBOR's 64 bits`);
    return compactInt(value);
  }
  if (typeof value !== "object") throw new TypeError(`Cannot encode a ${typeof value} as SurrealDB CBOR`);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(toCborTree);
  if (value instanceof Table) return new Tag(value.name, T.TABLE);
  if (value instanceof RecordId) return new Tag([value.table, toCborTree(value.id)], T.RECORD_ID);
  if (value instanceof StringRecordId) return new Tag(value.text, T.RECORD_ID);
  if (value instanceof Decimal) return new Tag(value.value, T.DECIMAL);
  if (value instanceof Datetime) return timeToCbor(T.DATETIME, value, false);
  if (value instanceof Date) return timeToCbor(T.DATETIME, Datetime.fromDate(value), false);
  if (value instanceof Duration) return timeToCbor(T.DURATION, value, true);
  if (value instanceof Uuid) return new Tag(value.bytes, T.UUID);
  if (value instanceof Range) return new Tag([boundToCbor(value.begin), boundToCbor(value.end)], T.RANGE);
  if (value instanceof Set) return new Tag([...value].map(toCborTree), T.SET);
  if (isGeometry(value)) return geometryToCbor(value);
  if (value instanceof Map) {
    return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [toCborTree(k), toCborTree(v)]));
  }
  if (isPlainObject(value)) return mapValues(value, toCborTree);
  throw new TypeError(`Cannot encode a ${value.constructor.name} as SurrealDB CBOR`);
}

function malformed(message: string): GatewayError {
  return new GatewayError("PROTOCOL_ERROR", `Malformed SurrealDB CBOR: ${message}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (value instanceof Tag) return `tag ${value.tag}`;
  return typeof value === "object" ? "a map" : `a ${typeof value}`;
}

function text(tag: number, payload: unknown): string {
  if (typeof payload !== "string") throw malformed(`tag ${tag} expects text, got ${describe(payload)}`);
  return payload;
}

function array(tag: number, payload: unknown, lengths?: readonly number[]): unknown[] {
  if (!Array.isArray(payload) || (lengths && !lengths.includes(payload.length))) {
    const want = lengths ? `an array of ${lengths.join(" or ")}` : "an array";
    throw malformed(`tag ${tag} expects ${want}, got ${describe(payload)}`);
  }
  return payload as unknown[];
}

function integer(tag: number, payload: unknown): bigint {
  if (typeof payload === "bigint") return payload;
  if (typeof payload === "number" && Number.isInteger(payload)) return BigInt(payload);
  throw malformed(`tag ${tag} expects integers, got ${describe(payload)}`);
}

function fromText<V>(tag: number, payload: unknown, parse: (text: string) => V): V {
  try {
    return parse(text(tag, payload));
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw malformed(`tag ${tag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `[]`, `[seconds]` or `[seconds, nanoseconds]` (tags 12 and 14). */
function time<V>(tag: number, payload: unknown, make: (seconds: bigint, nanoseconds: number) => V): V {
  const [seconds = 0n, nanoseconds = 0n] = array(tag, payload, [0, 1, 2]).map((part) => integer(tag, part));
  if (nanoseconds < 0n || nanoseconds >= 1_000_000_000n) {
    throw malformed(`tag ${tag} nanoseconds out of range: ${nanoseconds}`);
  }
  try {
    return make(seconds, Number(nanoseconds));
  } catch (error) {
    throw malformed(`tag ${tag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function bound(raw: unknown): RangeBound {
  if (raw === null || raw === undefined) return { kind: "unbounded" };
  if (raw instanceof Tag && raw.tag === T.BOUND_INCLUDED) return { kind: "included", value: fromCborTree(raw.value) };
  if (raw instanceof Tag && raw.tag === T.BOUND_EXCLUDED) return { kind: "excluded", value: fromCborTree(raw.value) };
  throw malformed(`a range bound must be tag 50, tag 51 or null, got ${describe(raw)}`);
}

function recordKey(raw: unknown): RecordIdKey {
  const key = fromCborTree(raw);
  if (
    typeof key === "string" ||
    typeof key === "number" ||
    typeof key === "bigint" ||
    key instanceof Uuid ||
    key instanceof Range ||
    Array.isArray(key) ||
    (typeof key === "object" && key !== null && isPlainObject(key))
  ) {
    return key as RecordIdKey;
  }
  throw malformed(`a record key must be text, an integer, a UUID, an array, a map or a range, got ${describe(raw)}`);
}

function coordinate(raw: unknown): number {
  if (typeof raw === "number") return raw;
  if (typeof raw === "bigint") return Number(raw);
  throw malformed(`tag ${T.POINT} expects numbers, got ${describe(raw)}`);
}

/** The payload of a geometry tag whose items must all be `want` geometries. */
function geometries<G>(tag: number, payload: unknown, want: abstract new (...args: never[]) => G): G[] {
  return array(tag, payload).map((item) => {
    const value = item instanceof Tag ? fromTag(item) : undefined;
    if (!(value instanceof want)) throw malformed(`tag ${tag} expects an array of ${want.name}, got ${describe(item)}`);
    return value;
  });
}

function fromTag({ tag, value: payload }: Tag): unknown {
  switch (tag) {
    case T.DATETIME_TEXT:
      return fromText(tag, payload, (s) => Datetime.parse(s));
    case T.NONE:
      if (payload !== null && payload !== undefined) throw malformed(`tag 6 (NONE) expects null, got ${describe(payload)}`);
      return NONE;
    case T.TABLE:
      return new Table(text(tag, payload));
    case T.RECORD_ID: {
      if (typeof payload === "string") return new StringRecordId(payload);
      const [table, key] = array(tag, payload, [2]);
      if (typeof table !== "string") throw malformed(`tag 8 expects a table name, got ${describe(table)}`);
      return new RecordId(table, recordKey(key));
    }
    case T.UUID_TEXT:
      return fromText(tag, payload, (s) => Uuid.parse(s));
    case T.DECIMAL:
      return new Decimal(text(tag, payload));
    case T.DATETIME:
      return time(tag, payload, (s, ns) => new Datetime(s, ns));
    case T.DURATION_TEXT:
      return fromText(tag, payload, (s) => Duration.parse(s));
    case T.DURATION:
      return time(tag, payload, (s, ns) => new Duration(s, ns));
    case T.UUID:
      if (!(payload instanceof Uint8Array) || payload.length !== 16) {
        throw malformed(`tag 37 (UUID) expects 16 bytes, got ${describe(payload)}`);
      }
      return new Uuid(payload);
    case T.RANGE: {
      const [begin, end] = array(tag, payload, [2]);
      return new Range({ begin: bound(begin), end: bound(end) });
    }
    case T.SET:
      return new Set(array(tag, payload).map(fromCborTree));
    case T.POINT: {
      const [x, y] = array(tag, payload, [2]).map(coordinate) as [number, number];
      return new GeometryPoint(x, y);
    }
    case T.LINE:
      return new GeometryLine(geometries(tag, payload, GeometryPoint));
    case T.POLYGON:
      return new GeometryPolygon(geometries(tag, payload, GeometryLine));
    case T.MULTI_POINT:
      return new GeometryMultiPoint(geometries(tag, payload, GeometryPoint));
    case T.MULTI_LINE:
      return new GeometryMultiLine(geometries(tag, payload, GeometryLine));
    case T.MULTI_POLYGON:
      return new GeometryMultiPolygon(geometries(tag, payload, GeometryPolygon));
    case T.COLLECTION:
      return new GeometryCollection(
        array(tag, payload).map((item) => {
          const value = item instanceof Tag ? fromTag(item) : undefined;
          if (typeof value !== "object" || value === null || !isGeometry(value)) {
            throw malformed(`tag 94 expects an array of geometries, got ${describe(item)}`);
          }
          return value;
        }),
      );
    case T.BOUND_INCLUDED:
    case T.BOUND_EXCLUDED:
      throw malformed(`tag ${tag} (range bound) outside a range`);
    default:
      // SurrealDB rejects tags it does not know; so do we.
      throw malformed(`unknown tag ${tag}`);
  }
}

/** A CBOR map as an object. Keys must be text, as in SurrealDB; `__proto__` stays an own key. */
function objectFromMap(map: Map<unknown, unknown>): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const [key, value] of map) {
    if (typeof key !== "string") throw malformed(`map keys must be text, got ${describe(key)}`);
    entries.push([key, fromCborTree(value)]);
  }
  return Object.fromEntries(entries);
}

/**
 * cbor-x's decoded tree -> Baton values. Integers within ±(2^53-1) become numbers, larger ones
 * bigint; byte strings become plain Uint8Arrays (copied, not views of the frame); CBOR `undefined`
 * is read as NONE. Throws GatewayError PROTOCOL_ERROR for unknown tags and wrong tag payloads.
 */
export function fromCborTree(raw: unknown): unknown {
  if (raw === undefined) return NONE;
  if (raw === null || typeof raw === "boolean" || typeof raw === "string" || typeof raw === "number") return raw;
  if (typeof raw === "bigint") return compactInt(raw);
  if (raw instanceof Tag) return fromTag(raw);
  if (raw instanceof Uint8Array) return new Uint8Array(raw);
  if (Array.isArray(raw)) return raw.map(fromCborTree);
  if (raw instanceof Map) return objectFromMap(raw as Map<unknown, unknown>);
  if (typeof raw === "object" && isPlainObject(raw)) return mapValues(raw, fromCborTree);
  // Anything else came from a tag cbor-x interprets itself (1 epoch Date, 258 Set, 27 objects,
  // typed arrays …): SurrealDB defines none of them.
  throw malformed(`unsupported value ${describe(raw)} (a CBOR tag SurrealDB does not define)`);
}
