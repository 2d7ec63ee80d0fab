// `_baton_meta`: each Baton table's key kind and edge flag, and each column's field kind and the
// SQL type Baton gave it (docs/record-model.md, "Metadata: `_baton_meta`"). It annotates the
// catalog; the catalog stays the truth.
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import type { StoreDialect } from "../dialects/store-dialect.js";
import type { KeyKind } from "../record-store.js";
import { COLUMN_KINDS, META_TABLE, type ColumnKind } from "./table-schema.js";

export interface TableMeta {
  readonly key?: KeyKind;
  readonly edge?: boolean;
  /** Column name → the kind it was made for and the SQL type it was made with. */
  readonly fields: ReadonlyMap<string, { readonly kind: ColumnKind; readonly sql: string }>;
}

const KEY_KINDS: ReadonlySet<string> = new Set(["string", "int", "uuid", "array", "object"]);

async function run(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []) {
  return connection.execute({ sql, args, namedArgs: [], wantRows: true });
}

/** The annotations of one table (empty when there are none). */
export async function readTableMeta(connection: SqlConnection, table: string): Promise<TableMeta> {
  const result = await run(connection, `SELECT item, def FROM ${META_TABLE} WHERE tb = ?`, [table]);
  let key: KeyKind | undefined;
  let edge: boolean | undefined;
  const fields = new Map<string, { kind: ColumnKind; sql: string }>();
  for (const [item, def] of result.rows) {
    const parsed = parseDef(def ?? null);
    if (parsed === undefined) continue;
    if (item === "") {
      if (typeof parsed["key"] === "string" && KEY_KINDS.has(parsed["key"])) key = parsed["key"] as KeyKind;
      if (typeof parsed["edge"] === "boolean") edge = parsed["edge"];
    } else if (typeof item === "string" && item.startsWith("field:")) {
      const { column, kind, sql } = parsed;
      if (typeof column === "string" && typeof kind === "string" && COLUMN_KINDS.has(kind) && typeof sql === "string") {
        fields.set(column, { kind: kind as ColumnKind, sql });
      }
    }
  }
  return { ...(key === undefined ? {} : { key }), ...(edge === undefined ? {} : { edge }), fields };
}

function parseDef(def: SqlValue): Record<string, unknown> | undefined {
  if (typeof def !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(def);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes annotations (creating `_baton_meta` first if needed). */
export async function writeMeta(input: {
  connection: SqlConnection;
  dialect: StoreDialect;
  rows: readonly MetaRow[];
}): Promise<void> {
  const { connection, dialect, rows } = input;
  await run(connection, dialect.createMeta);
  for (const row of rows) await run(connection, dialect.upsertMeta, [row.tb, row.item, JSON.stringify(row.def)]);
}

/** One annotation to write. */
export interface MetaRow {
  readonly tb: string;
  readonly item: string;
  readonly def: Record<string, unknown>;
}

/** The annotation of a table: its key kind and edge flag. */
export const tableItem = (tb: string, key: KeyKind, edge: boolean): MetaRow => ({ tb, item: "", def: { key, edge } });
/** The annotation of a column: the field's kind and the SQL type Baton gave it. */
export const fieldItem = (tb: string, column: { name: string; kind: ColumnKind; sql: string }): MetaRow => ({
  tb,
  item: `field:${column.name}`,
  def: { column: column.name, kind: column.kind, sql: column.sql },
});
