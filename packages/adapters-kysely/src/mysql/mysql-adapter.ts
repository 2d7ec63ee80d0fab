// The MySQL/MariaDB backend: one connection pool per adapter, shared by all tenants; a tenant
// namespace is a database on the server (the "default" namespace is the database named in the
// URL), selected on each checked-out connection.
//
// Tenants are kept apart by the default database only: all of them use the URL's MySQL account,
// so SQL that names another database explicitly (`other.t`) reaches it if the account may.
import { GatewayError } from "@baton/protocol-types";
import type { ConnectionOptions } from "mysql2";
import type { SqlAdapter, SqlDatabase } from "../executor.js";
import { TenantCache } from "../tenant-cache.js";
import { validateNamespace } from "../tenant-name.js";
import { isConnectionError, mysqlError } from "./mysql-errors.js";
import { MysqlDatabase } from "./mysql-database.js";
import { MysqlPool } from "./mysql-pool.js";
import { StatementPlanner } from "./statement-plan.js";

export interface MysqlAdapterOptions {
  /** `mysql://user:password@host:port/database?option=value`; the database is the "default" namespace's. */
  readonly url: string;
  /** The adapter's name (default "mysql"). */
  readonly name?: string;
  /** Connections shared by all tenants (default 16). */
  readonly poolSize?: number;
  /**
   * Connections on top of `poolSize` for side work only (`SqlDatabase.acquireSide`: catalog
   * reads and DDL of a caller already holding a connection), shared by all tenants (default 2).
   */
  readonly sidePoolSize?: number;
  /** How long `acquire()` waits for a free connection, and a new connection for the server (default 5000 ms). */
  readonly acquireTimeoutMs?: number;
  /** Create a tenant's database on first use (default true); else an unknown namespace is NAMESPACE_NOT_FOUND. */
  readonly autoCreateNamespaces?: boolean;
  /** Tenant databases whose existence is remembered (default 1024); older ones are checked again on next use. */
  readonly maxCachedDatabases?: number;
}

/** The namespace that maps to the database named in the URL. */
export const DEFAULT_NAMESPACE = "default";

// The server's own databases are never a tenant's.
const SYSTEM_DATABASES = new Set(["information_schema", "mysql", "performance_schema", "sys"]);
const PLAN_CACHE_SIZE = 512;

/** Creates the MySQL adapter. Nothing connects until a tenant's database is first used. */
export function createMysqlAdapter(options: MysqlAdapterOptions): SqlAdapter {
  const name = options.name ?? "mysql";
  const acquireTimeoutMs = options.acquireTimeoutMs ?? 5000;
  const { connection, database: urlDatabase } = connectionOptions(options.url, acquireTimeoutMs);
  const pool = new MysqlPool({
    name,
    connection,
    size: Math.max(1, options.poolSize ?? 16),
    sideSize: Math.max(1, options.sidePoolSize ?? 2),
    acquireTimeoutMs,
  });
  const planner = new StatementPlanner(PLAN_CACHE_SIZE);
  const autoCreate = options.autoCreateNamespaces ?? true;

  const assertOpen = (): void => {
    if (pool.closed) throw new GatewayError("SHUTTING_DOWN", `The MySQL adapter ${name} is closed`);
  };

  const open = async (namespace: string): Promise<MysqlDatabase> => {
    const database = new MysqlDatabase({
      namespace,
      databaseName: databaseNameOf(namespace, urlDatabase),
      pool,
      planner,
      autoCreate,
      commandTimeoutMs: acquireTimeoutMs,
    });
    await database.ensureExists();
    assertOpen();
    return database;
  };
  const databases = new TenantCache<MysqlDatabase>({ capacity: options.maxCachedDatabases ?? 1024, open });

  return {
    name,
    dialect: "mysql",

    async database(namespace: string): Promise<SqlDatabase> {
      assertOpen();
      return databases.get(namespace);
    },

    openDatabase(namespace: string): SqlDatabase | undefined {
      assertOpen();
      return databases.peek(namespace);
    },

    async ping(): Promise<void> {
      assertOpen();
      const physical = await pool.acquire();
      try {
        await physical.ping({ timeoutMs: acquireTimeoutMs });
      } catch (error) {
        pool.release(physical, !isConnectionError(error));
        throw mysqlError(error);
      }
      pool.release(physical, true);
    },

    async close(): Promise<void> {
      const all = databases.drain();
      await pool.close();
      await Promise.all(all.map((database) => database.close()));
    },
  };
}

/**
 * The MySQL database of a namespace: the namespace itself (validated, so safe in backticks), or
 * for "default" the URL's database (a database named `default` when the URL names none).
 */
export function databaseNameOf(namespace: string, urlDatabase: string | undefined): string {
  validateNamespace(namespace);
  if (namespace === DEFAULT_NAMESPACE) return urlDatabase ?? DEFAULT_NAMESPACE;
  if (SYSTEM_DATABASES.has(namespace.toLowerCase())) {
    throw new GatewayError("NAMESPACE_INVALID", `Invalid namespace ${JSON.stringify(namespace)}: it is a MySQL system database`);
  }
  return namespace;
}

/**
 * mysql2 options for the URL, without its database (every checkout selects one) and with the
 * settings the adapter relies on: utf8mb4, exact OK-packet counters, no LOAD DATA LOCAL, and no
 * IGNORE_SPACE (which would make function names such as `count` reserved words).
 */
export function connectionOptions(url: string, connectTimeoutMs: number): { connection: ConnectionOptions; database: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The MySQL URL is not a URL: ${JSON.stringify(redact(url))}`);
  }
  if (parsed.protocol !== "mysql:" && parsed.protocol !== "mariadb:") {
    throw new Error(`The MySQL URL must start with mysql:// or mariadb://, not ${parsed.protocol}//`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined;
  parsed.pathname = "";
  return {
    database,
    connection: {
      uri: parsed.toString(),
      charset: "UTF8MB4_UNICODE_CI",
      supportBigNumbers: true,
      bigNumberStrings: true,
      multipleStatements: false,
      connectTimeout: connectTimeoutMs,
      flags: ["-IGNORE_SPACE", "-LOCAL_FILES"],
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//…@");
}
