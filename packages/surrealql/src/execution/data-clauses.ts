// The data clauses of CREATE/UPDATE/UPSERT/RELATE/INSERT … ON DUPLICATE KEY UPDATE: CONTENT and
// REPLACE give the whole record, MERGE deep-merges, PATCH applies RFC 6902 operations, SET and
// UNSET change single fields (`=`, `+=`, `-=`, `+?=`).
import { Decimal, Duration, formatValue, NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { SurrealObject } from "@baton/record-store";
import type { Assignment, DataClause, IdiomExpr } from "../syntax/ast.js";
import { applyBinaryOperator } from "../values/binary-operators.js";
import { applyPatch, parsePatch } from "../values/json-patch.js";
import { isPlainObject, valuesEqual } from "../values/value-equality.js";
import { withDocument, type Scope } from "./execution-scope.js";
import type { Evaluate } from "./idiom-walker.js";
import { removeAt, setPath, valueAt } from "./document-paths.js";
import { plainPath } from "./projection.js";

/** Deep merge as SurrealDB's MERGE does: objects merge key by key, NONE removes a field. */
export function mergeObjects(base: SurrealObject, patch: SurrealObject): SurrealObject {
  const merged: SurrealObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === NONE || value === undefined) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(merged[key])) merged[key] = mergeObjects(merged[key], value);
    else merged[key] = value;
  }
  return merged;
}

/** The object a CONTENT/MERGE/REPLACE clause takes; NONE and null mean no data. */
export function clauseObject(value: unknown, clause: string): SurrealObject | undefined {
  if (value === NONE || value === null || value === undefined) return undefined;
  if (!isPlainObject(value)) throw RpcError.validation(`Can not use ${formatValue(value)} in a ${clause} clause`);
  return value;
}

function assignmentPath(target: IdiomExpr): string[] {
  const path = plainPath(target);
  if (path === undefined) throw RpcError.validation("Baton assigns to field paths only (a.b.c)");
  return [...path];
}

/**
 * `a += v`: arrays gain the element(s), numbers, strings and durations add. On a missing field a
 * number or duration starts the count (`n += 1` → 1) and anything else starts an array
 * (`tags += 'x'` → ['x']), as SurrealDB does.
 */
function added(current: unknown, value: unknown, onlyNew: boolean): unknown {
  if (current === NONE || current === null) {
    if (Array.isArray(value)) return value;
    const countable = typeof value === "number" || typeof value === "bigint" || value instanceof Decimal || value instanceof Duration;
    return countable && !onlyNew ? value : [value];
  }
  if (Array.isArray(current)) {
    const list = current as unknown[];
    const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
    return onlyNew ? [...list, ...items.filter((item) => !list.some((existing) => valuesEqual(existing, item)))] : [...list, ...items];
  }
  return applyBinaryOperator("+", current, value);
}

/** `a -= v`: arrays lose the element(s), numbers and durations subtract. */
function removed(current: unknown, value: unknown): unknown {
  if (Array.isArray(current)) {
    const items = Array.isArray(value) ? value : [value];
    return current.filter((existing) => !items.some((item) => valuesEqual(existing, item)));
  }
  if (current === NONE) return applyBinaryOperator("-", 0, value);
  return applyBinaryOperator("-", current, value);
}

/** SET: each assignment sees the document as the earlier ones left it. */
export async function applyAssignments(
  document: SurrealObject,
  assignments: readonly Assignment[],
  options: { readonly scope: Scope; readonly evaluate: Evaluate },
): Promise<SurrealObject> {
  const result = structuredCopy(document);
  for (const assignment of assignments) {
    const path = assignmentPath(assignment.target);
    const value = await options.evaluate(assignment.value, withDocument(options.scope, result));
    const current = valueAt(result, path);
    const next =
      assignment.op === "=" ? value : assignment.op === "-=" ? removed(current, value) : added(current, value, assignment.op === "+?=");
    if (next === NONE) removeAt(result, path);
    else setPath(result, path, next);
  }
  return result;
}

/** A copy whose nested objects and arrays can be changed without touching the original. */
export function structuredCopy(document: SurrealObject): SurrealObject {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
    return value;
  };
  return copy(document) as SurrealObject;
}

/** The record a data clause makes of `before` (the current record, `{}` for a new one). */
export async function applyData(
  clause: DataClause | undefined,
  before: SurrealObject,
  options: { readonly scope: Scope; readonly evaluate: Evaluate },
): Promise<SurrealObject> {
  if (clause === undefined) return before;
  const scope = withDocument(options.scope, before);
  switch (clause.kind) {
    case "content":
    case "replace": {
      const value = clauseObject(await options.evaluate(clause.value, scope), clause.kind.toUpperCase());
      return value ?? {};
    }
    case "merge": {
      const value = clauseObject(await options.evaluate(clause.value, scope), "MERGE");
      return value === undefined ? before : mergeObjects(before, value);
    }
    case "patch": {
      const value = await options.evaluate(clause.value, scope);
      const patched = applyPatch(before, value === NONE || value === null ? [] : parsePatch(value));
      if (!isPlainObject(patched)) throw RpcError.validation(`The JSON Patch must leave an object, got ${formatValue(patched)}`);
      return patched;
    }
    case "set":
      return applyAssignments(before, clause.assignments, options);
    case "unset": {
      const result = structuredCopy(before);
      for (const field of clause.fields) removeAt(result, assignmentPath(field));
      return result;
    }
  }
}
