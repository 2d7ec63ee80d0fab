// Geometries as GeoJSON (RFC 7946), the record model's stored form; coordinates are floats.
import {
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  type Geometry,
} from "@baton/codecs";
import { JsonNumber, type JsonTree } from "./json-text.js";

type Position = [JsonNumber, JsonNumber];

const coordinate = (value: number): JsonNumber => new JsonNumber(Number.isFinite(value) ? String(value) : "0");
const position = (point: GeometryPoint): Position => [coordinate(point.x), coordinate(point.y)];
const line = (value: GeometryLine): Position[] => value.points.map(position);
const polygon = (value: GeometryPolygon): Position[][] => value.rings.map(line);

/** The GeoJSON object of a geometry. */
export function toGeoJson(value: Geometry): JsonTree {
  if (value instanceof GeometryPoint) return { type: "Point", coordinates: position(value) };
  if (value instanceof GeometryLine) return { type: "LineString", coordinates: line(value) };
  if (value instanceof GeometryPolygon) return { type: "Polygon", coordinates: polygon(value) };
  if (value instanceof GeometryMultiPoint) return { type: "MultiPoint", coordinates: value.points.map(position) };
  if (value instanceof GeometryMultiLine) return { type: "MultiLineString", coordinates: value.lines.map(line) };
  if (value instanceof GeometryMultiPolygon) return { type: "MultiPolygon", coordinates: value.polygons.map(polygon) };
  return { type: "GeometryCollection", geometries: value.geometries.map(toGeoJson) };
}

/** The geometry of a GeoJSON object; undefined when it is not one. */
export function fromGeoJson(tree: JsonTree): Geometry | undefined {
  if (typeof tree !== "object" || tree === null || Array.isArray(tree) || tree instanceof JsonNumber) return undefined;
  try {
    const coordinates = tree["coordinates"] ?? null;
    const type = tree["type"];
    if (typeof type !== "string") return undefined;
    switch (type) {
      case "Point":
        return readPoint(coordinates);
      case "LineString":
        return readLine(coordinates);
      case "Polygon":
        return readPolygon(coordinates);
      case "MultiPoint":
        return new GeometryMultiPoint(list(coordinates).map(readPoint));
      case "MultiLineString":
        return new GeometryMultiLine(list(coordinates).map(readLine));
      case "MultiPolygon":
        return new GeometryMultiPolygon(list(coordinates).map(readPolygon));
      case "GeometryCollection":
        return new GeometryCollection(
          list(tree["geometries"] ?? null).map((item) => fromGeoJson(item) ?? fail()),
        );
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

function fail(): never {
  throw new TypeError("malformed GeoJSON");
}

function list(tree: JsonTree): JsonTree[] {
  return Array.isArray(tree) ? tree : fail();
}

function readPoint(tree: JsonTree): GeometryPoint {
  const [x, y] = list(tree);
  if (!(x instanceof JsonNumber) || !(y instanceof JsonNumber)) return fail();
  return new GeometryPoint(Number(x.text), Number(y.text));
}

function readLine(tree: JsonTree): GeometryLine {
  return new GeometryLine(list(tree).map(readPoint));
}

function readPolygon(tree: JsonTree): GeometryPolygon {
  return new GeometryPolygon(list(tree).map(readLine));
}
