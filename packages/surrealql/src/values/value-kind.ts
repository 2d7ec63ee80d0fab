// The SurrealQL type name of a value as Baton holds it (record-store.ts, SurrealValue), as
// SurrealDB 3 names it in messages and in `type::of` (its `Value::kind_of`).
import {
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  StringRecordId,
} from "@baton/codecs";
import { isIntegralNumber, storableKind } from "@baton/record-store";
import { Closure } from "./closure-value.js";

export { isIntegralNumber };

/** Each geometry sub-kind with the class Baton holds it as, in SurrealDB's order (its `Geometry` enum). */
const GEOMETRY_CLASSES = [
  ["point", GeometryPoint],
  ["line", GeometryLine],
  ["polygon", GeometryPolygon],
  ["multipoint", GeometryMultiPoint],
  ["multiline", GeometryMultiLine],
  ["multipolygon", GeometryMultiPolygon],
  ["collection", GeometryCollection],
] as const;

/** The geometry sub-kinds (`point`, `line`, …, `collection`) in SurrealDB's order, which is also their sort order. */
export const GEOMETRY_KINDS: readonly string[] = GEOMETRY_CLASSES.map(([kind]) => kind);

/** The geometry sub-kind (`point`, `line`, …) of a geometry value, or undefined for other values. */
export function geometryKind(value: unknown): string | undefined {
  return GEOMETRY_CLASSES.find(([, type]) => value instanceof type)?.[0];
}

/**
 * SurrealDB's name for the kind of `value`: "none", "null", "bool", "int", "float", "decimal",
 * "string", "duration", "datetime", "uuid", "array", "set", "object", "bytes", "table", "record",
 * "range", and "geometry<point>" (… `<line>`, `<polygon>`, …) for geometries.
 */
export function kindName(value: unknown): string {
  // The record model's kinds, plus what only queries hold: closures, record ids still in text form,
  // and geometries named with their sub-kind.
  if (value instanceof Closure || typeof value === "function") return "function";
  if (value instanceof StringRecordId) return "record";
  const geometry = geometryKind(value);
  if (geometry !== undefined) return `geometry<${geometry}>`;
  return storableKind(value) ?? "object";
}
