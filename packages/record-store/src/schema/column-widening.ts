// Widening a Baton column to a kind that holds a conflicting value (docs/record-model.md, "Type
// conflicts", step 2): every existing value is decoded with the old column and written again as
// its image in the new kind, with the tags that image needs, so each old value still reads back
// exactly. The caller decides the transaction (Postgres) or refuses inside one (MySQL).
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { decodeColumn, encodeColumn } from "../codec/column-codec.js";
import { fieldPath } from "../codec/row-codec.js";
import { WIDEN_TAGS_COLUMN, WIDEN_VALUE_COLUMN, type StoreDialect } from "../dialects/store-dialect.js";
import { TagLookup, tagsText, type TagSink } from "../values/type-tags.js";
import { fieldItem, writeMeta } from "./meta-annotations.js";
import { TAGS_COLUMN, type ColumnInfo, type ColumnKind, type TableSchema } from "./table-schema.js";

export interface ColumnWideningInput {
  readonly connection: SqlConnection;
  readonly dialect: StoreDialect;
  readonly schema: TableSchema;
  readonly column: ColumnInfo;
  readonly kind: ColumnKind;
}

/** One row's new stored value and tags for the widened column. */
interface RewrittenRow {
  readonly key: SqlValue;
  readonly value: SqlValue;
  readonly tags: string | null;
}

async function run(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []) {
  return connection.execute({ sql, args, namedArgs: [], wantRows: true });
}

/**
 * Widens `column` of a Baton table to `kind`, annotation first. Postgres: call it inside a
 * transaction (the DDL and the rewrite are atomic with it). MySQL: call it in autocommit.
 */
export async function widenColumn(input: ColumnWideningInput): Promise<void> {
  const { connection, dialect, schema, column, kind } = input;
  const sql = dialect.widening;
  if (sql === undefined || schema.origin !== "baton") {
    throw new RpcError("INTERNAL", `The column '${column.name}' of '${schema.name}' cannot be widened on this database`);
  }
  const widened: ColumnInfo = { name: column.name, sqlType: dialect.columnType(kind), kind };
  const annotate = () => writeMeta({ connection, dialect, rows: [fieldItem(schema.name, { name: column.name, kind, sql: widened.sqlType })] });
  switch (sql.mode) {
    case "retype": {
      await run(connection, sql.lock(schema.name));
      // Another session may have widened the column while this one waited for the lock.
      if (!(await unchanged(input))) return;
      await annotate();
      const rows = await rewrittenRows({ ...input, widened });
      await run(connection, sql.retype({ table: schema.name, column: column.name, kind }));
      await updateRows({ connection, dialect, schema, rows, columns: [column.name, TAGS_COLUMN] });
      return;
    }
    case "copy": {
      if (!(await unchanged(input))) return;
      // The annotation commits before the DDL it describes (`_baton_meta` is not locked below).
      await annotate();
      await run(connection, sql.lock(schema.name));
      try {
        if (!(await unchanged(input))) return;
        // Read under the lock: the column keeps its neighbour, and leftovers are this table's own.
        const catalog = await dialect.catalogTable(connection, schema.name);
        const names = catalog?.columns.map((c) => c.name) ?? [];
        const leftovers = names.filter((name) => name === WIDEN_VALUE_COLUMN || name === WIDEN_TAGS_COLUMN);
        const after = names[names.indexOf(column.name) - 1] ?? "id";
        if (leftovers.length > 0) await run(connection, sql.dropCopies(schema.name, leftovers));
        await run(connection, sql.addCopies({ table: schema.name, kind }));
        await run(connection, `UPDATE ${dialect.quote(schema.name)} SET ${dialect.quote(WIDEN_TAGS_COLUMN)} = ${dialect.quote(TAGS_COLUMN)}`);
        const rows = await rewrittenRows({ ...input, widened });
        await updateRows({ connection, dialect, schema, rows, columns: [WIDEN_VALUE_COLUMN, WIDEN_TAGS_COLUMN] });
        await run(connection, sql.swap({ table: schema.name, column: column.name, kind, after }));
      } finally {
        await run(connection, sql.unlock);
      }
      return;
    }
  }
}

/** Whether the column still has the type the conflict was found with (no other session widened it). */
async function unchanged(input: ColumnWideningInput): Promise<boolean> {
  const { connection, dialect, schema, column } = input;
  const catalog = await dialect.catalogTable(connection, schema.name);
  const now = catalog?.columns.find((c) => c.name === column.name);
  return now !== undefined && now.sqlType === column.sqlType;
}

/** Every row with something at the column (a value, or tags under its path), rewritten for `widened`. */
async function rewrittenRows(input: ColumnWideningInput & { widened: ColumnInfo }): Promise<RewrittenRow[]> {
  const { connection, dialect, schema, column, widened } = input;
  const q = (name: string) => dialect.quote(name);
  const result = await run(connection, `SELECT ${q("id")}, ${q(column.name)}, ${q(TAGS_COLUMN)} FROM ${q(schema.name)}`);
  const path = fieldPath(column.name);
  const rows: RewrittenRow[] = [];
  for (const [key = null, stored = null, tagText = null] of result.rows) {
    const tags = TagLookup.parse(tagText);
    const kept: TagSink = new Map();
    let touched = false;
    for (const [at, tag] of tags.entries()) {
      if (at === path || at.startsWith(`${path}/`)) touched = true;
      else kept.set(at, tag);
    }
    if (stored === null && !touched) continue;
    const value = decodeColumn({ dialect, column, path }, stored, tags);
    let image: SqlValue | undefined = null;
    if (value !== NONE) image = encodeColumn({ dialect, column: widened, path }, value, kept);
    if (image === undefined) {
      throw new RpcError("INTERNAL", `A value of '${schema.name}.${column.name}' has no image in a ${widened.sqlType} column`);
    }
    rows.push({ key, value: image, tags: tagsText(kept) });
  }
  return rows;
}

async function updateRows(input: {
  connection: SqlConnection;
  dialect: StoreDialect;
  schema: TableSchema;
  rows: readonly RewrittenRow[];
  /** The value column, then the tags column, to write. */
  columns: readonly [string, string];
}): Promise<void> {
  const { connection, dialect, schema, rows, columns } = input;
  const q = (name: string) => dialect.quote(name);
  const sql = `UPDATE ${q(schema.name)} SET ${q(columns[0])} = ?, ${q(columns[1])} = ? WHERE ${q("id")} = ?`;
  for (const row of rows) await run(connection, sql, [row.value, row.tags, row.key]);
}
