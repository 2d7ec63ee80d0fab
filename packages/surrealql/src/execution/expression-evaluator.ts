// Evaluates SurrealQL expressions to values: one arm per expression kind. Paths are walked by
// idiom-walker.ts, calls by function-caller.ts, statements used as values by the context's runner.
import { NONE, Range, RecordId, Table, type RangeBound, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { match } from "ts-pattern";
import type { Block, Expr, MockExpr, RangeBoundExpr, RecordIdExpr } from "../syntax/ast.js";
import { applyBinaryOperator, negateValue } from "../values/binary-operators.js";
import { Closure } from "../values/closure-value.js";
import { isTruthy } from "../values/truthiness.js";
import { castValue } from "../values/value-casts.js";
import { valueAt } from "./document-paths.js";
import { deeper, ReturnSignal, type Scope } from "./execution-scope.js";
import { callFunction } from "./function-caller.js";
import { walkIdiom } from "./idiom-walker.js";
import { generateKey } from "./key-generators.js";
import { lookupVariable } from "./variable-lookup.js";

const isNullish = (value: unknown) => value === NONE || value === null || value === undefined;

/** The value of `expr` in `scope`. */
export function evaluate(expr: Expr, scope: Scope): Promise<unknown> {
  return match(expr)
    .with({ kind: "literal" }, async (e) => e.value)
    .with({ kind: "param" }, (e) => lookupVariable(e.name, scope))
    .with({ kind: "idiom" }, async (e) => {
      const start = e.root === undefined ? scope.document : await evaluate(e.root, scope);
      return walkIdiom({ value: start, parts: e.parts, scope, evaluate });
    })
    .with({ kind: "table" }, async (e) => new Table(e.name))
    .with({ kind: "array" }, (e) => evaluateAll(e.items, scope))
    .with({ kind: "object" }, async (e) => {
      const object: Record<string, unknown> = {};
      for (const entry of e.entries) {
        const value = await evaluate(entry.value, scope);
        // A NONE value leaves the key out, as SurrealDB does for objects.
        if (value !== NONE) object[entry.key] = value;
      }
      return object;
    })
    .with({ kind: "record-id" }, (e) => recordIdValue(e, scope))
    .with({ kind: "range" }, async (e) => new Range({ begin: await bound(e.from, scope), end: await bound(e.to, scope) }))
    .with({ kind: "unary" }, async (e) => {
      const value = await evaluate(e.operand, scope);
      return match(e.op)
        .with("not", () => !isTruthy(value))
        .with("negate", () => negateValue(value))
        .with("plus", () => value)
        .exhaustive();
    })
    .with({ kind: "binary" }, async (e) => {
      const left = await evaluate(e.left, scope);
      // The logical operators give one of their operands, evaluating the right only when needed.
      const { op } = e;
      if (op === "and") return isTruthy(left) ? evaluate(e.right, scope) : left;
      if (op === "or" || op === "?:") return isTruthy(left) ? left : evaluate(e.right, scope);
      if (op === "??") return isNullish(left) ? evaluate(e.right, scope) : left;
      return applyBinaryOperator(op, left, await evaluate(e.right, scope));
    })
    .with({ kind: "cast" }, async (e) => castValue(e.type, await evaluate(e.value, scope)))
    .with({ kind: "call" }, async (e) => {
      const args = await evaluateAll(e.args, scope);
      const name = e.name.toLowerCase();
      // type::field('a.b') / type::fields([…]) read the current document's fields by name.
      if (name === "type::field" && typeof args[0] === "string") return valueAt(scope.document, args[0].split("."));
      if (name === "type::fields" && Array.isArray(args[0])) {
        return (args[0] as unknown[]).map((field) => (typeof field === "string" ? valueAt(scope.document, field.split(".")) : NONE));
      }
      return callFunction({ name: e.name, version: e.version, args, scope });
    })
    .with({ kind: "subquery" }, (e) => scope.context.runStatement(e.statement, deeper(scope)))
    .with({ kind: "if" }, async (e) => {
      for (const branch of e.branches) {
        if (isTruthy(await evaluate(branch.condition, scope))) return runBlock(branch.body, scope);
      }
      return e.otherwise === undefined ? NONE : runBlock(e.otherwise, scope);
    })
    .with({ kind: "block" }, async (e) => {
      try {
        return await runBlock(e.block, { ...scope, returnable: true });
      } catch (signal) {
        if (signal instanceof ReturnSignal) return signal.value;
        throw signal;
      }
    })
    .with({ kind: "mock" }, async (e) => mockIds(e))
    .with({ kind: "closure" }, async (e) => new Closure(e, scope))
    .exhaustive();
}

/** Evaluates expressions in order (statements in them may write, so never concurrently). */
export async function evaluateAll(exprs: readonly Expr[], scope: Scope): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const expr of exprs) values.push(await evaluate(expr, scope));
  return values;
}

/**
 * Runs a block's statements in a frame of their own and gives the last one's value (NONE for an
 * empty block). RETURN inside leaves through ReturnSignal when the scope is returnable.
 */
export async function runBlock(block: Block, scope: Scope): Promise<unknown> {
  const inner = deeper(scope);
  let value: unknown = NONE;
  for (const statement of block.statements) value = await scope.context.runStatement(statement, inner);
  return value;
}

async function bound(expr: RangeBoundExpr | undefined, scope: Scope): Promise<RangeBound> {
  if (expr === undefined) return { kind: "unbounded" };
  const value = await evaluate(expr.value, scope);
  return expr.inclusive ? { kind: "included", value } : { kind: "excluded", value };
}

/** A record id's value: its key evaluated (`t:[1, $x]`), generated (`t:ulid()`) or a range. */
async function recordIdValue(expr: RecordIdExpr, scope: Scope): Promise<RecordId> {
  const { key, table } = expr;
  if (key.kind === "generate") return new RecordId(table, generateKey(key.generator));
  if (key.kind === "range") {
    return new RecordId(table, new Range({ begin: await bound(key.from, scope), end: await bound(key.to, scope) }));
  }
  const value = await evaluate(key.value, scope);
  if (value === NONE || value === null || typeof value === "boolean") {
    throw RpcError.validation(`Can not use ${String(value === NONE ? "NONE" : value)} as a record key`);
  }
  return new RecordId(table, value as RecordIdKey);
}

/** The most ids a mock may name: SurrealDB builds them lazily, Baton as one array. */
export const MOCK_ID_LIMIT = 1_000_000;

/** `|t:5|` (keys generated as `rand()` does) or `|t:1..5|` (int keys, both ends included). */
function mockIds(expr: MockExpr): RecordId[] {
  const { table, ids } = expr;
  const count = ids.kind === "count" ? ids.count : Math.max(ids.to - ids.from + 1, 0);
  if (count > MOCK_ID_LIMIT) throw RpcError.validation(`A mock record id names ${count} records; Baton allows at most ${MOCK_ID_LIMIT}`);
  if (ids.kind === "count") return Array.from({ length: count }, () => new RecordId(table, generateKey("rand")));
  return Array.from({ length: count }, (_, i) => new RecordId(table, ids.from + i));
}
