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

/** A table and content whose columns must exist before a write can run (see `RecordStore.prepare`). */
export interface PendingSchema {
  readonly table: string;
  readonly id?: RecordIdKey | undefined;
  readonly content: SurrealObject;
  readonly edge?: boolean;
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
   * Creates the table and the columns `content` needs, without writing a record. Call it outside
   * any transaction: it is how a caller answers a `SchemaChangeRefused` (MySQL/MariaDB, where a
   * schema change cannot happen inside a transaction) before running the transaction again.
   */
  prepare(input: PendingSchema): Promise<void>;
  /** Deletes one record and returns it as it was, or undefined. */
  delete(id: RecordId): Promise<SurrealRecord | undefined>;
  /**
   * Runs `work` atomically: in a new transaction, committed on success and rolled back on failure;
   * or, when the caller has a transaction open (the connection is not in autocommit), inside it
   * as a savepoint, rolled back to on failure while the caller's transaction goes on.
   */
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Opens an explicit transaction (RPC `begin`). */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
