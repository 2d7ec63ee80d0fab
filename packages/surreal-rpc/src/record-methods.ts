// The record methods (select, create, insert, insert_relation, update, upsert, merge, patch,
// delete, relate) over a RecordStore, with SurrealDB 3's parameter messages and result shapes
// (reference sections 3.4 and 12): a record id gives one object or NONE, a table an array, a
// plain-string table given to `create` one object, `insert` always an array.
import { formatValue, NONE, RecordId, type RecordIdKey } from "@baton/codecs";
import { RpcError, type RpcParams } from "@baton/protocol-types/rpc";
import type { RecordStore, SurrealObject, SurrealRecord } from "@baton/record-store";
import { applyPatch, diffValues, parsePatch } from "./json-patch.js";
import { isSingular, recordLink, recordTarget, type RecordTarget } from "./record-target.js";
import { isPlainObject, valuesEqual } from "./value-equality.js";

/** One record method call: the tenant's store, the call's checked parameters and variables in scope. */
export interface RecordCall<Params = readonly unknown[]> {
  readonly store: RecordStore;
  readonly params: Params;
  /** Session variables with the request's own `vars` laid over them. */
  readonly variables: ReadonlyMap<string, unknown>;
}

const isNullish = (value: unknown) => value === undefined || value === null || value === NONE;

function target(call: RecordCall, statement: string, value: unknown): RecordTarget {
  const resolved = recordTarget(value, call.variables);
  if (resolved === undefined) {
    throw RpcError.validation(`Can not execute ${statement} statement using value: ${describe(value)}`);
  }
  return resolved;
}

/** A value as SurrealQL text, for messages. */
function describe(value: unknown): string {
  try {
    return formatValue(value);
  } catch {
    return typeof value;
  }
}

/** The object a CONTENT/MERGE clause takes; NONE and null mean no data. */
function content(value: unknown, clause: string): SurrealObject | undefined {
  if (isNullish(value)) return undefined;
  if (!isPlainObject(value)) throw RpcError.validation(`Can not use ${describe(value)} in a ${clause} clause`);
  return value;
}

/** A record's fields without its id (the store keys records by `id` separately). */
function fieldsOf(record: SurrealRecord): SurrealObject {
  const { id: _id, ...fields } = record;
  return fields;
}

/** The records a table or range target covers, in id order. A missing table is NotFound/Table. */
async function recordsOf(store: RecordStore, selection: Exclude<RecordTarget, { kind: "record" }>): Promise<SurrealRecord[]> {
  return store.scan(selection.table, selection.kind === "range" ? { range: selection.range } : {});
}

/** Applies `change` to one record or every record of a table/range, with SurrealDB's shapes. */
async function eachRecord(
  call: RecordCall,
  options: { what: RecordTarget; change: (record: SurrealRecord) => Promise<unknown> },
): Promise<unknown> {
  const { what, change } = options;
  if (what.kind === "record") {
    const record = await call.store.get(what.id);
    return record === undefined ? NONE : change(record);
  }
  const results: unknown[] = [];
  for (const record of await recordsOf(call.store, what)) results.push(await change(record));
  return results;
}

async function replaceRecord(store: RecordStore, record: SurrealRecord, fields: SurrealObject): Promise<SurrealRecord | typeof NONE> {
  const id = record["id"];
  if (!(id instanceof RecordId)) throw RpcError.validation("Cannot update a record without an id");
  checkContentId(fields, id);
  return (await store.replace(id, fields)) ?? NONE;
}

/**
 * The data's `id`, when it has one, must be the record's own: SurrealDB refuses another with
 * "Found <id> for the `id` field, but a specific record has been specified" (its IdMismatch error,
 * surrealdb core `err/mod.rs`); the same id (as a key or a record id) is fine.
 */
function checkContentId(data: SurrealObject, id: RecordId): void {
  const value = data["id"];
  if (isNullish(value)) return;
  const link = recordLink(value);
  const found = link ?? new RecordId(id.table, value as RecordIdKey);
  if (found.table === id.table && valuesEqual(found.id, id.id)) return;
  throw RpcError.validation(`Found ${describe(found)} for the \`id\` field, but a specific record has been specified`);
}

/** `select [what]`: a record or NONE; a table's (or range's) records. */
export async function selectRecords(call: RecordCall<RpcParams<"select">>): Promise<unknown> {
  const what = target(call, "SELECT", call.params[0]);
  if (what.kind === "record") return (await call.store.get(what.id)) ?? NONE;
  return recordsOf(call.store, what);
}

/** The key an `id` field gives a record of `table`: a plain key, or a RecordId of that table. */
function keyFromField(value: unknown, table: string): RecordIdKey | undefined {
  if (isNullish(value)) return undefined;
  const link = recordLink(value);
  if (link !== undefined) {
    if (link.table !== table) {
      throw RpcError.validation(`Found ${describe(value)} for the id field, but a record id of table '${table}' was expected`);
    }
    return link.id;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || Array.isArray(value) || isPlainObject(value)) {
    return value as RecordIdKey;
  }
  throw RpcError.validation(`Found ${describe(value)} for the id field, which cannot key a record`);
}

/** `create [what, data?]`: a plain string table → one object (ONLY), Table → array of one, RecordId → object. */
export async function createRecords(call: RecordCall<RpcParams<"create">>): Promise<unknown> {
  const [whatParam, dataParam] = call.params;
  const what = target(call, "CREATE", whatParam);
  const data = content(dataParam, "CONTENT") ?? {};
  if (what.kind === "range") throw RpcError.validation("Can not execute CREATE statement using a record range");
  if (what.kind === "record") {
    checkContentId(data, what.id);
    return call.store.insert({ table: what.id.table, id: what.id.id, content: data });
  }
  const created = await call.store.insert({ table: what.table, id: keyFromField(data["id"], what.table), content: data });
  return what.plain ? created : [created];
}

/** The objects of `insert`'s data: one object or an array of them. */
function insertedObjects(data: unknown): SurrealObject[] {
  const list = Array.isArray(data) ? data : [data];
  return list.map((item) => {
    if (!isPlainObject(item)) throw RpcError.validation(`Can not execute INSERT statement using value: ${describe(item)}`);
    return item;
  });
}

/** `insert [into, data]` and `insert_relation [into, data]`: always an array of the new records. */
export async function insertRecords(call: RecordCall<RpcParams<"insert" | "insert_relation">>, options: { relation: boolean }): Promise<unknown[]> {
  const into = isNullish(call.params[0]) ? undefined : target(call, "INSERT", call.params[0]);
  if (into !== undefined && into.kind !== "table") {
    throw RpcError.validation("Can not execute INSERT statement into a record id: give a table");
  }
  const results: unknown[] = [];
  for (const item of insertedObjects(call.params[1])) {
    const fields = options.relation ? withLinks(item) : item;
    if (into === undefined) {
      const id = recordLink(item["id"]);
      if (id === undefined) throw RpcError.validation(`Can not execute INSERT statement without a table: ${describe(item)} has no record id`);
      results.push(await call.store.insert({ table: id.table, id: id.id, content: fields, edge: options.relation }));
    } else {
      const id = keyFromField(item["id"], into.table);
      results.push(await call.store.insert({ table: into.table, id, content: fields, edge: options.relation }));
    }
  }
  return results;
}

/** An edge's fields with `in` and `out` as RecordIds (JSON clients send `t:k` text). */
function withLinks(fields: SurrealObject): SurrealObject {
  const from = recordLink(fields["in"]);
  const to = recordLink(fields["out"]);
  if (from === undefined || to === undefined) {
    throw RpcError.validation(`A relation needs record ids in 'in' and 'out', got ${describe(fields["in"])} and ${describe(fields["out"])}`);
  }
  return { ...fields, in: from, out: to };
}

/** `update`/`upsert [what, data?]`: CONTENT semantics (the record becomes the data, keeping its id). */
export async function updateRecords(call: RecordCall<RpcParams<"update" | "upsert">>, options: { upsert: boolean }): Promise<unknown> {
  const [whatParam, dataParam] = call.params;
  const what = target(call, options.upsert ? "UPSERT" : "UPDATE", whatParam);
  const data = content(dataParam, "CONTENT");
  const change = async (record: SurrealRecord) => (data === undefined ? record : replaceRecord(call.store, record, data));
  if (what.kind === "record" && data !== undefined) checkContentId(data, what.id);
  if (options.upsert && what.kind === "record" && (await call.store.get(what.id)) === undefined) {
    return call.store.insert({ table: what.id.table, id: what.id.id, content: data ?? {} });
  }
  if (options.upsert && what.kind === "table" && (await call.store.table(what.table)) === undefined) {
    return [await call.store.insert({ table: what.table, id: keyFromField(data?.["id"], what.table), content: data ?? {} })];
  }
  return eachRecord(call, { what, change });
}

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

/** `merge [what, data]`. */
export async function mergeRecords(call: RecordCall<RpcParams<"merge">>): Promise<unknown> {
  const [whatParam, dataParam] = call.params;
  const what = target(call, "UPDATE", whatParam);
  const data = content(dataParam, "MERGE");
  if (what.kind === "record" && data !== undefined) checkContentId(data, what.id);
  return eachRecord(call, {
    what,
    change: async (record) => (data === undefined ? record : replaceRecord(call.store, record, mergeObjects(fieldsOf(record), data))),
  });
}

/** `patch [what, ops, diff?]`: RFC 6902 on each record; with `diff` true, the JSON Patch of the change. */
export async function patchRecords(call: RecordCall<RpcParams<"patch">>): Promise<unknown> {
  const [whatParam, opsParam, diffParam] = call.params;
  const what = target(call, "UPDATE", whatParam);
  const ops = isNullish(opsParam) ? [] : parsePatch(opsParam);
  const diff = diffParam === true;
  return eachRecord(call, {
    what,
    change: async (record) => {
      const patched = applyPatch(record, ops);
      if (!isPlainObject(patched)) throw RpcError.validation(`The JSON Patch must leave an object, got ${describe(patched)}`);
      const after = await replaceRecord(call.store, record, fieldsOf(patched));
      return diff ? diffValues(record, after === NONE ? undefined : after) : after;
    },
  });
}

/** `delete [what]`: RETURN BEFORE; a table's deleted records (`[]` when there is no such table). */
export async function deleteRecords(call: RecordCall<RpcParams<"delete">>): Promise<unknown> {
  const what = target(call, "DELETE", call.params[0]);
  if (what.kind === "record") return (await call.store.delete(what.id)) ?? NONE;
  if ((await call.store.table(what.table)) === undefined) return [];
  const deleted: unknown[] = [];
  for (const record of await recordsOf(call.store, what)) {
    const id = record["id"];
    if (id instanceof RecordId) deleted.push((await call.store.delete(id)) ?? record);
  }
  return deleted;
}

/** One end of a relation: a record id, or an array of them. */
function relationEnds(call: RecordCall, value: unknown): { ids: RecordId[]; single: boolean } {
  if (Array.isArray(value)) {
    return { ids: value.map((item) => relationEnds(call, item).ids).flat(), single: false };
  }
  const end = target(call, "RELATE", value);
  if (end.kind !== "record") throw RpcError.validation(`Can not execute RELATE statement using value: ${describe(value)}`);
  return { ids: [end.id], single: isSingular(end) };
}

/** `relate [from, edge, to, data?]`: one edge object when both ends are single, else an array. */
export async function relateRecords(call: RecordCall<RpcParams<"relate">>): Promise<unknown> {
  const [fromParam, edgeParam, toParam, dataParam] = call.params;
  const from = relationEnds(call, fromParam);
  const to = relationEnds(call, toParam);
  const edge = target(call, "RELATE", edgeParam);
  if (edge.kind === "range") throw RpcError.validation("Can not execute RELATE statement using a record range");
  const data = content(dataParam, "CONTENT") ?? {};
  const table = edge.kind === "record" ? edge.id.table : edge.table;
  const edges: unknown[] = [];
  for (const source of from.ids) {
    for (const destination of to.ids) {
      const id = edge.kind === "record" ? edge.id.id : keyFromField(data["id"], table);
      edges.push(await call.store.insert({ table, id, content: { ...data, in: source, out: destination }, edge: true }));
    }
  }
  return from.single && to.single ? (edges[0] ?? NONE) : edges;
}
