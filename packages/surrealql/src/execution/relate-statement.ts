// RELATE from->edge->to [CONTENT … | SET …]: one edge record per pair of ends, carrying `in` and
// `out`. The edge names a table (a generated id) or one record id.
import { formatValue, NONE, Table, type RecordId } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { Expr, RelateStatement } from "../syntax/ast.js";
import { isPlainObject } from "../values/value-equality.js";
import { applyData } from "./data-clauses.js";
import { requireStore } from "./execution-scope.js";
import { keptOutputs, outputOf } from "./output-clause.js";
import { recordLink } from "./record-target.js";
import { createRecord } from "./record-writes.js";
import type { WriteOptions } from "./write-statements.js";

/** The record ids one end names: a record id, a record, or an array of them. */
function endsOf(value: unknown): RecordId[] {
  if (Array.isArray(value)) return value.flatMap(endsOf);
  if (isPlainObject(value) && value["id"] !== undefined) return endsOf(value["id"]);
  const id = recordLink(value);
  if (id === undefined) throw RpcError.validation(`Can not execute RELATE statement using value: ${formatValue(value)}`);
  return [id];
}

/** The edge table and, for a record id, the edge's own key. */
async function edgeOf(expr: Expr, options: WriteOptions): Promise<{ table: string; id?: RecordId | undefined }> {
  const value = expr.kind === "table" ? new Table(expr.name) : await options.evaluate(expr, options.scope);
  if (value instanceof Table) return { table: value.name };
  if (typeof value === "string" && !value.includes(":")) return { table: value };
  const id = recordLink(value);
  if (id !== undefined) return { table: id.table, id };
  throw RpcError.validation(`Can not execute RELATE statement using value: ${formatValue(value)}`);
}

export async function runRelate(statement: RelateStatement, options: WriteOptions): Promise<unknown[]> {
  const store = requireStore(options.scope);
  const from = endsOf(await options.evaluate(statement.from, options.scope));
  const edge = await edgeOf(statement.edge, options);
  const to = endsOf(await options.evaluate(statement.to, options.scope));
  const writes = { store, scope: options.scope, evaluate: options.evaluate };
  const outputs: unknown[] = [];
  for (const source of from) {
    for (const destination of to) {
      const data = await applyData(statement.data, {}, options);
      const content = { ...data, in: source, out: destination };
      const after = await createRecord(writes, { table: edge.table, id: edge.id?.id, content, edge: true });
      outputs.push(await outputOf({ before: NONE, after }, { clause: statement.output, fallback: "after", ...options }));
    }
  }
  return keptOutputs(outputs);
}
