// A SQLite adapter on a temporary directory, with helpers the adapter tests share.
import { GatewayError } from "@baton/protocol-types";
import type { SqlConnection, SqlDatabase, SqlValue, StatementInput, StatementResult } from "../executor.js";
import { createSqliteAdapter, type SqliteAdapterOptions } from "../sqlite/sqlite-adapter.js";
import { tempDirectory } from "./temp-directory.js";

/** An adapter over a fresh directory; `dispose` closes it and removes the directory. */
export async function sqliteFixture(options: Partial<SqliteAdapterOptions> = {}) {
  const directory = tempDirectory();
  const adapter = createSqliteAdapter({ directory: directory.path, ...options });
  const database: SqlDatabase = await adapter.database("tenant");
  return {
    directory: directory.path,
    adapter,
    database,
    dispose: async () => {
      await adapter.close();
      directory.remove();
    },
  };
}

/** A StatementInput with defaults: no arguments, rows wanted. */
export function stmt(sql: string, args: readonly SqlValue[] = [], extra: Partial<StatementInput> = {}): StatementInput {
  return { sql, args, namedArgs: [], wantRows: true, ...extra };
}

/** Runs one statement. */
export function run(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []): Promise<StatementResult> {
  return connection.execute(stmt(sql, args));
}

/** The rows of a query. */
export async function rows(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []) {
  return (await run(connection, sql, args)).rows;
}

/** The GatewayError a promise rejects with (fails if it resolves or rejects with something else). */
export async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a GatewayError, but the promise resolved");
}
