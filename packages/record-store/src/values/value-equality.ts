// Exact equality of SurrealDB values: what "round-trips exactly" means, and how the writer
// decides where a stored value needs a type tag (docs/record-model.md, "Values and type tags").
import {
  type Datetime,
  type Decimal,
  type Duration,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  type Range,
  type RecordId,
  type Table,
  type Uuid,
  type RangeBound,
} from "@baton/codecs";
import { kindOf } from "./value-kind.js";

/** True when `a` and `b` are the same SurrealDB value (kind included; object key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  switch (kind) {
    case "none":
    case "null":
      return true;
    case "int":
      return BigInt(a as number | bigint) === BigInt(b as number | bigint);
    case "float":
      return Object.is(a, b);
    case "bool":
    case "string":
      return a === b;
    case "decimal":
      return (a as Decimal).value === (b as Decimal).value;
    case "datetime":
      return (a as Datetime).seconds === (b as Datetime).seconds && (a as Datetime).nanoseconds === (b as Datetime).nanoseconds;
    case "duration":
      return (a as Duration).seconds === (b as Duration).seconds && (a as Duration).nanoseconds === (b as Duration).nanoseconds;
    case "uuid":
      return (a as Uuid).toString() === (b as Uuid).toString();
    case "bytes":
      return Buffer.from(a as Uint8Array).equals(b as Uint8Array);
    case "record":
      return (a as RecordId).table === (b as RecordId).table && sameValue((a as RecordId).id, (b as RecordId).id);
    case "table":
      return (a as Table).name === (b as Table).name;
    case "set":
      return sameArray([...(a as Set<unknown>)], [...(b as Set<unknown>)]);
    case "array":
      return sameArray(a as unknown[], b as unknown[]);
    case "object":
      return sameObject(a as Record<string, unknown>, b as Record<string, unknown>);
    case "geometry":
      return sameGeometry(a, b);
    case "range":
      return sameBound((a as Range).begin, (b as Range).begin) && sameBound((a as Range).end, (b as Range).end);
  }
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
}

// A field holding NONE is an absent field: SurrealDB drops it from objects.
function sameObject(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameValue(Object.hasOwn(a, key) ? a[key] : NONE, Object.hasOwn(b, key) ? b[key] : NONE));
}

function sameBound(a: RangeBound, b: RangeBound): boolean {
  if (a.kind === "unbounded" || b.kind === "unbounded") return a.kind === b.kind;
  return a.kind === b.kind && sameValue(a.value, b.value);
}

function sameGeometry(a: unknown, b: unknown): boolean {
  if (a instanceof GeometryPoint && b instanceof GeometryPoint) return Object.is(a.x, b.x) && Object.is(a.y, b.y);
  if (a instanceof GeometryLine && b instanceof GeometryLine) return sameList(a.points, b.points);
  if (a instanceof GeometryMultiPoint && b instanceof GeometryMultiPoint) return sameList(a.points, b.points);
  if (a instanceof GeometryPolygon && b instanceof GeometryPolygon) return sameList(a.rings, b.rings);
  if (a instanceof GeometryMultiLine && b instanceof GeometryMultiLine) return sameList(a.lines, b.lines);
  if (a instanceof GeometryMultiPolygon && b instanceof GeometryMultiPolygon) return sameList(a.polygons, b.polygons);
  if (a instanceof GeometryCollection && b instanceof GeometryCollection) return sameList(a.geometries, b.geometries);
  return false;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => sameGeometry(item, b[i]));
}
