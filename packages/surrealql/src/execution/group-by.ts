// GROUP BY / GROUP ALL: documents grouped by the group fields' values, each group projected once.
// Aggregate calls (`count()`, `math::sum(age)`, `array::group(tags)`, …) take the group's values;
// any other expression is evaluated on the group's first document (so a group field gives its key).
import { formatValue, NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { Expr, FieldItem, SelectStatement } from "../syntax/ast.js";
import { isTruthy } from "../values/truthiness.js";
import { withDocument, type Scope } from "./execution-scope.js";
import { callFunction } from "./function-caller.js";
import type { Evaluate } from "./idiom-walker.js";
import { setPath } from "./document-paths.js";
import { exprText, plainPath } from "./projection.js";
import { compareValues } from "../values/value-order.js";

/** Functions that, in a grouped projection, take the array of their argument over the group. */
const AGGREGATES: ReadonlySet<string> = new Set([
  "count",
  "math::sum",
  "math::mean",
  "math::max",
  "math::min",
  "math::median",
  "math::mode",
  "math::product",
  "math::stddev",
  "math::variance",
  "math::spread",
  "math::interquartile",
  "math::midhinge",
  "math::trimean",
  "array::group",
  "array::distinct",
  "array::flatten",
  "array::len",
  "time::max",
  "time::min",
]);

interface GroupOptions {
  readonly statement: SelectStatement;
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

/** An expression's value over a group: aggregates over every document, the rest on the first. */
async function groupValue(expr: Expr, group: readonly unknown[], options: GroupOptions): Promise<unknown> {
  const first = withDocument(options.scope, group[0] ?? NONE);
  if (expr.kind === "call" && AGGREGATES.has(expr.name.toLowerCase())) {
    const name = expr.name.toLowerCase();
    const [arg] = expr.args;
    if (name === "count" && arg === undefined) return group.length;
    if (arg === undefined) return callFunction({ name, args: [], scope: first });
    const values: unknown[] = [];
    for (const document of group) values.push(await options.evaluate(arg, withDocument(options.scope, document)));
    if (name === "count") return values.filter(isTruthy).length;
    const rest: unknown[] = [];
    for (const extra of expr.args.slice(1)) rest.push(await options.evaluate(extra, first));
    return callFunction({ name, args: [values, ...rest], scope: first });
  }
  if (expr.kind === "binary") {
    const left = await groupValue(expr.left, group, options);
    const right = await groupValue(expr.right, group, options);
    return options.evaluate({ ...expr, left: { kind: "literal", value: left }, right: { kind: "literal", value: right } }, first);
  }
  return options.evaluate(expr, first);
}

async function projectGroup(items: readonly FieldItem[], group: readonly unknown[], options: GroupOptions): Promise<Record<string, unknown>> {
  const output: Record<string, unknown> = {};
  for (const item of items) {
    if (item.kind === "all") throw RpcError.validation("Baton cannot project * in a grouped SELECT: name the group fields and aggregates");
    const path = item.alias !== undefined ? (plainPath(item.alias) ?? [exprText(item.alias)]) : (plainPath(item.expr) ?? [exprText(item.expr)]);
    setPath(output, path, await groupValue(item.expr, group, options));
  }
  return output;
}

/** The grouped rows, in order of the groups' keys. */
export async function groupRows(documents: readonly unknown[], options: GroupOptions): Promise<unknown[]> {
  const { statement, scope, evaluate } = options;
  const group = statement.group;
  if (group === undefined) return [...documents];
  const groups = new Map<string, { key: unknown[]; documents: unknown[] }>();
  for (const document of documents) {
    const key: unknown[] = [];
    for (const field of group.all ? [] : group.fields) key.push(await evaluate(field, withDocument(scope, document)));
    const text = key.map((value) => formatValue(value)).join("\u0000");
    const entry = groups.get(text) ?? { key, documents: [] };
    entry.documents.push(document);
    groups.set(text, entry);
  }
  const rows: unknown[] = [];
  // SurrealDB answers groups in the order of their keys.
  const ordered = [...groups.values()].sort((a, b) => compareValues(a.key, b.key));
  for (const entry of ordered) {
    if (statement.projection.kind === "value") rows.push(await groupValue(statement.projection.expr, entry.documents, options));
    else rows.push(await projectGroup(statement.projection.items, entry.documents, options));
  }
  return rows;
}
