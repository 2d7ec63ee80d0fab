// The embedded-SQLite backend: one database file per tenant namespace under one directory,
// each with its own connection pool; the least recently used idle pools are closed. The same
// code serves the libSQL adapter's local files, with libsql's driver (see EmbeddedEngine).
import { GatewayError } from "@baton/protocol-types";
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { SqlAdapter, SqlDatabase } from "../executor.js";
import { LruCache } from "../lru-cache.js";
import { validateNamespace } from "../tenant-name.js";
import { SqliteDatabase, type SqliteDatabaseOptions } from "./sqlite-database.js";
import { betterSqlite3Driver, type SqliteDriverLike } from "./sqlite-driver.js";

export interface SqliteAdapterOptions {
  /** The directory holding `<namespace>.db` files; created if missing. */
  readonly directory: string;
  /** The adapter's name (default "sqlite"). */
  readonly name?: string;
  /** How long a statement keeps retrying on a locked database (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Connections per database file (default 64). */
  readonly poolSize?: number;
  /** How long `acquire()` waits for a free connection (default 5000 ms). */
  readonly acquireTimeoutMs?: number;
  /** Idle connections kept per file (default 8). */
  readonly maxIdle?: number;
  /** PRAGMA synchronous (default FULL). */
  readonly synchronous?: "FULL" | "NORMAL";
  /** Prepared statements cached per connection (default 128). */
  readonly statementCacheSize?: number;
  /** Tenant databases kept open (default 256); beyond that idle ones are closed, oldest use first. */
  readonly maxCachedDatabases?: number;
}

/** What differs between the embedded engines that share this adapter. */
export interface EmbeddedEngine {
  readonly driver: SqliteDriverLike;
  readonly dialect: SqlAdapter["dialect"];
  /** The adapter's name unless configured. */
  readonly defaultName: string;
  /** How messages name the engine. */
  readonly label: string;
}

const SQLITE: EmbeddedEngine = { driver: betterSqlite3Driver, dialect: "sqlite", defaultName: "sqlite", label: "SQLite" };

/** Creates the SQLite adapter. */
export function createSqliteAdapter(options: SqliteAdapterOptions): SqlAdapter {
  return createDirectoryAdapter(options, SQLITE);
}

/** The pool settings of one database file, with the defaults every embedded adapter shares. */
export function embeddedPoolOptions(
  options: Omit<SqliteAdapterOptions, "directory">,
  target: { readonly driver: SqliteDriverLike; readonly file: string; readonly name: string },
): SqliteDatabaseOptions {
  return {
    ...target,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    synchronous: options.synchronous ?? "FULL",
    statementCacheSize: options.statementCacheSize ?? 128,
    poolSize: Math.max(1, options.poolSize ?? 64),
    acquireTimeoutMs: options.acquireTimeoutMs ?? 5000,
    maxIdle: options.maxIdle ?? 8,
  };
}

/** A directory of `<namespace>.db` files, one pool each, over any embedded engine. */
export function createDirectoryAdapter(options: SqliteAdapterOptions, engine: EmbeddedEngine): SqlAdapter {
  const directory = resolve(options.directory);
  const maxCached = options.maxCachedDatabases ?? 256;
  // Eviction is ours (only idle pools may go), so the cache itself never evicts.
  const databases = new LruCache<string, SqliteDatabase>({ capacity: Number.POSITIVE_INFINITY });
  let ready: Promise<unknown> | undefined;
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new GatewayError("SHUTTING_DOWN", `The ${engine.label} adapter is closed`);
  };

  // An evicted pool that a caller still holds keeps working (it reopens connections on
  // demand); it is only no longer shared through database().
  const evictIdle = (): void => {
    for (const [namespace, database] of databases.entries()) {
      if (databases.size <= maxCached) return;
      if (!database.isIdle) continue;
      databases.delete(namespace);
      database.trimIdle(0);
    }
  };

  return {
    name: options.name ?? engine.defaultName,
    dialect: engine.dialect,

    openDatabase(namespace: string): SqlDatabase | undefined {
      assertOpen();
      return databases.get(namespace);
    },

    async database(namespace: string): Promise<SqlDatabase> {
      assertOpen();
      // Hot path: a namespace already open was validated when it was opened.
      const open = databases.get(namespace);
      if (open !== undefined) return open;
      const file = databaseFile(directory, namespace);
      await (ready ??= makeDirectory(directory).catch((error: unknown) => {
        ready = undefined;
        throw error;
      }));
      assertOpen();
      let database = databases.get(namespace);
      if (database === undefined) {
        database = new SqliteDatabase(embeddedPoolOptions(options, { driver: engine.driver, file, name: namespace }));
        databases.set(namespace, database);
        evictIdle();
      }
      return database;
    },

    async ping(): Promise<void> {
      assertOpen();
      await makeDirectory(directory);
      try {
        await access(directory, constants.W_OK);
      } catch (error) {
        throw cannotOpen(`Data directory ${directory} is not writable`, error);
      }
    },

    async close(): Promise<void> {
      closed = true;
      const all = [...databases.entries()].map(([, database]) => database);
      databases.clear();
      await Promise.all(all.map((database) => database.close()));
    },
  };
}

/** `<directory>/<namespace>.db`, after checking (again) that the name cannot leave the directory. */
function databaseFile(directory: string, namespace: string): string {
  validateNamespace(namespace);
  const file = resolve(join(directory, `${namespace}.db`));
  if (dirname(file) !== directory || basename(file) !== `${namespace}.db`) {
    throw new GatewayError("NAMESPACE_INVALID", `Namespace ${JSON.stringify(namespace)} does not map to a file in ${directory}`);
  }
  return file;
}

async function makeDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw cannotOpen(`Cannot create data directory ${directory}`, error);
  }
}

function cannotOpen(what: string, error: unknown): GatewayError {
  const reason = error instanceof Error ? error.message : String(error);
  return new GatewayError("SQLITE_CANTOPEN", `${what}: ${reason}`, { cause: error });
}
