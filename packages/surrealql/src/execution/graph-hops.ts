// One graph hop (`->knows`, `<-knows`, `<->knows`, `->person`) over edge tables, whose records
// carry `in` and `out` links (docs/record-model.md, "Edges"). From a record, a hop finds its edges;
// from an edge, it follows `out` (->) or `in` (<-) to the record at that end.
import { RecordId } from "@baton/codecs";
import type { RecordStore } from "@baton/record-store";
import type { Expr, IdiomPart } from "../syntax/ast.js";
import { isTruthy } from "../values/truthiness.js";
import { isPlainObject, valuesEqual } from "../values/value-equality.js";
import { requireStore, withDocument, type Scope } from "./execution-scope.js";

type GraphPart = Extract<IdiomPart, { kind: "graph" }>;

export interface GraphHop {
  /** A record id, a record (its `id`), or an array of them. */
  readonly from: unknown;
  readonly part: GraphPart;
  readonly scope: Scope;
  readonly evaluate: (expr: Expr, scope: Scope) => Promise<unknown>;
}

/** The ids of `from`'s outgoing (`out`) or incoming (`in`) edges in `table`. */
async function edgesOf(store: RecordStore, options: { table: string; end: "in" | "out"; id: RecordId }): Promise<RecordId[]> {
  const { table, end, id } = options;
  if ((await store.table(table)) === undefined) return [];
  const { records } = await store.select(table, { where: { kind: "compare", field: end, op: "=", value: id } });
  const ids: RecordId[] = [];
  for (const record of records) {
    const recordId = record["id"];
    if (recordId instanceof RecordId && valuesEqual(record[end], id)) ids.push(recordId);
  }
  return ids;
}

/** Record ids among `value` (a record id, a record, or arrays of them, at any depth). */
function startingPoints(value: unknown, into: RecordId[] = []): RecordId[] {
  if (value instanceof RecordId) into.push(value);
  else if (Array.isArray(value)) for (const item of value) startingPoints(item, into);
  else if (isPlainObject(value) && value["id"] instanceof RecordId) into.push(value["id"]);
  return into;
}

/** The ids one hop reaches from `from`, in order (an end reached by two edges appears twice). */
export async function graphHop(hop: GraphHop): Promise<RecordId[]> {
  const { part, scope } = hop;
  const store = requireStore(scope);
  const reached: RecordId[] = [];
  for (const id of startingPoints(hop.from)) {
    const info = await store.table(id.table);
    if (info?.edge === true) {
      // From an edge to the record at its end.
      const edge = await store.get(id);
      if (edge === undefined) continue;
      const ends = part.direction === "out" ? [edge["out"]] : part.direction === "in" ? [edge["in"]] : [edge["in"], edge["out"]];
      for (const end of ends) {
        if (end instanceof RecordId && (part.tables.length === 0 || part.tables.includes(end.table))) reached.push(end);
      }
      continue;
    }
    // From a record to its edges: `->e` finds edges whose `in` is the record, `<-e` whose `out` is.
    const tables = part.tables.length > 0 ? part.tables : (await store.tables()).filter((table) => table.edge).map((table) => table.name);
    for (const table of tables) {
      if (part.direction !== "in") reached.push(...(await edgesOf(store, { table, end: "in", id })));
      if (part.direction !== "out") reached.push(...(await edgesOf(store, { table, end: "out", id })));
    }
  }
  if (part.condition === undefined) return reached;
  const kept: RecordId[] = [];
  for (const id of reached) {
    const record = await store.get(id);
    if (record !== undefined && isTruthy(await hop.evaluate(part.condition, withDocument(scope, record)))) kept.push(id);
  }
  return kept;
}
