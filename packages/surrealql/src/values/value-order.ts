// SurrealDB's total order over values of every kind (its derived `Ord` for `Value`): first by
// kind — none < null < bool < number < string < duration < datetime < uuid < array < set <
// object < geometry < bytes < table < record < range — then within the kind. Used by ORDER BY,
// `<`/`>`, array::sort, math::max and set canonical order.
import {
  Datetime,
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
  parseRecordId,
  type RangeBound,
} from "@baton/codecs";
import { isPlainObject } from "./plain-object.js";
import { GEOMETRY_KINDS, geometryKind } from "./value-kind.js";
import { asNumber, compareNumbers } from "./surreal-number.js";

/** The position of a value's kind in SurrealDB's `Value` enum. */
function kindRank(value: unknown): number {
  if (value === NONE || value === undefined) return 0;
  if (value === null) return 1;
  if (typeof value === "boolean") return 2;
  if (asNumber(value) !== undefined) return 3;
  if (typeof value === "string") return 4;
  if (value instanceof Duration) return 5;
  if (value instanceof Datetime) return 6;
  if (value instanceof Uuid) return 7;
  if (Array.isArray(value)) return 8;
  if (value instanceof Set) return 9;
  if (geometryKind(value) !== undefined) return 11;
  if (value instanceof Uint8Array) return 12;
  if (value instanceof Table) return 13;
  if (value instanceof RecordId || value instanceof StringRecordId) return 14;
  if (value instanceof Range) return 17;
  if (isPlainObject(value)) return 10;
  return 18;
}

const order = <T extends number | bigint | string>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

// UTF-16 code units sort surrogates (supplementary characters) below U+E000–U+FFFF; Rust compares
// UTF-8 bytes, i.e. code points, so the two ranges swap places.
const codePointOrder = (unit: number): number => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

/** Strings by code point, as Rust orders UTF-8 text. */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) - codePointOrder(y) < 0 ? -1 : 1;
  }
  return order(a.length, b.length);
}

function compareSequences(a: readonly unknown[], b: readonly unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const result = compareValues(a[i], b[i]);
    if (result !== 0) return result;
  }
  return order(a.length, b.length);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1;
  }
  return order(a.length, b.length);
}

/** A set's items in SurrealDB's order without duplicates (SurrealDB keeps sets as B-tree sets). */
export function sortedUnique(items: Iterable<unknown>): unknown[] {
  const sorted = [...items].sort(compareValues);
  return sorted.filter((item, i) => i === 0 || compareValues(sorted[i - 1], item) !== 0);
}

/** An object's fields that exist (NONE fields do not), in key order: SurrealDB keeps objects as B-tree maps. */
export function presentEntries(object: Record<string, unknown>): [string, unknown][] {
  return Object.entries(object)
    .filter(([, value]) => value !== NONE && value !== undefined)
    .sort(([a], [b]) => compareText(a, b));
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const left = presentEntries(a);
  const right = presentEntries(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const [keyA, valueA] = left[i] ?? ["", NONE];
    const [keyB, valueB] = right[i] ?? ["", NONE];
    const result = compareText(keyA, keyB) || compareValues(valueA, valueB);
    if (result !== 0) return result;
  }
  return order(left.length, right.length);
}

function coordinates(value: unknown): number[] {
  if (value instanceof GeometryPoint) return [value.x, value.y];
  if (value instanceof GeometryLine || value instanceof GeometryMultiPoint) return value.points.flatMap(coordinates);
  // SurrealDB walks a polygon's interior rings before its exterior.
  if (value instanceof GeometryPolygon) return [...value.rings.slice(1), ...value.rings.slice(0, 1)].flatMap(coordinates);
  if (value instanceof GeometryMultiLine) return value.lines.flatMap(coordinates);
  if (value instanceof GeometryMultiPolygon) return value.polygons.flatMap(coordinates);
  return [];
}

function compareGeometries(a: unknown, b: unknown): number {
  const rankA = GEOMETRY_KINDS.indexOf(geometryKind(a) ?? "");
  const rankB = GEOMETRY_KINDS.indexOf(geometryKind(b) ?? "");
  if (rankA !== rankB) return order(rankA, rankB);
  if (a instanceof GeometryCollection && b instanceof GeometryCollection) return compareSequences(a.geometries, b.geometries);
  return compareSequences(coordinates(a), coordinates(b));
}

// Record keys: number < string < uuid < array < object < range (SurrealDB's `RecordIdKey`).
function keyRank(key: unknown): number {
  if (typeof key === "number" || typeof key === "bigint") return 0;
  if (typeof key === "string") return 1;
  if (key instanceof Uuid) return 2;
  if (Array.isArray(key)) return 3;
  if (key instanceof Range) return 5;
  return 4;
}

function asRecordId(value: RecordId | StringRecordId): RecordId {
  if (value instanceof RecordId) return value;
  try {
    return parseRecordId(value.text);
  } catch {
    return new RecordId("", value.text);
  }
}

function compareRecordIds(a: RecordId, b: RecordId): number {
  const table = compareText(a.table, b.table);
  if (table !== 0) return table;
  const rank = order(keyRank(a.id), keyRank(b.id));
  return rank !== 0 ? rank : compareValues(a.id, b.id);
}

// Bounds: unbounded < included < excluded; equal kinds compare their values.
const BOUND_RANK = { unbounded: 0, included: 1, excluded: 2 } as const;

function compareBounds(a: RangeBound, b: RangeBound): number {
  if (a.kind !== b.kind) return order(BOUND_RANK[a.kind], BOUND_RANK[b.kind]);
  return a.kind === "unbounded" || b.kind === "unbounded" ? 0 : compareValues(a.value, b.value);
}

function compareSameKind(a: unknown, b: unknown, rank: number): number {
  switch (rank) {
    case 2:
      return order(Number(a), Number(b));
    case 3: {
      const [x, y] = [asNumber(a), asNumber(b)];
      return x && y ? compareNumbers(x, y) : 0;
    }
    case 4:
      return compareText(a as string, b as string);
    case 5:
    case 6: {
      const [x, y] = [a as Duration | Datetime, b as Duration | Datetime];
      return order(x.seconds, y.seconds) || order(x.nanoseconds, y.nanoseconds);
    }
    case 7:
      return compareBytes((a as Uuid).bytes, (b as Uuid).bytes);
    case 8:
      return compareSequences(a as unknown[], b as unknown[]);
    case 9:
      return compareSequences(sortedUnique(a as Set<unknown>), sortedUnique(b as Set<unknown>));
    case 10:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 11:
      return compareGeometries(a, b);
    case 12:
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case 13:
      return compareText((a as Table).name, (b as Table).name);
    case 14:
      return compareRecordIds(asRecordId(a as RecordId), asRecordId(b as RecordId));
    case 17: {
      const [x, y] = [a as Range, b as Range];
      return compareBounds(x.begin, y.begin) || compareBounds(x.end, y.end);
    }
    default:
      return 0;
  }
}

/** SurrealDB's total order: negative when `a` sorts before `b`, 0 when equal, positive after. */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = kindRank(a);
  const rankB = kindRank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  return compareSameKind(a, b, rankA);
}
