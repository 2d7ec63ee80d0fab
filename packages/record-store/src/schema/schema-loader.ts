// A table's schema from the catalog, refined by `_baton_meta` where the annotation still fits
// the catalog (docs/record-model.md, "Record ids", "SQL tables" and "Metadata").
import type { SqlConnection } from "@baton/adapters-kysely";
import type { StoreDialect } from "../dialects/store-dialect.js";
import type { KeyKind } from "../record-store.js";
import { readTableMeta, type TableMeta } from "./meta-annotations.js";
import { HIDDEN_PREFIX, TAGS_COLUMN, type CatalogColumn, type CatalogTable, type ColumnInfo, type TableSchema } from "./table-schema.js";

const NO_META: TableMeta = { fields: new Map() };

/** The schema of `name` as stored (its stored name may differ in case), or undefined. */
export async function loadTable(input: {
  connection: SqlConnection;
  dialect: StoreDialect;
  name: string;
  metaExists: boolean;
}): Promise<TableSchema | undefined> {
  const { connection, dialect, name } = input;
  const catalog = await dialect.catalogTable(connection, name);
  if (catalog === undefined) return undefined;
  const baton = catalog.columns.some((column) => column.name === TAGS_COLUMN);
  const meta = baton && input.metaExists ? await readTableMeta(connection, catalog.name) : NO_META;
  return buildSchema({ dialect, catalog, meta, baton });
}

function buildSchema(input: { dialect: StoreDialect; catalog: CatalogTable; meta: TableMeta; baton: boolean }): TableSchema {
  const { dialect, catalog, meta, baton } = input;
  const info = (column: CatalogColumn): ColumnInfo => {
    const declared = dialect.kindOfType(column.sqlType);
    const annotation = meta.fields.get(column.name);
    const kind = annotation !== undefined && dialect.annotationFits(annotation.sql, column.sqlType) ? annotation.kind : declared;
    return { name: column.name, sqlType: column.sqlType, kind };
  };
  const keyColumns = catalog.columns
    .filter((column) => column.keyPosition > 0)
    .sort((a, b) => a.keyPosition - b.keyPosition)
    .map(info);
  const columns = new Map<string, ColumnInfo>();
  for (const column of catalog.columns) {
    if (column.name.startsWith(HIDDEN_PREFIX)) continue;
    // `id` is the record id: a Baton table's key, or a SQL table's non-key column RPC cannot see.
    if (column.name === "id") continue;
    columns.set(column.name, info(column));
  }
  const edge = meta.edge ?? (columns.has("in") && columns.has("out"));
  if (baton) {
    const id = keyColumns.find((column) => column.name === "id") ?? { name: "id", sqlType: "", kind: "string" as const };
    return { name: catalog.name, origin: "baton", keyKind: meta.key ?? keyKindOfColumn(id), edge, columns, keyColumns: [id] };
  }
  if (keyColumns.length === 0 && catalog.rowid) {
    const rowid: ColumnInfo = { name: "rowid", sqlType: "INTEGER", kind: "int" };
    return { name: catalog.name, origin: "sql", keyKind: "int", edge, columns, keyColumns: [rowid] };
  }
  const [only] = keyColumns;
  const keyKind: KeyKind = only === undefined ? "none" : keyColumns.length > 1 ? "array" : keyKindOfColumn(only);
  return { name: catalog.name, origin: "sql", keyKind, edge, columns, keyColumns };
}

function keyKindOfColumn(column: ColumnInfo): KeyKind {
  if (column.kind === "int") return "int";
  if (column.kind === "uuid") return "uuid";
  if (column.kind === "string" || column.kind === "record") return "string";
  return "array";
}
