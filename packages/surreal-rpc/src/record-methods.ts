// The record methods (select, create, insert, insert_relation, update, upsert, merge, patch,
// delete, relate), each run as the SurrealQL statement it stands for, so the methods and the
// `query` text follow one set of rules. This file keeps what is the methods' own: SurrealDB 3's
// parameter messages and shapes (reference sections 3.4 and 12): a record id gives one object or
// NONE, a table an array, a plain-string table given to `create` one object.
import { formatValue, NONE, RecordId, Table } from "@baton/codecs";
import { RpcError, type RpcParams } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import { executeStatement, isSingular, recordTarget, type DataClause, type Expr, type QueryHost, type RecordTarget, type Statement } from "@baton/surrealql";

/** One record method call: the tenant's store, the call's checked parameters and variables in scope. */
export interface RecordCall<Params = readonly unknown[]> {
  readonly store: RecordStore;
  readonly params: Params;
  /** Session variables with the request's own `vars` laid over them. */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly host: QueryHost;
}

/** Statements built here have no text of their own. */
const SPAN = { start: 0, end: 0 } as const;

const isNullish = (value: unknown) => value === undefined || value === null || value === NONE;
const literal = (value: unknown): Expr => ({ kind: "literal", value });

/** A value as SurrealQL text, for messages. */
function describe(value: unknown): string {
  try {
    return formatValue(value);
  } catch {
    return typeof value;
  }
}

function target(call: RecordCall, statement: string, value: unknown): RecordTarget {
  const resolved = recordTarget(value, call.variables);
  if (resolved === undefined) {
    throw RpcError.validation(`Can not execute ${statement} statement using value: ${describe(value)}`);
  }
  return resolved;
}

/** The value a target stands for in a statement: a Table, a RecordId, or a RecordId over a range. */
function targetValue(what: RecordTarget): unknown {
  switch (what.kind) {
    case "table":
      return new Table(what.table);
    case "record":
      return what.id;
    case "range":
      return new RecordId(what.table, what.range);
  }
}

/** A data clause of `kind` with the method's data, or none when the data is NONE/null. */
function dataClause(kind: "content" | "merge" | "patch", value: unknown): DataClause | undefined {
  return isNullish(value) ? undefined : { kind, value: literal(value) };
}

function run(call: RecordCall, statement: Statement): Promise<unknown> {
  return executeStatement({ statement, store: call.store, host: call.host, variables: call.variables });
}

/** `select [what]`: a record or NONE; a table's (or range's) records. */
export function selectRecords(call: RecordCall<RpcParams<"select">>): Promise<unknown> {
  const what = target(call, "SELECT", call.params[0]);
  return run(call, {
    kind: "select",
    span: SPAN,
    projection: { kind: "fields", items: [{ kind: "all" }] },
    only: isSingular(what),
    from: [literal(targetValue(what))],
  });
}

/** `create [what, data?]`: a plain string table → one object (ONLY), Table → array of one, RecordId → object. */
export function createRecords(call: RecordCall<RpcParams<"create">>): Promise<unknown> {
  const [whatParam, dataParam] = call.params;
  const what = target(call, "CREATE", whatParam);
  if (what.kind === "range") throw RpcError.validation("Can not execute CREATE statement using a record range");
  return run(call, {
    kind: "create",
    span: SPAN,
    only: what.kind === "record" || what.plain,
    targets: [literal(targetValue(what))],
    data: { kind: "content", value: literal(isNullish(dataParam) ? {} : dataParam) },
  });
}

/** `insert [into, data]` and `insert_relation [into, data]`: always an array of the new records. */
export function insertRecords(call: RecordCall<RpcParams<"insert" | "insert_relation">>, options: { relation: boolean }): Promise<unknown> {
  const into = isNullish(call.params[0]) ? undefined : target(call, "INSERT", call.params[0]);
  if (into !== undefined && into.kind !== "table") {
    throw RpcError.validation("Can not execute INSERT statement into a record id: give a table");
  }
  return run(call, {
    kind: "insert",
    span: SPAN,
    relation: options.relation,
    ignore: false,
    into: into === undefined ? undefined : literal(new Table(into.table)),
    data: { kind: "value", value: literal(call.params[1]) },
  });
}

/** UPDATE/UPSERT of a method's target with a data clause (and an output). */
function updateStatement(options: { upsert: boolean; what: RecordTarget; data: DataClause | undefined; diff?: boolean }): Statement {
  return {
    kind: options.upsert ? "upsert" : "update",
    span: SPAN,
    only: isSingular(options.what),
    targets: [literal(targetValue(options.what))],
    data: options.data,
    output: options.diff === true ? { kind: "diff" } : undefined,
  };
}

/** `update`/`upsert [what, data?]`: CONTENT semantics (the record becomes the data, keeping its id). */
export function updateRecords(call: RecordCall<RpcParams<"update" | "upsert">>, options: { upsert: boolean }): Promise<unknown> {
  const [whatParam, dataParam] = call.params;
  const what = target(call, options.upsert ? "UPSERT" : "UPDATE", whatParam);
  return run(call, updateStatement({ upsert: options.upsert, what, data: dataClause("content", dataParam) }));
}

/** `merge [what, data]`. */
export function mergeRecords(call: RecordCall<RpcParams<"merge">>): Promise<unknown> {
  const [whatParam, dataParam] = call.params;
  const what = target(call, "UPDATE", whatParam);
  return run(call, updateStatement({ upsert: false, what, data: dataClause("merge", dataParam) }));
}

/** `patch [what, ops, diff?]`: RFC 6902 on each record; with `diff` true, the JSON Patch of the change. */
export function patchRecords(call: RecordCall<RpcParams<"patch">>): Promise<unknown> {
  const [whatParam, opsParam, diffParam] = call.params;
  const what = target(call, "UPDATE", whatParam);
  return run(call, updateStatement({ upsert: false, what, data: dataClause("patch", opsParam), diff: diffParam === true }));
}

/** `delete [what]`: RETURN BEFORE; a table's deleted records (`[]` when there is no such table). */
export function deleteRecords(call: RecordCall<RpcParams<"delete">>): Promise<unknown> {
  const what = target(call, "DELETE", call.params[0]);
  return run(call, { kind: "delete", span: SPAN, only: isSingular(what), targets: [literal(targetValue(what))], output: { kind: "before" } });
}

/** One end of a relation: a record id, or an array of them. */
function relationEnds(call: RecordCall, value: unknown): { ids: RecordId[]; single: boolean } {
  if (Array.isArray(value)) {
    return { ids: value.map((item) => relationEnds(call, item).ids).flat(), single: false };
  }
  const end = target(call, "RELATE", value);
  if (end.kind !== "record") throw RpcError.validation(`Can not execute RELATE statement using value: ${describe(value)}`);
  return { ids: [end.id], single: true };
}

/** `relate [from, edge, to, data?]`: one edge object when both ends are single, else an array. */
export function relateRecords(call: RecordCall<RpcParams<"relate">>): Promise<unknown> {
  const [fromParam, edgeParam, toParam, dataParam] = call.params;
  const from = relationEnds(call, fromParam);
  const to = relationEnds(call, toParam);
  const edge = target(call, "RELATE", edgeParam);
  if (edge.kind === "range") throw RpcError.validation("Can not execute RELATE statement using a record range");
  return run(call, {
    kind: "relate",
    span: SPAN,
    only: from.single && to.single,
    from: literal(from.single ? from.ids[0] : from.ids),
    edge: literal(targetValue(edge)),
    to: literal(to.single ? to.ids[0] : to.ids),
    unique: false,
    data: dataClause("content", dataParam),
  });
}
