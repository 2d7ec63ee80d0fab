// What a statement's targets (`FROM a, b`, `UPDATE $b`, `CREATE person:1`) name once evaluated:
// a table, one record, a range of a table's records, or a plain value (SELECT FROM [1, 2]).
import { NONE, Range, RecordId, StringRecordId, Table } from "@baton/codecs";
import type { Expr } from "../syntax/ast.js";
import type { Scope } from "./execution-scope.js";
import { recordIdFromText } from "./record-target.js";

export type StatementTarget =
  | { readonly kind: "table"; readonly table: string }
  | { readonly kind: "record"; readonly id: RecordId }
  | { readonly kind: "range"; readonly table: string; readonly range: Range }
  | { readonly kind: "value"; readonly value: unknown };

/**
 * The targets a value names. Arrays name each element. Strings: a write statement takes a string
 * as a table name (what SurrealDB 1 and 2 did, and what JSON clients can send); SELECT takes a
 * string as the value itself, as SurrealDB 3 does.
 */
export function targetsOf(value: unknown, options: { readonly stringsAreTables: boolean }): StatementTarget[] {
  if (Array.isArray(value)) return value.flatMap((item) => targetsOf(item, options));
  if (value instanceof Table) return [{ kind: "table", table: value.name }];
  if (value instanceof StringRecordId) return targetsOf(recordIdFromText(value.text), options);
  if (value instanceof RecordId) {
    return [value.id instanceof Range ? { kind: "range", table: value.table, range: value.id } : { kind: "record", id: value }];
  }
  if (typeof value === "string" && options.stringsAreTables) return [{ kind: "table", table: value }];
  return [{ kind: "value", value }];
}

/** Evaluates target expressions into targets, in order. */
export async function evaluateTargets(
  exprs: readonly Expr[],
  options: { readonly scope: Scope; readonly evaluate: (expr: Expr, scope: Scope) => Promise<unknown>; readonly stringsAreTables: boolean },
): Promise<StatementTarget[]> {
  const targets: StatementTarget[] = [];
  for (const expr of exprs) {
    const value = expr.kind === "table" ? new Table(expr.name) : await options.evaluate(expr, options.scope);
    if (value === NONE && !options.stringsAreTables) continue;
    targets.push(...targetsOf(value, options));
  }
  return targets;
}

/** A single target names one record: `ONLY` is allowed and the result is one value (SurrealDB's `singular`). */
export function isSingleRecord(targets: readonly StatementTarget[]): boolean {
  return targets.length === 1 && targets[0]?.kind === "record";
}
