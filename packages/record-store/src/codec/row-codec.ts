// A record as a row and back: one column per top-level field, the key in the key column(s),
// and the row's tags in `_baton_types` (docs/record-model.md, "The one rule").
import type { SqlValue } from "@baton/adapters-kysely";
import { NONE, RecordId } from "@baton/codecs";
import type { StoreDialect } from "../dialects/store-dialect.js";
import { keyFromSql } from "../keys/record-key.js";
import type { SurrealObject, SurrealRecord } from "../record-store.js";
import { TAGS_COLUMN, type ColumnInfo, type TableSchema } from "../schema/table-schema.js";
import { byCodePoint } from "../values/json-image.js";
import { pointerSegment, TagLookup, type TagSink } from "../values/type-tags.js";
import { decodeColumn, encodeColumn } from "./column-codec.js";

/** A value its column cannot hold: the store widens the column or refuses the write. */
export class ColumnConflict extends Error {
  constructor(
    readonly field: string,
    readonly column: ColumnInfo,
    readonly value: unknown,
  ) {
    super(`The column '${column.name}' (${column.sqlType}) cannot hold this value of field '${field}'`);
  }
}

export const fieldPath = (field: string): string => `/${pointerSegment(field)}`;

/** The fields of `content` that are stored (not `id`, not NONE). */
export function storedFields(content: SurrealObject): [string, unknown][] {
  return Object.entries(content).filter(([field, value]) => field !== "id" && value !== NONE && value !== undefined);
}

/**
 * The column values of `content` (every visible column: absent fields are NULL) and the tags
 * column. Fields without a column must have been added first; a `null` needs none (its tag
 * alone says null). Throws ColumnConflict.
 */
export function encodeRow(input: {
  schema: TableSchema;
  dialect: StoreDialect;
  content: SurrealObject;
}): { values: Map<string, SqlValue>; tags: TagSink } {
  const { schema, dialect, content } = input;
  const values = new Map<string, SqlValue>();
  const tags: TagSink = new Map();
  for (const name of schema.columns.keys()) {
    if (!schema.keyColumns.some((key) => key.name === name)) values.set(name, null);
  }
  for (const [field, value] of storedFields(content)) {
    const column = schema.columns.get(field);
    const path = fieldPath(field);
    if (column === undefined) {
      if (value === null) tags.set(path, "null");
      continue;
    }
    const stored = encodeColumn({ dialect, column, path }, value, tags);
    if (stored === undefined) throw new ColumnConflict(field, column, value);
    values.set(field, stored);
  }
  return { values, tags };
}

/** The columns a record is read from, in order: key columns, fields, then tags. */
export function selectColumns(schema: TableSchema): string[] {
  const names = schema.keyColumns.map((column) => column.name);
  for (const name of schema.columns.keys()) if (!names.includes(name)) names.push(name);
  if (schema.origin === "baton") names.push(TAGS_COLUMN);
  return names;
}

/** The record of a row selected with `selectColumns`. */
export function decodeRow(input: { schema: TableSchema; dialect: StoreDialect; row: readonly SqlValue[] }): SurrealRecord {
  const { schema, dialect, row } = input;
  const names = selectColumns(schema);
  const at = (name: string): SqlValue => row[names.indexOf(name)] ?? null;
  const tags = schema.origin === "baton" ? TagLookup.parse(at(TAGS_COLUMN)) : TagLookup.EMPTY;
  const record: SurrealRecord = {};
  const id = recordId(schema, at, dialect);
  if (id !== undefined) record["id"] = id;
  for (const [name, column] of schema.columns) {
    const value = decodeColumn({ dialect, column, path: fieldPath(name) }, at(name), tags);
    if (value !== NONE) record[name] = value;
  }
  for (const field of nullFieldsWithoutColumn(schema, tags)) record[field] = null;
  return sortFields(record);
}

function recordId(schema: TableSchema, at: (name: string) => SqlValue, dialect: StoreDialect): RecordId | undefined {
  if (schema.keyKind === "none") return undefined;
  const [first] = schema.keyColumns;
  if (first === undefined) return undefined;
  if (schema.origin === "sql" && schema.keyKind === "array") {
    return new RecordId(schema.name, schema.keyColumns.map((column) => dialect.read(at(column.name), column)));
  }
  return new RecordId(schema.name, keyFromSql(at(first.name), schema.keyKind));
}

/** Fields whose only trace is a `"null"` tag (a `null` written before the field had a column). */
function nullFieldsWithoutColumn(schema: TableSchema, tags: TagLookup): string[] {
  const fields: string[] = [];
  for (const [path, tag] of tags.entries()) {
    if (tag !== "null" || path.indexOf("/", 1) !== -1) continue;
    const field = path.slice(1).replaceAll("~2", "*").replaceAll("~1", "/").replaceAll("~0", "~");
    if (!schema.columns.has(field) && field !== "id") fields.push(field);
  }
  return fields;
}

function sortFields(record: SurrealRecord): SurrealRecord {
  const sorted: SurrealRecord = {};
  for (const key of Object.keys(record).sort(byCodePoint)) sorted[key] = record[key];
  return sorted;
}
