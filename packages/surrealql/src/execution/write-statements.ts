// CREATE, UPDATE, UPSERT and DELETE over their targets, with SurrealDB's rules: CREATE makes one
// record per target, UPDATE never creates, UPSERT creates what is missing, DELETE returns nothing
// unless asked (RETURN BEFORE). Each gives an array; the runner applies ONLY.
import { formatValue, NONE, RecordId, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { randomStringKey, uuidV7, type SurrealRecord } from "@baton/record-store";
import type { CreateStatement, DeleteStatement, Expr, UpdateStatement, UpsertStatement } from "../syntax/ast.js";
import { isTruthy } from "../values/truthiness.js";
import { applyData } from "./data-clauses.js";
import { requireStore, withDocument, type Scope } from "./execution-scope.js";
import type { Evaluate } from "./idiom-walker.js";
import { keptOutputs, outputOf } from "./output-clause.js";
import { createRecord, fieldsOf, keyFromField, replaceRecord, type WriteContext } from "./record-writes.js";
import { evaluateTargets, type StatementTarget } from "./statement-targets.js";
import { pushableCondition } from "./store-conditions.js";

export interface WriteOptions {
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

function refuse(statement: string, target: StatementTarget): never {
  const shown = target.kind === "value" ? formatValue(target.value) : target.kind === "range" ? `a record range of ${target.table}` : formatValue(target);
  throw RpcError.validation(`Can not execute ${statement} statement using value: ${shown}`);
}

function context(options: WriteOptions): WriteContext {
  return { store: requireStore(options.scope), scope: options.scope, evaluate: options.evaluate };
}

/** The existing records a target covers that pass WHERE (a missing table covers none). */
async function matching(target: StatementTarget, options: WriteOptions & { where: Expr | undefined; statement: string }): Promise<SurrealRecord[]> {
  const store = requireStore(options.scope);
  let records: SurrealRecord[];
  switch (target.kind) {
    case "record": {
      const record = await store.get(target.id);
      records = record === undefined ? [] : [record];
      break;
    }
    case "table":
    case "range": {
      if ((await store.table(target.table)) === undefined) return [];
      const pushed = pushableCondition(options.where, options.scope);
      records = (await store.select(target.table, { range: target.kind === "range" ? target.range : undefined, where: pushed.condition })).records;
      break;
    }
    case "value":
      return refuse(options.statement, target);
  }
  if (options.where === undefined) return records;
  const kept: SurrealRecord[] = [];
  for (const record of records) {
    if (isTruthy(await options.evaluate(options.where, withDocument(options.scope, record)))) kept.push(record);
  }
  return kept;
}

/**
 * A new record for a table or record target, its data clause applied to a document that already
 * has its id, so SET expressions see it (`SET tb = record::tb(id)`). A table's key is generated
 * here when the table's keys are generated strings or UUIDs; an id in CONTENT still wins.
 */
async function createFromData(
  target: Extract<StatementTarget, { kind: "table" | "record" }>,
  options: WriteOptions & { statement: CreateStatement | UpdateStatement | UpsertStatement; writes: WriteContext },
): Promise<SurrealRecord> {
  const table = target.kind === "table" ? target.table : target.id.table;
  const key = target.kind === "record" ? target.id.id : await generatedKey(options.writes, table);
  const base = key === undefined ? {} : { id: new RecordId(table, key) };
  const content = await applyData(options.statement.data, base, options);
  const own = content["id"];
  const id = own !== undefined && own !== NONE && target.kind === "table" ? keyFromField(own, table) : key;
  return createRecord(options.writes, { table, id, content });
}

/** The key a new record of `table` gets when none is given (undefined: the store picks, e.g. int keys). */
async function generatedKey(writes: WriteContext, table: string): Promise<RecordIdKey | undefined> {
  const info = await writes.store.table(table);
  if (info === undefined || info.keyKind === "string") return randomStringKey();
  if (info.keyKind === "uuid") return uuidV7();
  return undefined;
}

export async function runCreate(statement: CreateStatement, options: WriteOptions): Promise<unknown[]> {
  const targets = await evaluateTargets(statement.targets, { ...options, stringsAreTables: true });
  const outputs: unknown[] = [];
  for (const target of targets) {
    if (target.kind !== "table" && target.kind !== "record") refuse("CREATE", target);
    const after = await createFromData(target, { statement, writes: context(options), ...options });
    outputs.push(await outputOf({ before: NONE, after }, { clause: statement.output, fallback: "after", ...options }));
  }
  return keptOutputs(outputs);
}

/** UPDATE and UPSERT: change every matching record; UPSERT creates a missing record or, for a table no record of which matched, one new record. */
export async function runUpdate(statement: UpdateStatement | UpsertStatement, options: WriteOptions): Promise<unknown[]> {
  const upsert = statement.kind === "upsert";
  const name = upsert ? "UPSERT" : "UPDATE";
  const targets = await evaluateTargets(statement.targets, { ...options, stringsAreTables: true });
  const writes = context(options);
  const outputs: unknown[] = [];
  const output = async (before: unknown, after: unknown) =>
    outputs.push(await outputOf({ before, after }, { clause: statement.output, fallback: "after", ...options }));
  for (const target of targets) {
    // UPSERT of a whole table without WHERE makes a new record, as CREATE would (SurrealDB docs).
    const records = upsert && target.kind === "table" && statement.where === undefined ? [] : await matching(target, { ...options, where: statement.where, statement: name });
    if (records.length === 0 && upsert && target.kind !== "value") {
      if (target.kind === "range") continue;
      const after = await createFromData(target, { statement, writes, ...options });
      await output(NONE, after);
      continue;
    }
    for (const before of records) {
      const scope = { ...withDocument(options.scope, before), variables: options.scope.variables.child([["before", before]]) };
      const changed = await applyData(statement.data, fieldsOf(before), { ...options, scope });
      // The data's own `id` (CONTENT { id: … }) must name this record: replaceRecord checks it.
      const after = await replaceRecord(writes, { before, content: changed, keepReadonly: statement.data?.kind === "content" });
      await output(before, after);
    }
  }
  return keptOutputs(outputs);
}

export async function runDelete(statement: DeleteStatement, options: WriteOptions): Promise<unknown[]> {
  const targets = await evaluateTargets(statement.targets, { ...options, stringsAreTables: true });
  const store = requireStore(options.scope);
  const outputs: unknown[] = [];
  for (const target of targets) {
    for (const record of await matching(target, { ...options, where: statement.where, statement: "DELETE" })) {
      const id = record["id"];
      if (!(id instanceof RecordId)) continue;
      const before = (await store.delete(id)) ?? record;
      outputs.push(await outputOf({ before, after: NONE }, { clause: statement.output, fallback: "none", ...options }));
    }
  }
  return keptOutputs(outputs);
}
