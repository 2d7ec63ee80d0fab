// A remote libSQL server behind Baton: one database (one Hrana client) per namespace URL, each
// a pool of streams; the least recently used idle ones are closed beyond maxCachedDatabases.
import { GatewayError } from "@baton/protocol-types";
import { openHttp, openWs } from "@libsql/hrana-client";
import type { SqlAdapter, SqlDatabase } from "../executor.js";
import { LruCache } from "../lru-cache.js";
import { validateNamespace } from "../tenant-name.js";
import { HranaLink, type HranaClientLike } from "./hrana-link.js";
import type { RemoteUrl } from "./libsql-url.js";
import { RemoteDatabase } from "./remote-database.js";

export interface RemoteAdapterOptions {
  readonly name: string;
  readonly transport: "http" | "ws";
  readonly url: RemoteUrl;
  readonly authToken: string | undefined;
  readonly defaultNamespace: string;
  readonly poolSize: number;
  readonly acquireTimeoutMs: number;
  readonly maxCachedDatabases: number;
}

// Hrana 3 where the remote has it: it can then be asked whether a stream is in a transaction.
const HRANA_VERSION = 3;

export function createRemoteAdapter(options: RemoteAdapterOptions): SqlAdapter {
  const { name, url } = options;
  // Eviction is ours (only idle databases may go), so the cache itself never evicts.
  const databases = new LruCache<string, RemoteDatabase>({ capacity: Number.POSITIVE_INFINITY });
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new GatewayError("SHUTTING_DOWN", "The libSQL adapter is closed");
  };

  const open = (location: string) => (): HranaClientLike =>
    options.transport === "http"
      ? openHttp(location, options.authToken, undefined, undefined, HRANA_VERSION)
      : openWs(location, options.authToken, HRANA_VERSION);

  // An evicted database that a caller still holds keeps working; it is only no longer shared.
  const evictIdle = (): void => {
    for (const [namespace, database] of databases.entries()) {
      if (databases.size <= options.maxCachedDatabases) return;
      if (!database.isIdle) continue;
      databases.delete(namespace);
      void database.close();
    }
  };

  const databaseOf = (namespace: string): RemoteDatabase => {
    assertOpen();
    const known = databases.get(namespace);
    if (known !== undefined) return known;
    if (!url.perNamespace && namespace !== options.defaultNamespace) {
      throw new GatewayError(
        "NAMESPACE_NOT_FOUND",
        `Adapter ${name} serves one remote database (${url.toString()}) as namespace "${options.defaultNamespace}"; namespace "${namespace}" does not exist (put {namespace} in the URL to give every namespace its own)`,
      );
    }
    const location = url.forNamespace(validateNamespace(namespace));
    const remote = url.perNamespace ? `${location} (namespace ${namespace})` : location;
    const database = new RemoteDatabase({
      link: new HranaLink({ open: open(location), remote, connectTimeoutMs: options.acquireTimeoutMs }),
      name: namespace,
      poolSize: options.poolSize,
      acquireTimeoutMs: options.acquireTimeoutMs,
    });
    databases.set(namespace, database);
    evictIdle();
    return database;
  };

  return {
    name,
    dialect: "libsql",

    async database(namespace: string): Promise<SqlDatabase> {
      return databaseOf(namespace);
    },

    // Remote databases are created without waiting (their link connects on first use).
    openDatabase: databaseOf,

    /** Opens a stream on the default namespace's database and runs `SELECT 1`. */
    async ping(): Promise<void> {
      await databaseOf(options.defaultNamespace).ping();
    },

    async close(): Promise<void> {
      closed = true;
      const all = [...databases.entries()].map(([, database]) => database);
      databases.clear();
      await Promise.all(all.map((database) => database.close()));
    },
  };
}
