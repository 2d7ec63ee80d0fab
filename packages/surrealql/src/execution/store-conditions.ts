// The part of a WHERE clause the database can evaluate: comparisons of a top-level field with a
// value known before the scan (a literal or a parameter), joined by AND/OR/NOT. The record store
// applies what it can translate exactly; the executor still evaluates the whole WHERE itself, so
// results are the same whether or not anything was pushed down.
import { NONE } from "@baton/codecs";
import type { StoreCondition } from "@baton/record-store";
import type { BinaryOp, Expr } from "../syntax/ast.js";
import type { Scope } from "./execution-scope.js";

const COMPARISONS: ReadonlySet<BinaryOp> = new Set(["=", "!=", "<", "<=", ">", ">="]);
const MIRRORED: Readonly<Record<string, "=" | "!=" | "<" | "<=" | ">" | ">=">> = { "=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/** A condition for the store and whether it says everything the WHERE says. */
export interface PushedCondition {
  readonly condition: StoreCondition | undefined;
  /** True when `condition` is the whole WHERE (start and limit may then be pushed down too). */
  readonly complete: boolean;
}

const NOTHING: PushedCondition = { condition: undefined, complete: false };

/** A top-level field named by `expr` (`age`, not `a.b`, `a[0]` or `->e`). */
function fieldName(expr: Expr): string | undefined {
  if (expr.kind !== "idiom" || expr.root !== undefined || expr.parts.length !== 1) return undefined;
  const [part] = expr.parts;
  return part?.kind === "field" ? part.name : undefined;
}

/** A value known before any record is read: a literal, or a variable of the query or session. */
function knownValue(expr: Expr, scope: Scope): { value: unknown } | undefined {
  if (expr.kind === "literal") return { value: expr.value };
  if (expr.kind === "param") return scope.variables.lookup(expr.name);
  return undefined;
}

export function pushableCondition(where: Expr | undefined, scope: Scope): PushedCondition {
  if (where === undefined) return { condition: undefined, complete: true };
  if (where.kind === "binary" && COMPARISONS.has(where.op)) {
    const op = where.op as "=" | "!=" | "<" | "<=" | ">" | ">=";
    const leftField = fieldName(where.left);
    const rightField = fieldName(where.right);
    const right = knownValue(where.right, scope);
    const left = knownValue(where.left, scope);
    if (leftField !== undefined && right !== undefined && right.value !== NONE) {
      return { condition: { kind: "compare", field: leftField, op, value: right.value }, complete: true };
    }
    if (rightField !== undefined && left !== undefined && left.value !== NONE) {
      return { condition: { kind: "compare", field: rightField, op: MIRRORED[op] ?? op, value: left.value }, complete: true };
    }
    return NOTHING;
  }
  if (where.kind === "binary" && (where.op === "and" || where.op === "or")) {
    const parts = [pushableCondition(where.left, scope), pushableCondition(where.right, scope)];
    if (where.op === "or") {
      // A record may match through the part that cannot be pushed: push an OR only when whole.
      if (!parts.every((part) => part.complete)) return NOTHING;
      return { condition: { kind: "or", parts: parts.map((part) => part.condition as StoreCondition) }, complete: true };
    }
    const pushed = parts.flatMap((part) => (part.condition === undefined ? [] : [part.condition]));
    if (pushed.length === 0) return NOTHING;
    return { condition: pushed.length === 1 ? pushed[0] : { kind: "and", parts: pushed }, complete: parts.every((part) => part.complete) };
  }
  if (where.kind === "unary" && where.op === "not") {
    const inner = pushableCondition(where.operand, scope);
    return inner.complete && inner.condition !== undefined ? { condition: { kind: "not", part: inner.condition }, complete: true } : NOTHING;
  }
  return NOTHING;
}
