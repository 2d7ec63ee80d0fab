// What differs between databases in the record model: DDL, column types, catalog queries and the
// natural stored form of each value kind (docs/record-model.md, "Summary"). One implementation per
// database; everything else in the store is shared.
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import type { KeyKind } from "../record-store.js";
import type { ValueClass } from "../query/comparators.js";
import type { Fragment } from "../query/sql-fragment.js";
import type { CatalogTable, ColumnInfo, ColumnKind } from "../schema/table-schema.js";

export interface CreateTableInput {
  readonly table: string;
  readonly keyKind: KeyKind;
  readonly edge: boolean;
  /** Columns made with the table (its first record's fields). */
  readonly columns: readonly { readonly name: string; readonly kind: ColumnKind }[];
  /** The server's `VERSION()` (MySQL: chooses the key collation). */
  readonly serverVersion?: string | undefined;
}

/**
 * How a Baton column changes kind (docs/record-model.md, "Type conflicts", step 2). The store
 * reads every row, decodes the old value, and writes its image in the new kind with new tags.
 * - `retype` (Postgres, transactional DDL): lock the table, retype the column in place emptied
 *   (`USING NULL`), then rewrite each row, all inside one transaction.
 * - `copy` (MySQL/MariaDB, where DDL commits): under a table lock, fill two hidden columns with
 *   the new values and tags, then swap them in with one ALTER; until the swap the old column and
 *   tags stay whole, so an interruption leaves the table as it was plus hidden leftovers.
 */
export type ColumnWideningSql =
  | {
      readonly mode: "retype";
      lock(table: string): string;
      retype(input: { table: string; column: string; kind: ColumnKind }): string;
    }
  | {
      readonly mode: "copy";
      lock(table: string): string;
      readonly unlock: string;
      /** Drops hidden copy columns an interrupted widening left behind (`present` of them). */
      dropCopies(table: string, present: readonly string[]): string;
      addCopies(input: { table: string; kind: ColumnKind }): string;
      /** Replaces `column` and the tags column by their copies; `after` is the column `column` follows. */
      swap(input: { table: string; column: string; kind: ColumnKind; after: string }): string;
    };

/** The hidden columns a `copy` widening fills: the new values, then the new tags. */
export const WIDEN_VALUE_COLUMN = "_baton_widen";
export const WIDEN_TAGS_COLUMN = "_baton_widen_types";

/**
 * How a condition on a field becomes SQL on one database (docs/record-model.md, "Filter
 * pushdown"). Every fragment is two-valued; undefined where the dialect cannot say it exactly.
 */
export interface FilterSql {
  /** The row has no type tag at `key` (a JSON Pointer, `/name`) in `_baton_types`. */
  untagged(key: string): Fragment | undefined;
  /** The row's type tag at `key` is `"null"`. */
  nullTagged(key: string): Fragment | undefined;
  /** What the untagged, non-NULL values of `column` can be, where SQL can tell and compare them. */
  valueClasses(column: ColumnInfo): readonly ValueClass[];
}

/**
 * How `RecordStore.lockKey` serialises the transactions that take the same key until each ends
 * (docs/record-model.md, "Key locks"):
 * - `serialised`: writers are serialised already (SQLite's BEGIN IMMEDIATE): nothing to take.
 * - `advisory`: `take` (one parameter, the key) takes a lock released when the transaction ends;
 *   each later statement of a READ COMMITTED transaction sees what the holder committed (Postgres).
 * - `row`: `take` locks the key's row of `_baton_locks` to the end of the transaction; the row is
 *   made beforehand on a side connection, committed at once (`createTable`, `hasKey`, `addKey`).
 *   Plain reads keep the transaction's REPEATABLE READ snapshot, so `select` appends
 *   `lockingRead` while the transaction holds a key: it reads the latest committed rows (MySQL).
 */
export type KeyLockSql =
  | { readonly mode: "serialised" }
  | { readonly mode: "advisory"; readonly take: string }
  | {
      readonly mode: "row";
      readonly createTable: string;
      readonly hasKey: string;
      readonly addKey: string;
      readonly take: string;
      readonly lockingRead: string;
    };

export interface StoreDialect {
  readonly name: "sqlite" | "postgres" | "mysql";
  /** A quoted identifier. */
  quote(name: string): string;
  /** The type of a new column of `kind`, as written in DDL. */
  columnType(kind: ColumnKind): string;
  /** The kind a declared column type holds (how a SQL table's column is read). */
  kindOfType(sqlType: string): ColumnKind;
  /** The statements that create a Baton table. */
  /** Whether a `_baton_meta` annotation made with type `annotation` still describes a column declared `declared`. */
  annotationFits(annotation: string, declared: string): boolean;
  createTable(input: CreateTableInput): string[];
  addColumn(input: { table: string; column: string; kind: ColumnKind }): string;
  /** An ADD COLUMN failure meaning another writer added the column first (tolerated), if the DDL cannot say IF NOT EXISTS. */
  readonly duplicateColumn?: RegExp;
  /** Creates `_baton_meta` if missing. */
  readonly createMeta: string;
  /** Upserts one `_baton_meta` row; parameters `tb`, `item`, `def`. */
  readonly upsertMeta: string;
  /** Creates `_baton_catalog` if missing (MySQL: with the key collation of `serverVersion`). */
  createCatalog(serverVersion: string | undefined): string;
  /** Upserts one definition; parameters `kind`, `tb`, `name`, `text`. */
  readonly upsertDefinition: string;
  /** The names of the tenant's tables and views, Baton's own included. */
  tableNames(connection: SqlConnection): Promise<string[]>;
  /** The table named `name` (any case where the database folds it), or undefined. */
  catalogTable(connection: SqlConnection, name: string): Promise<CatalogTable | undefined>;
  /** Whether table names differing only in case name the same table. */
  readonly foldsTableCase: boolean;
  /** Whether column names differing only in case name the same column. */
  readonly foldsColumnCase: boolean;
  /** Longest table or column name. */
  readonly maxNameLength: number;
  /**
   * The natural stored form of a scalar `value` in `column` (its conversion where the kinds
   * differ), or undefined when the column cannot hold it.
   */
  write(value: unknown, column: ColumnInfo): SqlValue | undefined;
  /** The value the database will hand back for `stored` (SQLite's column affinity); else `stored`. */
  settle(stored: SqlValue, column: ColumnInfo): SqlValue;
  /**
   * The expression a column is selected with, where its plain value would not say what it holds
   * (MySQL `TIMESTAMP`: the session's zone); absent or undefined: the quoted column.
   */
  selectExpression?(column: ColumnInfo): string | undefined;
  /** The placeholder a written value of the column binds to, the counterpart of `selectExpression`; absent: `?`. */
  placeholder?(column: ColumnInfo): string;
  /** The untagged reading of a stored value (never NULL: callers handle it). */
  read(stored: SqlValue, column: ColumnInfo): unknown;
  /**
   * Moves a table's key generator past its largest key, where explicit keys do not advance it
   * (Postgres identities); absent where the database does so itself (AUTO_INCREMENT, rowid).
   */
  resetIdentity?(input: { table: string; column: string }): string;
  /** How a generated integer key is returned. */
  readonly insertedKey: "returning" | "lastInsertRowid";
  /** The statement that opens a transaction. */
  readonly beginStatement: string;
  /** Opens a transaction that only reads: no write lock (SQLite), read only where the database has it. */
  readonly beginReadStatement: string;
  /**
   * A statement, its one parameter a table name, that serialises Baton's schema changes to that
   * table until the transaction ends, where concurrent `CREATE … IF NOT EXISTS` or `ADD COLUMN`
   * of the same name would collide (Postgres); absent where the database serialises them itself.
   */
  readonly schemaLock?: string;
  /** How `RecordStore.lockKey` takes a key. */
  readonly keyLock: KeyLockSql;
  /** Whether DDL commits an open transaction (MySQL), so it must run on another connection. */
  readonly ddlCommits: boolean;
  /** How conditions on fields become SQL. */
  readonly filter: FilterSql;
  /** How columns widen; undefined where every column holds every value (SQLite storage classes). */
  readonly widening: ColumnWideningSql | undefined;
}
