// The contract of the record model: SurrealDB records stored as rows of SQL tables
// (docs/record-model.md). The RPC handler and, later, the SurrealQL compiler speak only this.
import type { Range, RecordId, RecordIdKey } from "@baton/codecs";

/**
 * A SurrealDB value as Baton holds it in memory:
 * - `null` is SurrealQL NULL; `NONE` (from @baton/codecs) is NONE. A field whose value is NONE is
 *   absent from a record, never stored.
 * - booleans, strings;
 * - numbers: an integral JS number is an int, any other a float (NaN and ±Infinity are floats);
 *   `bigint` is an int beyond ±(2^53 − 1). Readers return `number` whenever it is exact.
 * - `Uint8Array` bytes; `Set` a set; arrays; plain objects (string keys);
 * - the value classes of @baton/codecs: Table, Decimal, Uuid, RecordId, Range, Datetime,
 *   Duration, Geometry*. (StringRecordId never reaches the store: callers parse it first.)
 */
export type SurrealValue = unknown;

/** A record's content: field name to value. */
export type SurrealObject = { [field: string]: SurrealValue };

/** A record as stored and read back: its fields, with `id` the RecordId (absent only for keyless SQL tables). */
export type SurrealRecord = SurrealObject;

/** How a table keys its records (docs/record-model.md, "Record ids"). */
export type KeyKind = "string" | "int" | "uuid" | "array" | "object" | "none";

export interface TransactionOptions {
  /**
   * The work only reads: a new transaction takes no write lock (SQLite) and is read only where
   * the database has the notion. Ignored inside the caller's open transaction.
   */
  readonly readOnly?: boolean;
}

export interface ScanOptions {
  /** A record-id range (`t:1..=5`): only keys inside it. */
  readonly range?: Range | undefined;
}

/**
 * A schema change a MySQL/MariaDB transaction needed and could not make (DDL would commit it):
 * what `RecordStore.prepare` makes outside the transaction before the caller runs it again.
 */
export type PendingSchema = PendingColumns | PendingCatalog | PendingDrop;

/**
 * A condition on a record, as SurrealQL evaluates it: `field` is a top-level field name (an
 * absent field is NONE) or "id" (compared with a RecordId of the table). `value` is a literal.
 */
export type StoreCondition =
  | { readonly kind: "compare"; readonly field: string; readonly op: "=" | "!=" | "<" | "<=" | ">" | ">="; readonly value: SurrealValue }
  | { readonly kind: "and" | "or"; readonly parts: readonly StoreCondition[] }
  | { readonly kind: "not"; readonly part: StoreCondition };

export interface SelectOptions {
  /** A record-id range (`t:1..=5`): only keys inside it. */
  readonly range?: Range | undefined;
  readonly where?: StoreCondition | undefined;
  /** Records to skip (SurrealQL `START`). */
  readonly start?: number | undefined;
  /** Records to return at most (SurrealQL `LIMIT`). */
  readonly limit?: number | undefined;
}

export interface SelectResult {
  /** In id order. */
  readonly records: SurrealRecord[];
  /**
   * True: exactly the records matching `where`, after `start` and `limit`. False: a superset of
   * the matching records (none is ever missing), `start` and `limit` not applied.
   */
  readonly exact: boolean;
}

/** A table and content whose columns must exist before a write can run. */
export interface PendingColumns {
  readonly kind?: "columns";
  readonly table: string;
  readonly id?: RecordIdKey | undefined;
  readonly content: SurrealObject;
  readonly edge?: boolean;
}

/** The definitions catalog (`_baton_catalog`) must exist before a definition can be written. */
export interface PendingCatalog {
  readonly kind: "catalog";
}

/**
 * The table must be dropped (with its annotations and definitions). Prepared, the drop has
 * happened: the store's next `dropTable` of that name answers true without dropping anything.
 */
export interface PendingDrop {
  readonly kind: "drop";
  readonly table: string;
}

/** What a SurrealQL `DEFINE` statement defines. */
export type DefinitionKind = "table" | "field" | "index" | "function" | "param";

/**
 * One stored definition: the SurrealQL text of a `DEFINE` statement, keyed by kind, table and
 * name. `table` is the table a table, field or index definition belongs to (a table's own
 * definition has `table` and `name` both its name) and "" for functions and params.
 */
export interface Definition {
  readonly kind: DefinitionKind;
  readonly table: string;
  readonly name: string;
  readonly text: string;
}

/** Which definitions to list: every one, or those of one kind and/or one table. */
export interface DefinitionFilter {
  readonly kind?: DefinitionKind | undefined;
  readonly table?: string | undefined;
}

/** The key of one definition. */
export interface DefinitionKey {
  readonly kind: DefinitionKind;
  readonly table: string;
  readonly name: string;
}

export interface TableInfo {
  readonly name: string;
  /** "baton": made by RPC (has `_baton_types`); "sql": any other table, used as it is. */
  readonly origin: "baton" | "sql";
  readonly keyKind: KeyKind;
  /** An edge table (has link columns `in` and `out`). */
  readonly edge: boolean;
}

/**
 * The records of one tenant, over one checked-out connection. Calls run one at a time. The store
 * never begins or commits on its own account except where a schema change needs it (see the
 * design note); callers wrap a method's reads and writes in `transaction`.
 */
export interface RecordStore {
  /** The table, or undefined when it does not exist (`_baton_*` tables never exist to RPC). */
  table(name: string): Promise<TableInfo | undefined>;
  /**
   * The records of a table, ordered by id (only those whose key lies in `range`, when given);
   * RpcError NotFound/Table when the table does not exist.
   */
  scan(table: string, options?: ScanOptions): Promise<SurrealRecord[]>;
  /**
   * The records of a table matching `where`, in id order, filtered in SQL as far as SQL can
   * evaluate the condition exactly as SurrealDB does (docs/record-model.md, "Filter pushdown");
   * `exact` says whether the caller must filter and apply `start` and `limit` itself.
   * RpcError NotFound/Table when the table does not exist.
   */
  select(table: string, options?: SelectOptions): Promise<SelectResult>;
  /** One record, or undefined (also when its table does not exist). */
  get(id: RecordId): Promise<SurrealRecord | undefined>;
  /**
   * Inserts one record and returns it as stored. `id` undefined → a generated key (see the design
   * note). Creates the table (an edge table when `edge`) and its columns as fields first appear.
   * RpcError AlreadyExists/Record when the key is taken. `content.id`, if present, is ignored:
   * the caller has already turned it into `id`.
   */
  insert(input: { table: string; id?: RecordIdKey | undefined; content: SurrealObject; edge?: boolean }): Promise<SurrealRecord>;
  /**
   * Overwrites an existing record with `content` (fields absent from it become NONE) and returns it
   * as stored; undefined when there is no such record. `content.id` is ignored.
   */
  replace(id: RecordId, content: SurrealObject): Promise<SurrealRecord | undefined>;
  /**
   * Makes a pending schema change: creates the table and the columns `content` needs, without
   * writing a record; creates the definitions catalog; or drops a table. Call it outside any
   * transaction: it is how a caller answers a `SchemaChangeRefused` (MySQL/MariaDB, where a
   * schema change cannot happen inside a transaction) before running the transaction again.
   */
  prepare(input: PendingSchema): Promise<void>;
  /** Deletes one record and returns it as it was, or undefined. */
  delete(id: RecordId): Promise<SurrealRecord | undefined>;
  /**
   * Every table RPC can see (not `_baton_*`), by name (code point order). Tables that exist only
   * as definitions are not listed: see `definitions`.
   */
  tables(): Promise<TableInfo[]>;
  /**
   * Drops the table, its `_baton_meta` annotations and its table, field and index definitions.
   * True when the table or any of those definitions existed; false when there was nothing.
   * MySQL/MariaDB, inside a transaction: `SchemaChangeRefused` with a `drop` pending change.
   */
  dropTable(name: string): Promise<boolean>;
  /**
   * The stored definitions matching `filter`, ordered by kind, table, name (code point order).
   * Reads the tenant's cached catalog: cheap enough to call before every write.
   */
  definitions(filter?: DefinitionFilter): Promise<Definition[]>;
  /**
   * Writes a definition, overwriting the one with the same key, inside the caller's transaction.
   * MySQL/MariaDB, inside a transaction, before the tenant's first definition: `SchemaChangeRefused`
   * with a `catalog` pending change.
   */
  define(definition: Definition): Promise<void>;
  /** Removes one definition; false when there was none. */
  undefine(key: DefinitionKey): Promise<boolean>;
  /**
   * Runs `work` atomically: in a new transaction, committed on success and rolled back on failure;
   * or, when the caller has a transaction open (the connection is not in autocommit), inside it
   * as a savepoint, rolled back to on failure while the caller's transaction goes on.
   */
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Serialises the caller's transaction with every other transaction that takes the same key,
   * until it ends (commit or rollback), and makes the caller's following `select` calls see what
   * those transactions committed (docs/record-model.md, "Key locks"). Call it inside the
   * transaction, before the reads it guards; outside one (autocommit) it does nothing, as a lock
   * would end with its own statement. Inside `transaction`'s savepoint (an interactive
   * transaction), the lock lasts to the end of the outer transaction, except on Postgres when the
   * savepoint's work fails: it is rolled back with it. SQLite: nothing to do (writers are
   * serialised). A wait that times out (MySQL's innodb_lock_wait_timeout) or deadlocks fails with
   * a GatewayError SQLITE_BUSY naming the key; a deadlock rolls the transaction back (MySQL).
   */
  lockKey(key: string): Promise<void>;
  /** Opens an explicit transaction (RPC `begin`). */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
