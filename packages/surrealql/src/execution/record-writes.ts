// Writing one record the way every write statement does: the table's rules applied, the id in
// the data checked against the record's, then the record store's insert or replace.
import { formatValue, NONE, RecordId, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RecordStore, SurrealObject, SurrealRecord } from "@baton/record-store";
import { isPlainObject, valuesEqual } from "../values/value-equality.js";
import type { Scope } from "./execution-scope.js";
import { applyFieldRules } from "./field-rules.js";
import type { Evaluate } from "./idiom-walker.js";
import { recordLink } from "./record-target.js";

export interface WriteContext {
  readonly store: RecordStore;
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

const isNullish = (value: unknown) => value === undefined || value === null || value === NONE;

/** A record's fields without its id (the store keys records by `id` separately). */
export function fieldsOf(record: SurrealRecord): SurrealObject {
  const { id: _id, ...fields } = record;
  return fields;
}

/** The key an `id` field gives a record of `table`: a plain key, or a RecordId of that table. */
export function keyFromField(value: unknown, table: string): RecordIdKey | undefined {
  if (isNullish(value)) return undefined;
  const link = recordLink(value);
  if (link !== undefined) {
    if (link.table !== table) {
      throw RpcError.validation(`Found ${formatValue(value)} for the id field, but a record id of table '${table}' was expected`);
    }
    return link.id;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || Array.isArray(value) || isPlainObject(value)) {
    return value as RecordIdKey;
  }
  throw RpcError.validation(`Found ${formatValue(value)} for the id field, which cannot key a record`);
}

/**
 * The data's `id`, when it has one, must be the record's own: SurrealDB refuses another with
 * "Found <id> for the `id` field, but a specific record has been specified" (its IdMismatch error);
 * the same id (as a key or a record id) is fine.
 */
export function checkContentId(data: SurrealObject, id: RecordId): void {
  const value = data["id"];
  if (isNullish(value)) return;
  const link = recordLink(value);
  const found = link ?? new RecordId(id.table, value as RecordIdKey);
  if (found.table === id.table && valuesEqual(found.id, id.id)) return;
  throw RpcError.validation(`Found ${formatValue(found)} for the \`id\` field, but a specific record has been specified`);
}

/** Creates a record of `table` (key from `id`, else from the data's `id`, else generated). */
export async function createRecord(
  context: WriteContext,
  input: { table: string; id?: RecordIdKey | undefined; content: SurrealObject; edge?: boolean },
): Promise<SurrealRecord> {
  const key = input.id ?? keyFromField(input.content["id"], input.table);
  const id = key === undefined ? undefined : new RecordId(input.table, key);
  if (id !== undefined) checkContentId(input.content, id);
  const content = await applyFieldRules(input.content, { ...context, table: input.table, id, before: undefined });
  return context.store.insert({ table: input.table, id: key, content, edge: input.edge === true });
}

/** Replaces an existing record's fields with `content` (its id kept); NONE when it has gone. */
export async function replaceRecord(
  context: WriteContext,
  input: { before: SurrealRecord; content: SurrealObject; keepReadonly?: boolean },
): Promise<SurrealRecord | typeof NONE> {
  const id = input.before["id"];
  if (!(id instanceof RecordId)) throw RpcError.validation("Cannot update a record without an id");
  checkContentId(input.content, id);
  const checked = await applyFieldRules(input.content, { ...context, table: id.table, id, before: input.before, keepReadonly: input.keepReadonly === true });
  return (await context.store.replace(id, fieldsOf(checked))) ?? NONE;
}
