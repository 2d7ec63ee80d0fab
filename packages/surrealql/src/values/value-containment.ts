// SurrealDB 3's containment tests behind CONTAINS*, INSIDE*, OUTSIDE and INTERSECTS
// (`Value::contains`, `contains_all`, `contains_any`, `intersects`). Geometry-in-geometry tests
// are not supported: they answer an error instead of a wrong boolean.
import { Range, Uuid, NONE, type RangeBound } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { membersOf } from "./equality-classes.js";
import { isPlainObject } from "./plain-object.js";
import { geometryKind } from "./value-kind.js";
import { compareValues } from "./value-order.js";

const isGeometry = (value: unknown): boolean => geometryKind(value) !== undefined;

function geometryNotSupported(operation: string): RpcError {
  return RpcError.validation(`Geometry ${operation} is not supported by Baton's SurrealQL`);
}

function withinBound(bound: RangeBound, value: unknown, side: "begin" | "end"): boolean {
  if (bound.kind === "unbounded") return true;
  const order = side === "begin" ? compareValues(bound.value, value) : compareValues(value, bound.value);
  return bound.kind === "included" ? order <= 0 : order < 0;
}

/** `container CONTAINS item`: an element, a substring, an object key, a value inside a range. */
export function valueContains(container: unknown, item: unknown): boolean {
  if (Array.isArray(container) || container instanceof Set) {
    for (const element of container) if (compareValues(element, item) === 0) return true;
    return false;
  }
  if (typeof container === "string") return typeof item === "string" && container.includes(item);
  if (container instanceof Uuid) return typeof item === "string" && container.toString().includes(item);
  if (isPlainObject(container)) {
    return typeof item === "string" && Object.hasOwn(container, item) && container[item] !== NONE && container[item] !== undefined;
  }
  if (container instanceof Range) return withinBound(container.begin, item, "begin") && withinBound(container.end, item, "end");
  if (isGeometry(container) && isGeometry(item)) throw geometryNotSupported("containment");
  return false;
}

const isCollection = (value: unknown): value is unknown[] | Set<unknown> => Array.isArray(value) || value instanceof Set;

/** Whether `container` holds `item` as a collection member (or, for a geometry, contains it). */
function holdsMember(container: unknown, item: unknown): boolean {
  if (isCollection(container)) return valueContains(container, item);
  if (isGeometry(container)) return valueContains(container, item);
  return false;
}

function containsEach(container: unknown, items: unknown, every: boolean): boolean {
  if (isCollection(items)) {
    const list = [...items];
    if (isCollection(container)) {
      // One grouping pass instead of a scan of the container per item.
      const found = membersOf([...container], list);
      return every ? found.every(Boolean) : found.some(Boolean);
    }
    // A string against a collection of strings tests substrings.
    const test =
      typeof container === "string" && list.every((item) => typeof item === "string")
        ? (item: unknown) => container.includes(item as string)
        : (item: unknown) => holdsMember(container, item);
    return every ? list.every(test) : list.some(test);
  }
  if (typeof items === "string") return typeof container === "string" && container.includes(items);
  return false;
}

/** `container CONTAINSALL items`. */
export const valueContainsAll = (container: unknown, items: unknown): boolean => containsEach(container, items, true);

/** `container CONTAINSANY items`. */
export const valueContainsAny = (container: unknown, items: unknown): boolean => containsEach(container, items, false);

/** `a INTERSECTS b`: only geometries intersect, and Baton does not compute it. */
export function valueIntersects(a: unknown, b: unknown): boolean {
  if (isGeometry(a) && isGeometry(b)) throw geometryNotSupported("intersection");
  return false;
}
