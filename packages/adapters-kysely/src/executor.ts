// The executor interface every database adapter implements. Protocol handlers speak only this.
// Values are exact: integers are bigint, floats are number (never turned into integers), blobs
// are Uint8Array, text is string, NULL is null.

import type { SqlValue } from "@baton/protocol-types";

export type { SqlValue };

/** One argument given by name; the name may carry its prefix (`:a`, `@a`, `$a`) or not (`a`). */
export interface NamedValue {
  readonly name: string;
  readonly value: SqlValue;
}

export interface StatementInput {
  /** Exactly one SQL statement. */
  readonly sql: string;
  /** Positional arguments: `args[i]` binds parameter number i + 1. */
  readonly args: readonly SqlValue[];
  /** Named arguments; a name without prefix matches `:name`, `@name` or `$name`. */
  readonly namedArgs: readonly NamedValue[];
  /** When false no rows are returned, even if the statement produced some. */
  readonly wantRows: boolean;
}

export interface ResultColumn {
  /** The column name (`AS` name where given); null only where the database gives none. */
  readonly name: string | null;
  /**
   * The declared type: SQLite and MySQL give it for columns that come straight from a table
   * (null for expressions); Postgres gives every column's type name.
   */
  readonly decltype: string | null;
}

export interface StatementResult {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly SqlValue[])[];
  readonly affectedRowCount: number;
  /** The rowid of the last insert on this connection, where the database has one. */
  readonly lastInsertRowid: bigint | null;
  readonly rowsRead: number;
  readonly rowsWritten: number;
}

export interface DescribeOutput {
  /** `params[i]` describes parameter i + 1: its name with prefix, or null for `?` and unused indexes. */
  readonly params: readonly (string | null)[];
  readonly columns: readonly { readonly name: string; readonly decltype: string | null }[];
  readonly isExplain: boolean;
  readonly isReadonly: boolean;
  readonly isDdl: boolean;
}

/**
 * One database connection, checked out of a pool. Methods run one at a time: callers
 * serialise (a Hrana stream runs its requests in order).
 */
export interface SqlConnection {
  execute(stmt: StatementInput): Promise<StatementResult>;
  /** Runs several `;`-separated statements in order, discarding rows; stops at the first failure. */
  executeScript(sql: string): Promise<void>;
  describe(sql: string): Promise<DescribeOutput>;
  /** True outside an explicit transaction (the database's own autocommit flag). */
  isAutocommit(): boolean;
  /**
   * True while the connection holds state that belongs to its current user: an open
   * transaction, or connection-level settings (PRAGMA, ATTACH, temporary objects).
   * Such a connection stays pinned to its stream and is never handed to another.
   */
  holdsSessionState(): boolean;
  /**
   * Optional, for synchronous drivers (SQLite, local libSQL): runs the statement without yielding
   * to the event loop, or answers undefined, having changed nothing, when it would have to wait
   * for a lock (the caller then takes `execute`).
   */
  executeNow?(input: StatementInput): StatementResult | undefined;
}

/** A connection of a synchronous driver: one that has `executeNow`. */
export type ImmediateSqlConnection = SqlConnection & Required<Pick<SqlConnection, "executeNow">>;

/** One tenant's database: a pool of connections to it. */
export interface SqlDatabase {
  /** Checks out a connection, waiting up to the pool's acquire timeout (then POOL_TIMEOUT). */
  acquire(): Promise<SqlConnection>;
  /**
   * Optional: checks out a connection for brief side work of a caller that already holds one of
   * this database (MySQL: catalog reads and DDL that must stay out of the caller's transaction).
   * It comes from a small reserve `acquire()` never takes, so it cannot wait for connections
   * held by callers that wait for side work themselves. Its holder acquires nothing else before
   * returning it with `release`. Without it, side work takes `acquire()`.
   */
  acquireSide?(): Promise<SqlConnection>;
  /**
   * Returns a connection. An open transaction is rolled back first; a connection with
   * connection-level settings is reset (Postgres, MySQL) or closed (SQLite) before anyone
   * else gets it.
   */
  release(connection: SqlConnection): Promise<void>;
  close(): Promise<void>;
  /** Optional, with `executeNow`: an idle connection checked out at once, or undefined when none is idle. */
  acquireIdle?(): ImmediateSqlConnection | undefined;
  /** Optional, with `acquireIdle`: returns a connection that is running nothing, at once. */
  releaseNow?(connection: SqlConnection): void;
}

/** A configured database backend; tenants are routed to their own database within it. */
export interface SqlAdapter {
  readonly name: string;
  readonly dialect: "sqlite" | "postgres" | "mysql" | "libsql";
  /** The database of one tenant; `namespace` is already validated (see tenant-name.ts). */
  database(namespace: string): Promise<SqlDatabase>;
  /**
   * The tenant's database when it is open already, without waiting; undefined otherwise (then
   * database()). Lets a request that needs no waiting be answered without yielding.
   */
  openDatabase?(namespace: string): SqlDatabase | undefined;
  /** Cheap liveness check for `/health`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
