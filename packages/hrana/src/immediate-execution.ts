// An optional capability of databases whose driver is synchronous (SQLite, local libSQL):
// check an idle connection out, run one statement and return the connection without yielding
// to the event loop. Typed here structurally, as the adapter offers it; adapters without it
// (Postgres, MySQL, remote libSQL) take the ordinary asynchronous path.
import type { SqlConnection, SqlDatabase, StatementInput, StatementResult } from "@baton/adapters-kysely";

/** A connection that can run a statement synchronously. */
export interface ImmediateConnection extends SqlConnection {
  /** The statement's result; undefined (nothing changed) when it would have to wait for a lock. */
  executeNow(input: StatementInput): StatementResult | undefined;
}

/** A pool that hands out and takes back idle connections synchronously. */
export interface ImmediateDatabase extends SqlDatabase {
  /** An idle connection, checked out; undefined when none is idle. */
  acquireIdle(): ImmediateConnection | undefined;
  /** Returns a connection that runs nothing, at once. */
  releaseNow(connection: SqlConnection): void;
}

export function isImmediateDatabase(database: SqlDatabase): database is ImmediateDatabase {
  const candidate = database as Partial<ImmediateDatabase>;
  return typeof candidate.acquireIdle === "function" && typeof candidate.releaseNow === "function";
}

export function isImmediateConnection(connection: SqlConnection): connection is ImmediateConnection {
  return typeof (connection as Partial<ImmediateConnection>).executeNow === "function";
}
