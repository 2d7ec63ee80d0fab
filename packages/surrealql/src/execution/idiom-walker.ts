// Walks a path (`a.b[0]`, `tags[WHERE x]`, `->knows->person`, `"x".len()`) from a value: fields of
// objects, elements of arrays (a field of an array is that field of every element), records behind
// record ids (fetched), and graph hops over edge tables.
import { NONE, RecordId } from "@baton/codecs";
import type { Expr, IdiomPart } from "../syntax/ast.js";
import { isPlainObject } from "../values/value-equality.js";
import { kindName } from "../values/value-kind.js";
import { requireStore, withDocument, type Scope } from "./execution-scope.js";
import { Closure } from "../values/closure-value.js";
import { functionArgumentError } from "../functions/function-arguments.js";
import { callClosure } from "./closure-call.js";
import { callFunction } from "./function-caller.js";
import { graphHop } from "./graph-hops.js";
import { isTruthy } from "../values/truthiness.js";

export type Evaluate = (expr: Expr, scope: Scope) => Promise<unknown>;

export interface IdiomWalk {
  readonly value: unknown;
  readonly parts: readonly IdiomPart[];
  readonly scope: Scope;
  /** Expressions inside the path (indexes, conditions, method arguments) are evaluated with it. */
  readonly evaluate: Evaluate;
}

/** The value at the end of the path. */
export function walkIdiom(walk: IdiomWalk): Promise<unknown> {
  return step(walk, walk.value, 0);
}

/** The record a record id names, or NONE (when it does not exist). */
export async function fetchRecord(scope: Scope, id: RecordId): Promise<unknown> {
  return (await requireStore(scope).get(id)) ?? NONE;
}

/** Method families by the receiver's kind: `"a".len()` is `string::len("a")`. */
const METHOD_FAMILIES: Readonly<Record<string, string>> = {
  string: "string",
  array: "array",
  set: "array",
  object: "object",
  int: "math",
  float: "math",
  decimal: "math",
  number: "math",
  datetime: "time",
  duration: "duration",
  record: "record",
  geometry: "geo",
  bytes: "bytes",
  uuid: "type",
};

async function step(walk: IdiomWalk, value: unknown, index: number): Promise<unknown> {
  const part = walk.parts[index];
  if (part === undefined) return value;
  const next = (result: unknown) => step(walk, result, index + 1);
  const eachElement = async (list: readonly unknown[], from: number) => {
    const results: unknown[] = [];
    for (const item of list) results.push(await step(walk, item, from));
    return results;
  };
  switch (part.kind) {
    case "field":
      if (Array.isArray(value)) return eachElement(value, index);
      if (value instanceof RecordId) return step(walk, await fetchRecord(walk.scope, value), index);
      if (isPlainObject(value)) return next(Object.hasOwn(value, part.name) ? value[part.name] : NONE);
      return NONE;
    case "index": {
      const key = await walk.evaluate(part.index, walk.scope);
      if (value instanceof RecordId) return step(walk, await fetchRecord(walk.scope, value), index);
      if (Array.isArray(value) && typeof key === "number") return next(value[key < 0 ? value.length + key : key] ?? NONE);
      if (isPlainObject(value) && typeof key === "string") return next(Object.hasOwn(value, key) ? value[key] : NONE);
      return NONE;
    }
    case "last":
      return Array.isArray(value) ? next(value.at(-1) ?? NONE) : NONE;
    case "all":
      if (Array.isArray(value)) return eachElement(value, index + 1);
      if (value instanceof RecordId) return next(await fetchRecord(walk.scope, value));
      if (isPlainObject(value)) return next(Object.values(value));
      return next(value);
    case "where": {
      const test = async (item: unknown) => isTruthy(await walk.evaluate(part.condition, withDocument(walk.scope, item)));
      if (Array.isArray(value)) {
        const kept: unknown[] = [];
        for (const item of value) if (await test(item)) kept.push(item);
        return next(kept);
      }
      return (await test(value)) ? next(value) : NONE;
    }
    case "method": {
      const args: unknown[] = [value];
      for (const arg of part.args) args.push(await walk.evaluate(arg, walk.scope));
      const family = METHOD_FAMILIES[kindName(value)] ?? "type";
      return next(await callFunction({ name: `${family}::${part.name}`, args, scope: walk.scope }));
    }
    case "call": {
      const args: unknown[] = [];
      for (const arg of part.args) args.push(await walk.evaluate(arg, walk.scope));
      if (!(value instanceof Closure)) throw functionArgumentError("ANONYMOUS", `Only closures can be called, found a ${kindName(value)}`);
      return next(await callClosure({ closure: value, args, caller: walk.scope }));
    }
    case "graph": {
      const hops = await graphHop({ from: value, part, scope: walk.scope, evaluate: walk.evaluate });
      return next(hops);
    }
  }
}
