// What a table's definitions ask of every write: SCHEMAFULL tables refuse undefined fields;
// DEFINE FIELD gives defaults, computed values, type checks, assertions and read-only fields;
// UNIQUE indexes refuse a second record with the same values.
import { formatRecordId, formatValue, NONE, RecordId } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RecordStore, StoreCondition, SurrealObject } from "@baton/record-store";
import type { DefineFieldStatement, DefineIndexStatement } from "../syntax/ast.js";
import { isTruthy } from "../values/truthiness.js";
import { coerceValue } from "../values/value-casts.js";
import { valuesEqual } from "../values/value-equality.js";
import { looselyEqual } from "../values/value-equality.js";
import { tableRules } from "./definition-cache.js";
import { deeper, withDocument, type Scope } from "./execution-scope.js";
import type { Evaluate } from "./idiom-walker.js";
import { removeAt, setPath, valueAt } from "./document-paths.js";
import { exprSource, plainPath } from "./projection.js";

/** A write that would give a UNIQUE index a second record with the same values. */
export class UniqueIndexConflict extends RpcError {
  /** The record that already has the values (INSERT … ON DUPLICATE KEY UPDATE updates it). */
  readonly other: RecordId;

  constructor(conflict: { index: string; values: unknown[]; other: RecordId }) {
    const shown = conflict.values.length === 1 ? conflict.values[0] : conflict.values;
    super("INTERNAL", `Database index \`${conflict.index}\` already contains ${formatValue(shown)}, with record \`${formatRecordId(conflict.other)}\``, {
      kind: "AlreadyExists",
      details: { kind: "Index", details: { name: conflict.index } },
    });
    this.other = conflict.other;
  }
}

export interface WriteCheck {
  readonly store: RecordStore;
  readonly table: string;
  /** The record's id, when known before the write (for messages and the unique check). */
  readonly id: RecordId | undefined;
  /** The record before the write; undefined for a new record. */
  readonly before: SurrealObject | undefined;
  /** CONTENT: READONLY fields the data leaves out keep their stored values. */
  readonly keepReadonly?: boolean;
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

const recordText = (check: WriteCheck) => (check.id === undefined ? check.table : formatRecordId(check.id));

async function applyField(rule: DefineFieldStatement, document: SurrealObject, check: WriteCheck): Promise<void> {
  const path = plainPath(rule.field);
  if (path === undefined) return; // Rules on array elements (`tags[*]`) are kept but not enforced.
  const name = path.join(".");
  let value = valueAt(document, path);
  const scope = (current: unknown) => {
    const inner = deeper(withDocument(check.scope, document));
    inner.variables.set("value", current);
    inner.variables.set("before", check.before ?? NONE);
    inner.variables.set("after", document);
    return inner;
  };
  if (rule.default !== undefined && ((value === NONE && check.before === undefined) || rule.defaultAlways) && value === NONE) {
    value = await check.evaluate(rule.default, scope(value));
  }
  if (rule.value !== undefined) value = await check.evaluate(rule.value, scope(value));
  // A READONLY field that CONTENT leaves out keeps its stored value (REPLACE must repeat it).
  if (rule.readonly && check.keepReadonly === true && check.before !== undefined && value === NONE) value = valueAt(check.before, path);
  if (rule.readonly && check.before !== undefined && !valuesEqual(valueAt(check.before, path), value)) {
    throw RpcError.validation(`Found changed value for field \`${name}\`, with record \`${recordText(check)}\`, but field is readonly`);
  }
  if (rule.type !== undefined) value = coerceValue(rule.type, value, `field \`${name}\` of \`${recordText(check)}\``);
  if (rule.assert !== undefined && !isTruthy(await check.evaluate(rule.assert, scope(value)))) {
    throw RpcError.validation(`Found ${formatValue(value)} for field \`${name}\`, with record \`${recordText(check)}\`, but field must conform to: ${exprSource(rule.assert)}`);
  }
  if (value === NONE) removeAt(document, path);
  else setPath(document, path, value);
}

/** A record of the table with the index's values other than the one written, if any. */
async function duplicateOf(index: DefineIndexStatement, document: SurrealObject, check: WriteCheck): Promise<{ values: unknown[]; other: RecordId } | undefined> {
  const paths = index.fields.map((field) => plainPath(field));
  if (paths.some((path) => path === undefined)) return undefined;
  const values = paths.map((path) => valueAt(document, path ?? []));
  if (values.every((value) => value === NONE)) return undefined;
  if ((await check.store.table(check.table)) === undefined) return undefined;
  const pushable = paths.every((path) => path?.length === 1) && values.every((value) => value !== NONE);
  const parts: StoreCondition[] = pushable ? paths.map((path, i) => ({ kind: "compare", field: path?.[0] ?? "", op: "=", value: values[i] })) : [];
  const where: StoreCondition | undefined = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { kind: "and", parts };
  const { records } = await check.store.select(check.table, { where });
  for (const record of records) {
    const other = record["id"];
    if (!(other instanceof RecordId) || (check.id !== undefined && valuesEqual(other, check.id))) continue;
    if (paths.every((path, i) => looselyEqual(valueAt(record, path ?? []), values[i]))) return { values, other };
  }
  return undefined;
}

/** The document as the table's rules make it; throws when a rule refuses it. */
export async function applyFieldRules(document: SurrealObject, check: WriteCheck): Promise<SurrealObject> {
  const rules = await tableRules(check.store, check.table);
  if (rules.table === undefined && rules.fields.length === 0 && rules.indexes.length === 0) return document;
  const result: SurrealObject = { ...document };
  if (rules.table?.schemafull === true) {
    const defined = new Set(rules.fields.map((rule) => plainPath(rule.field)?.[0]));
    for (const field of Object.keys(result)) {
      if (field === "id" || field === "in" || field === "out" || defined.has(field)) continue;
      throw RpcError.validation(`Found field '${field}', but no such field exists for table '${check.table}'`);
    }
  }
  for (const rule of rules.fields) await applyField(rule, result, check);
  // Writers of the same index take its key in turn (in index-name order, so two writers never wait
  // on each other crosswise): the check then sees every record committed before it.
  const unique = rules.indexes.filter((index) => index.unique).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const index of unique) await check.store.lockKey(`unique:${check.table}:${index.name}`);
  for (const index of unique) {
    const duplicate = await duplicateOf(index, result, check);
    if (duplicate !== undefined) throw new UniqueIndexConflict({ index: index.name, values: duplicate.values, other: duplicate.other });
  }
  return result;
}
