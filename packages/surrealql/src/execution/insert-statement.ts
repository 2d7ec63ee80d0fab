// INSERT [RELATION] [IGNORE] [INTO t] data [ON DUPLICATE KEY UPDATE …]: one record per object
// (or VALUES row), always an array. A taken id fails the statement, is skipped with IGNORE, or
// is updated by ON DUPLICATE KEY UPDATE (where `$input` is the object that was to be inserted).
import { formatValue, NONE, RecordId, Table, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { SurrealObject, SurrealRecord } from "@baton/record-store";
import { UniqueIndexConflict } from "./field-rules.js";
import type { InsertStatement } from "../syntax/ast.js";
import { applyAssignments } from "./data-clauses.js";
import { setPath } from "./document-paths.js";
import { requireStore, withDocument } from "./execution-scope.js";
import { keptOutputs, outputOf } from "./output-clause.js";
import { plainPath } from "./projection.js";
import { recordLink } from "./record-target.js";
import { createRecord, fieldsOf, keyFromField, replaceRecord, type WriteContext } from "./record-writes.js";
import type { WriteOptions } from "./write-statements.js";
import { isPlainObject } from "../values/value-equality.js";

/** The table INTO names, or undefined without INTO. */
async function intoTable(statement: InsertStatement, options: WriteOptions): Promise<string | undefined> {
  if (statement.into === undefined) return undefined;
  const value = statement.into.kind === "table" ? new Table(statement.into.name) : await options.evaluate(statement.into, options.scope);
  if (value === NONE || value === null) return undefined;
  if (value instanceof Table) return value.name;
  if (typeof value === "string") return value;
  throw RpcError.validation(`Can not execute INSERT statement into ${formatValue(value)}: give a table`);
}

/** The objects to insert: the data value's objects, or one per VALUES row. */
async function insertedObjects(statement: InsertStatement, options: WriteOptions): Promise<SurrealObject[]> {
  const { data } = statement;
  if (data.kind === "values") {
    const paths = data.fields.map((field) => {
      const path = plainPath(field);
      if (path === undefined) throw RpcError.validation("INSERT … VALUES names fields by path (a.b)");
      return path;
    });
    const objects: SurrealObject[] = [];
    for (const row of data.rows) {
      if (row.length !== paths.length) throw RpcError.validation(`Expected ${paths.length} values in each VALUES row, found ${row.length}`);
      const object: SurrealObject = {};
      for (const [index, expr] of row.entries()) setPath(object, paths[index] ?? [], await options.evaluate(expr, options.scope));
      objects.push(object);
    }
    return objects;
  }
  const value = await options.evaluate(data.value, options.scope);
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (!isPlainObject(item)) throw RpcError.validation(`Can not execute INSERT statement using value: ${formatValue(item)}`);
    return item;
  });
}

/** An edge's fields with `in` and `out` as RecordIds (JSON clients send `t:k` text). */
export function withLinks(fields: SurrealObject): SurrealObject {
  const from = recordLink(fields["in"]);
  const to = recordLink(fields["out"]);
  if (from === undefined || to === undefined) {
    throw RpcError.validation(`A relation needs record ids in 'in' and 'out', got ${formatValue(fields["in"] ?? NONE)} and ${formatValue(fields["out"] ?? NONE)}`);
  }
  return { ...fields, in: from, out: to };
}

/** ON DUPLICATE KEY UPDATE: the assignments applied to the record already there, `$input` the new object. */
async function updateDuplicate(
  existing: SurrealRecord,
  options: WriteOptions & { statement: InsertStatement; object: SurrealObject; writes: WriteContext },
): Promise<unknown> {
  const { statement } = options;
  const scope = { ...withDocument(options.scope, existing), variables: options.scope.variables.child([["input", options.object]]) };
  const changed = await applyAssignments(fieldsOf(existing), statement.onDuplicate ?? [], { scope, evaluate: options.evaluate });
  const after = await replaceRecord(options.writes, { before: existing, content: changed });
  return outputOf({ before: existing, after }, { clause: statement.output, fallback: "after", ...options });
}

export async function runInsert(statement: InsertStatement, options: WriteOptions): Promise<unknown[]> {
  const store = requireStore(options.scope);
  const into = await intoTable(statement, options);
  const writes = { store, scope: options.scope, evaluate: options.evaluate };
  const outputs: unknown[] = [];
  for (const object of await insertedObjects(statement, options)) {
    const fields = statement.relation ? withLinks(object) : object;
    let table: string;
    let key: RecordIdKey | undefined;
    if (into === undefined) {
      const id = recordLink(object["id"]);
      if (id === undefined) throw RpcError.validation(`Can not execute INSERT statement without a table: ${formatValue(object)} has no record id`);
      table = id.table;
      key = id.id;
    } else {
      table = into;
      key = keyFromField(object["id"], into);
    }
    const existing = key === undefined ? undefined : await store.get(new RecordId(table, key));
    if (existing === undefined) {
      try {
        const after = await createRecord(writes, { table, id: key, content: fields, edge: statement.relation });
        outputs.push(await outputOf({ before: NONE, after }, { clause: statement.output, fallback: "after", ...options }));
        continue;
      } catch (error) {
        // A UNIQUE index that already holds the values is a duplicate key too.
        if (!(error instanceof UniqueIndexConflict) || (!statement.ignore && statement.onDuplicate === undefined)) throw error;
        const other = await store.get(error.other);
        if (other === undefined) throw error;
        if (statement.ignore) continue;
        outputs.push(await updateDuplicate(other, { statement, object, writes, ...options }));
        continue;
      }
    }
    if (statement.ignore) continue;
    if (statement.onDuplicate === undefined) throw RpcError.recordExists(formatValue(new RecordId(table, key as RecordIdKey)));
    outputs.push(await updateDuplicate(existing, { statement, object, writes, ...options }));
  }
  return keptOutputs(outputs);
}
