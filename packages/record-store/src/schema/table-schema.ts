// What the store knows about one table: the catalog's columns and key, refined by `_baton_meta`
// (docs/record-model.md, "Metadata: `_baton_meta`").
import type { TableInfo } from "../record-store.js";

/** How a column's values are read and written: the SurrealQL kind it holds naturally. */
export type ColumnKind =
  | "bool"
  | "int"
  | "float"
  | "decimal"
  | "string"
  | "datetime"
  | "duration"
  | "uuid"
  | "bytes"
  | "record"
  | "json";

export interface ColumnInfo {
  readonly name: string;
  /** The declared type as the catalog reports it. */
  readonly sqlType: string;
  readonly kind: ColumnKind;
}

/** One column as a catalog lists it. */
export interface CatalogColumn {
  readonly name: string;
  readonly sqlType: string;
  /** 1-based position in the primary key; 0 when not part of it. */
  readonly keyPosition: number;
}

export interface CatalogTable {
  /** The name as stored (SQLite and MySQL may match another case). */
  readonly name: string;
  readonly columns: readonly CatalogColumn[];
  /** SQLite tables keyed by their rowid alone. */
  readonly rowid: boolean;
}

export interface TableSchema extends TableInfo {
  /** Every visible column (not `_baton_*`, not a SQL table's non-key `id`), by name. */
  readonly columns: ReadonlyMap<string, ColumnInfo>;
  /** The key columns in key order (`id` for Baton tables; `rowid` for SQLite rowid tables). */
  readonly keyColumns: readonly ColumnInfo[];
}

/** Baton's tag column; its presence makes a table a Baton table. */
export const TAGS_COLUMN = "_baton_types";
export const META_TABLE = "_baton_meta";
/** The definitions catalog: the SurrealQL text of each `DEFINE` (definition-catalog.ts). */
export const CATALOG_TABLE = "_baton_catalog";
export const HIDDEN_PREFIX = "_baton_";

export const COLUMN_KINDS: ReadonlySet<string> = new Set<ColumnKind>([
  "bool",
  "int",
  "float",
  "decimal",
  "string",
  "datetime",
  "duration",
  "uuid",
  "bytes",
  "record",
  "json",
]);
