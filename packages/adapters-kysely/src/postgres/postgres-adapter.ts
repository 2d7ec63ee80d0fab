// The Postgres backend: one node-pg pool per adapter, shared by all tenants; a tenant
// (namespace) is a schema, the default namespace is `public`. Every connection starts with an
// empty search_path, so a statement can only reach a tenant's tables once acquire() has set it.
import { GatewayError } from "@baton/protocol-types";
import { escapeIdentifier, Pool } from "pg";
import type { SqlAdapter, SqlDatabase } from "../executor.js";
import { LruCache } from "../lru-cache.js";
import { TenantCache } from "../tenant-cache.js";
import { validateNamespace } from "../tenant-name.js";
import type { PgClientLike } from "./postgres-connection.js";
import { PostgresDatabase, type DatabaseShared } from "./postgres-database.js";
import { postgresError, sqlstateOf, unavailable } from "./postgres-errors.js";
import { PgTypeRegistry } from "./postgres-types.js";
import type { StatementPlan } from "./statement-plan.js";

export interface PostgresAdapterOptions {
  /** A libpq-style URL: `postgres://user:password@host:5432/database`. */
  readonly url: string;
  /** The adapter's name (default "postgres"). */
  readonly name?: string;
  /** Connections in the pool, shared by all tenants (default 16). */
  readonly poolSize?: number;
  /** How long `acquire()` waits for a free connection, and a new connection for the server (default 5000 ms). */
  readonly acquireTimeoutMs?: number;
  /** Create a tenant's schema on first use (default true); otherwise an unknown tenant is NAMESPACE_NOT_FOUND. */
  readonly autoCreateNamespaces?: boolean;
  /** Tenant databases remembered (default 256); a forgotten one checks its schema again on next use. */
  readonly maxCachedDatabases?: number;
  /** Statement plans (parsed and rewritten SQL texts) cached per adapter (default 512). */
  readonly statementCacheSize?: number;
  /** How long an idle pooled connection stays open (default 10000 ms). */
  readonly idleTimeoutMs?: number;
}

/** The namespace Baton uses when a request names none; on Postgres it is the `public` schema. */
export const DEFAULT_NAMESPACE = "default";

/**
 * Session settings of every connection, given as startup options so that RESET and DISCARD
 * ALL return to them: no schema until acquire() sets the tenant's (an unqualified name can never
 * land in another tenant's schema), ISO dates and ISO 8601 intervals, and UTC.
 */
const SESSION_OPTIONS = ["-c search_path=", "-c DateStyle=ISO,YMD", "-c IntervalStyle=iso_8601", "-c TimeZone=UTC"];

/** Creates the Postgres adapter. Connections are opened on demand. */
export function createPostgresAdapter(options: PostgresAdapterOptions): SqlAdapter {
  const name = options.name ?? "postgres";
  const poolSize = Math.max(1, options.poolSize ?? 16);
  const acquireTimeoutMs = options.acquireTimeoutMs ?? 5000;
  const autoCreate = options.autoCreateNamespaces ?? true;
  const { connectionString, startupOptions } = withSessionOptions(options.url);
  const pool = new Pool({
    connectionString,
    options: startupOptions,
    max: poolSize,
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
  });
  // An idle client whose connection fails is removed by the pool, which then emits "error";
  // unhandled, that event would crash the process. The next checkout simply opens a new one.
  pool.on("error", () => undefined);

  const shared: DatabaseShared = {
    types: new PgTypeRegistry(),
    plans: new LruCache<string, StatementPlan>({ capacity: options.statementCacheSize ?? 512 }),
    searchPaths: new WeakMap(),
    live: new Set(),
    checkout: async () => {
      assertOpen();
      try {
        return await pool.connect();
      } catch (error) {
        assertOpen();
        throw checkoutError(error, { name, poolSize, acquireTimeoutMs });
      }
    },
  };
  // A tenant database holds no resources of its own, so forgetting one is free.
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new GatewayError("SHUTTING_DOWN", `The Postgres adapter ${name} is closed`);
  }

  async function open(namespace: string): Promise<PostgresDatabase> {
    const schema = schemaOf(namespace);
    await ensureSchema({ schema, namespace, autoCreate, checkout: shared.checkout });
    assertOpen();
    return new PostgresDatabase({ namespace, schema, searchPathSql: `SET search_path TO ${escapeIdentifier(schema)}`, shared });
  }
  const databases = new TenantCache<PostgresDatabase>({ capacity: options.maxCachedDatabases ?? 256, open });

  return {
    name,
    dialect: "postgres",

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
      try {
        await pool.query("SELECT 1");
      } catch (error) {
        throw checkoutError(error, { name, poolSize, acquireTimeoutMs });
      }
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all(databases.drain().map((database) => database.close()));
      // Also the connections of tenants the cache forgot: pool.end() waits for every client.
      const live = [...shared.live];
      for (const connection of live) connection.close({ reason: "shutdown", destroy: true });
      await Promise.all(live.map((connection) => connection.settle()));
      await pool.end();
    },
  };
}

/**
 * The schema of a namespace: `public` for the default namespace, else the namespace itself
 * (always quoted, so case is kept). Names Postgres reserves, and `public` under its own name,
 * are refused before any SQL is sent.
 */
export function schemaOf(namespace: string): string {
  validateNamespace(namespace);
  if (namespace === DEFAULT_NAMESPACE) return "public";
  const lower = namespace.toLowerCase();
  if (lower === "public" || lower === "information_schema" || lower.startsWith("pg_")) {
    throw new GatewayError(
      "NAMESPACE_INVALID",
      `Invalid namespace ${JSON.stringify(namespace)}: it names a schema Postgres reserves (the default namespace is "${DEFAULT_NAMESPACE}")`,
    );
  }
  return namespace;
}

async function ensureSchema(options: {
  schema: string;
  namespace: string;
  autoCreate: boolean;
  checkout: () => Promise<PgClientLike>;
}): Promise<void> {
  const client = (await options.checkout()) as PgClientLike & {
    query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
  };
  let healthy = true;
  try {
    const found = await client.query("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", [options.schema]);
    if ((found.rowCount ?? 0) > 0) return;
    if (!options.autoCreate) {
      throw new GatewayError("NAMESPACE_NOT_FOUND", `Namespace ${JSON.stringify(options.namespace)} does not exist (no schema of that name)`);
    }
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(options.schema)}`);
    } catch (error) {
      // Two first uses at once: IF NOT EXISTS still races on pg_namespace's unique index.
      const sqlstate = sqlstateOf(error);
      if (sqlstate !== "23505" && sqlstate !== "42P06") throw error;
    }
  } catch (error) {
    healthy = error instanceof GatewayError || sqlstateOf(error) !== undefined;
    throw postgresError(error);
  } finally {
    client.release(!healthy);
  }
}

/** POOL_TIMEOUT when every connection stayed in use; anything else means the server is unavailable. */
function checkoutError(error: unknown, pool: { name: string; poolSize: number; acquireTimeoutMs: number }): GatewayError {
  if (error instanceof GatewayError) return error;
  // pg-pool's message when a queued checkout times out; only queued checkouts get it.
  if (error instanceof Error && error.message === "timeout exceeded when trying to connect") {
    return new GatewayError(
      "POOL_TIMEOUT",
      `All ${pool.poolSize} connections of Postgres adapter ${pool.name} are in use; waited ${pool.acquireTimeoutMs} ms`,
      { cause: error },
    );
  }
  const mapped = postgresError(error);
  return mapped.code === "INTERNAL_ERROR" ? unavailable(error) : mapped;
}

/**
 * The connection string without an `options` parameter, and the startup options: the URL's
 * plus ours. (node-pg lets a URL's `options` replace the configured ones.)
 */
function withSessionOptions(url: string): { connectionString: string; startupOptions: string } {
  let own: string | null = null;
  let connectionString = url;
  try {
    const parsed = new URL(url);
    own = parsed.searchParams.get("options");
    if (own !== null) {
      parsed.searchParams.delete("options");
      connectionString = parsed.toString();
    }
  } catch {
    // Not a URL node-pg's parser needs help with (e.g. a socket path form): leave it as it is.
  }
  // Ours last: for a setting given twice the last one wins, and search_path must be ours.
  return { connectionString, startupOptions: [...(own === null ? [] : [own]), ...SESSION_OPTIONS].join(" ") };
}
