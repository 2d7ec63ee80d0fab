// Opening one connection to a database file with the settings every Baton connection has.
import { retryWhileBusy } from "./busy-retry.js";
import type { LockNotifier } from "./lock-notifier.js";
import type { SchemaEpoch } from "./schema-epoch.js";
import { SqliteConnection } from "./sqlite-connection.js";
import type { SqliteDatabaseLike, SqliteDriverLike } from "./sqlite-driver.js";
import { executionError } from "./sqlite-errors.js";

/** How connections are opened; shared by all connections to one file. */
export interface ConnectionSettings {
  /** The engine: better-sqlite3, or libsql for the libSQL adapter's local files. */
  readonly driver: SqliteDriverLike;
  readonly file: string;
  readonly notifier: LockNotifier;
  readonly schemaEpoch: SchemaEpoch;
  readonly busyTimeoutMs: number;
  readonly synchronous: "FULL" | "NORMAL";
  readonly statementCacheSize: number;
}

/**
 * Opens (creating) the file in WAL mode with busy_timeout 0 (see busy-retry.ts). Foreign keys
 * are switched OFF explicitly: SQLite's default, kept by libSQL and sqld, but better-sqlite3 (and
 * the libsql package, PRAGMA compile_options) build SQLite with SQLITE_DEFAULT_FOREIGN_KEYS=1.
 */
export async function openSqliteConnection(settings: ConnectionSettings): Promise<SqliteConnection> {
  const synchronous = settings.synchronous === "NORMAL" ? "NORMAL" : "FULL";
  let db: SqliteDatabaseLike;
  try {
    db = settings.driver.open(settings.file);
  } catch (error) {
    throw executionError(error);
  }
  try {
    // Switching a new file to WAL takes a lock that another process may hold for a moment.
    await retryWhileBusy(() => db.pragma("journal_mode = WAL"), {
      notifier: settings.notifier,
      timeoutMs: settings.busyTimeoutMs,
    });
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma("foreign_keys = OFF");
  } catch (error) {
    db.close();
    throw executionError(error);
  }
  return new SqliteConnection({
    db,
    driver: settings.driver,
    notifier: settings.notifier,
    schemaEpoch: settings.schemaEpoch,
    busyTimeoutMs: settings.busyTimeoutMs,
    statementCacheSize: settings.statementCacheSize,
  });
}
