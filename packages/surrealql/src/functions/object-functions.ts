// The `object::*` SurrealQL functions, as SurrealDB 3 computes them (its `fnc/object.rs`). Its
// objects are B-tree maps, so keys, values and entries come in key order.
import { formatValue } from "@baton/codecs";
import { kindName } from "../values/value-kind.js";
import { presentEntries } from "../values/value-order.js";
import { anyValue, array, object } from "./argument-kinds.js";
import { functionArgumentError } from "./function-arguments.js";
import { defineFunctions, fn } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";

function fromEntries(list: unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const entry of list) {
    if (!Array.isArray(entry) || entry.length !== 2) {
      throw functionArgumentError("object::from_entries", `Expected entries, found ${Array.isArray(entry) ? "invalid entry" : kindName(entry)}`);
    }
    const [key, value] = entry as [unknown, unknown];
    object[typeof key === "string" ? key : formatValue(key)] = value;
  }
  return object;
}

function removeKeys(object: Record<string, unknown>, targets: unknown): Record<string, unknown> {
  const keys = Array.isArray(targets) ? targets : [targets];
  const out = { ...object };
  for (const key of keys) {
    if (typeof key !== "string") {
      throw functionArgumentError("object::remove", `'${formatValue(key)}' cannot be used as a key. Please use a string instead.`);
    }
    delete out[key];
  }
  return out;
}

export const objectFunctions: FunctionTable = defineFunctions({
  "object::entries": fn([object], ([fields]) => presentEntries(fields)),
  "object::from_entries": fn([array], ([list]) => fromEntries(list)),
  "object::extend": fn([object, object], ([fields, other]) => ({ ...fields, ...other })),
  "object::is_empty": fn([object], ([fields]) => presentEntries(fields).length === 0),
  "object::keys": fn([object], ([fields]) => presentEntries(fields).map(([key]) => key)),
  "object::len": fn([object], ([fields]) => presentEntries(fields).length),
  "object::remove": fn([object, anyValue], ([fields, targets]) => removeKeys(fields, targets)),
  "object::values": fn([object], ([fields]) => presentEntries(fields).map(([, value]) => value)),
});
