// Reading, writing and removing a field path (`a.b.c`) in a document (nested plain objects).
import { NONE } from "@baton/codecs";
import { isPlainObject } from "../values/value-equality.js";

export type FieldPath = readonly string[];

/** The value at `path`, or NONE when any step is missing or not an object. */
export function valueAt(document: unknown, path: FieldPath): unknown {
  let current = document;
  for (const name of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, name)) return NONE;
    current = current[name];
  }
  return current;
}

/** Writes `value` at `path`, making objects on the way; NONE writes nothing (a record has no NONE fields). */
export function setPath(target: Record<string, unknown>, path: FieldPath, value: unknown): void {
  if (value !== NONE) writePath(target, path, value);
}

/** Writes `value` at `path`, NONE too: a projection names its fields even when a record lacks them. */
export function writePath(target: Record<string, unknown>, path: FieldPath, value: unknown): void {
  if (value === undefined) return;
  let current = target;
  path.forEach((name, index) => {
    if (index === path.length - 1) {
      current[name] = value;
      return;
    }
    const child = current[name];
    const next = isPlainObject(child) ? child : {};
    current[name] = next;
    current = next;
  });
}

/** Removes the field at `path`, if there is one. */
export function removeAt(document: Record<string, unknown>, path: FieldPath): void {
  const parent = valueAt(document, path.slice(0, -1));
  const last = path.at(-1);
  if (isPlainObject(parent) && last !== undefined) delete parent[last];
}
