// SELECT: documents from the targets (table scans with the WHERE pushed down where the database
// can do it), then WHERE, SPLIT, GROUP, projection, ORDER, START, LIMIT and FETCH, in SurrealDB's
// order. ONLY is applied by the statement runner.
import { formatValue, NONE, type Range } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { Expr, OrderItem, SelectStatement } from "../syntax/ast.js";
import { isTruthy } from "../values/truthiness.js";
import { isPlainObject } from "../values/value-equality.js";
import { compareValues } from "../values/value-order.js";
import { requireStore, withDocument, type Scope } from "./execution-scope.js";
import { groupRows } from "./group-by.js";
import { fetchRecord, type Evaluate } from "./idiom-walker.js";
import { fetchPaths, plainPath, project } from "./projection.js";
import { evaluateTargets, type StatementTarget } from "./statement-targets.js";
import { pushableCondition } from "./store-conditions.js";

export interface StatementOptions {
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

/** A non-negative integer clause (START, LIMIT), with SurrealDB's messages. */
export async function countClause(expr: Expr | undefined, options: StatementOptions & { clause: string }): Promise<number | undefined> {
  if (expr === undefined) return undefined;
  const value = await options.evaluate(expr, options.scope);
  const number = typeof value === "bigint" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 0) {
    throw RpcError.validation(`Found ${formatValue(value)} but the ${options.clause} clause must evaluate to a positive integer`);
  }
  return number;
}

/** The records of a table or range, filtered by what of WHERE the database can evaluate. */
async function scanTable(
  target: { table: string; range?: Range | undefined },
  options: StatementOptions & { where: Expr | undefined; window?: { start?: number | undefined; limit?: number | undefined } },
): Promise<{ records: unknown[]; windowed: boolean }> {
  const store = requireStore(options.scope);
  if ((await store.table(target.table)) === undefined) {
    // A defined table without records has no SQL table yet: it answers no records, not NotFound.
    const defined = await store.definitions({ kind: "table", table: target.table });
    if (defined.length > 0) return { records: [], windowed: false };
  }
  const pushed = pushableCondition(options.where, options.scope);
  const window = pushed.complete ? options.window : undefined;
  const { records, exact } = await store.select(target.table, {
    range: target.range,
    where: pushed.condition,
    start: window?.start,
    limit: window?.limit,
  });
  return { records, windowed: exact && window !== undefined };
}

/** Documents of one target. */
async function documentsOf(target: StatementTarget, options: StatementOptions & { where: Expr | undefined }): Promise<unknown[]> {
  switch (target.kind) {
    case "table":
      return (await scanTable({ table: target.table }, options)).records;
    case "range":
      return (await scanTable({ table: target.table, range: target.range }, options)).records;
    case "record": {
      const record = await fetchRecord(options.scope, target.id);
      return record === NONE ? [] : [record];
    }
    case "value":
      return [target.value];
  }
}

async function filterWhere(documents: unknown[], options: StatementOptions & { where: Expr | undefined }): Promise<unknown[]> {
  if (options.where === undefined) return documents;
  const kept: unknown[] = [];
  for (const document of documents) {
    if (isTruthy(await options.evaluate(options.where, withDocument(options.scope, document)))) kept.push(document);
  }
  return kept;
}

/** SPLIT a: one document per element of each array field. */
function split(documents: unknown[], statement: SelectStatement): unknown[] {
  let rows = documents;
  for (const field of statement.split ?? []) {
    const path = plainPath(field);
    const name = path?.[0];
    if (name === undefined || path?.length !== 1) throw RpcError.validation("Baton splits on top-level fields only");
    rows = rows.flatMap((row) => {
      const value = isPlainObject(row) ? row[name] : undefined;
      return Array.isArray(value) ? (value as unknown[]).map((item): unknown => ({ ...(row as object), [name]: item })) : [row];
    });
  }
  return rows;
}

/** Compares two strings as ORDER BY … COLLATE / NUMERIC do. */
function compareText(a: unknown, b: unknown, item: OrderItem): number | undefined {
  if (typeof a !== "string" || typeof b !== "string") return undefined;
  if (item.numeric === true) return a.localeCompare(b, undefined, { numeric: true, sensitivity: item.collate === true ? "base" : "variant" });
  if (item.collate === true) return a.localeCompare(b, undefined, { sensitivity: "base" });
  return undefined;
}

interface OrderedRow {
  readonly output: unknown;
  readonly keys: unknown[];
}

async function order(rows: { source: unknown; output: unknown }[], options: StatementOptions & { order: SelectStatement["order"] }): Promise<unknown[]> {
  const { order: clause } = options;
  if (clause === undefined) return rows.map((row) => row.output);
  if (clause === "random") {
    const shuffled = rows.map((row) => row.output);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      const held = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = held;
    }
    return shuffled;
  }
  const keyed: OrderedRow[] = [];
  for (const row of rows) {
    // ORDER BY names output fields (aliases) as well as the source's.
    const view = isPlainObject(row.output) && isPlainObject(row.source) ? { ...row.source, ...row.output } : row.output;
    const keys: unknown[] = [];
    for (const item of clause) keys.push(await options.evaluate(item.expr, withDocument(options.scope, view)));
    keyed.push({ output: row.output, keys });
  }
  keyed.sort((a, b) => {
    for (const [index, item] of clause.entries()) {
      const left = a.keys[index];
      const right = b.keys[index];
      const compared = compareText(left, right, item) ?? compareValues(left, right);
      if (compared !== 0) return item.descending ? -compared : compared;
    }
    return 0;
  });
  return keyed.map((row) => row.output);
}

/** SELECT's value: an array of rows (the runner applies ONLY). */
export async function runSelect(statement: SelectStatement, options: StatementOptions): Promise<unknown[]> {
  const { scope, evaluate } = options;
  const targets = await evaluateTargets(statement.from, { scope, evaluate, stringsAreTables: false });
  const start = await countClause(statement.start, { ...options, clause: "START" });
  const limit = await countClause(statement.limit, { ...options, clause: "LIMIT" });
  // One table with nothing between WHERE and the window: START and LIMIT can go to the database.
  const [only] = targets;
  const simple = targets.length === 1 && only?.kind === "table" && statement.split === undefined && statement.group === undefined && statement.order === undefined;
  let documents: unknown[];
  let windowed = false;
  if (simple) {
    const scanned = await scanTable({ table: only.table }, { ...options, where: statement.where, window: { start, limit } });
    documents = scanned.records;
    windowed = scanned.windowed;
  } else {
    documents = [];
    for (const target of targets) documents.push(...(await documentsOf(target, { ...options, where: statement.where })));
  }
  documents = split(await filterWhere(documents, { ...options, where: statement.where }), statement);
  let rows: { source: unknown; output: unknown }[];
  if (statement.group !== undefined) {
    rows = (await groupRows(documents, { statement, scope, evaluate })).map((output) => ({ source: output, output }));
  } else {
    rows = [];
    for (const document of documents) rows.push({ source: document, output: await project(statement.projection, document, options) });
  }
  let outputs = await order(rows, { ...options, order: statement.order });
  if (!windowed) outputs = outputs.slice(start ?? 0, limit === undefined ? undefined : (start ?? 0) + limit);
  if (statement.fetch !== undefined && statement.fetch.length > 0) {
    const fetchedRows: unknown[] = [];
    for (const row of outputs) fetchedRows.push(await fetchPaths(row, statement.fetch, options));
    outputs = fetchedRows;
  }
  return outputs;
}
