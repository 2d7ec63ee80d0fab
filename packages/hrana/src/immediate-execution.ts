// An optional capability of databases whose driver is synchronous (SQLite, local libSQL):
// check an idle connection out, run one statement and return the connection without yielding
// to the event loop. Declared as optional members of the executor interface;
// adapters without them (Postgres, MySQL, remote libSQL) take the ordinary asynchronous path.
import type { ImmediateSqlConnection, SqlConnection, SqlDatabase } from "@baton/adapters-kysely";

/** A connection that can run a statement synchronously. */
export type ImmediateConnection = ImmediateSqlConnection;

/** A pool that hands out and takes back idle connections synchronously. */
export type ImmediateDatabase = SqlDatabase & Required<Pick<SqlDatabase, "acquireIdle" | "releaseNow">>;

export function isImmediateDatabase(database: SqlDatabase): database is ImmediateDatabase {
  return database.acquireIdle !== undefined && database.releaseNow !== undefined;
}

export function isImmediateConnection(connection: SqlConnection): connection is ImmediateConnection {
  return connection.executeNow !== undefined;
}
