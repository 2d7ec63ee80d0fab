// The libSQL backend: a Turso or sqld database (or another Baton) reached over Hrana, or local
// libSQL files through the libsql package. The URL decides which (see libsql-url.ts).
import type { SqlAdapter } from "../executor.js";
import { createDirectoryAdapter, type EmbeddedEngine } from "../sqlite/sqlite-adapter.js";
import { libsqlDriver } from "./libsql-driver.js";
import { parseLibsqlLocation } from "./libsql-url.js";
import { createRemoteAdapter } from "./remote-adapter.js";
import { createSingleFileAdapter } from "./single-file-adapter.js";

export interface LibsqlAdapterOptions {
  /**
   * `file:DIR` (one `<namespace>.db` file each), `file:PATH.db` (one file, the default
   * namespace only), `http(s)://…`, `libsql://…`, `ws(s)://…` (a remote server; one database,
   * or one per namespace with `{namespace}` in the URL). See libsql-url.ts.
   */
  readonly url: string;
  /** The remote's bearer token; wins over an `authToken` query parameter. */
  readonly authToken?: string;
  /** The adapter's name (default "libsql"). */
  readonly name?: string;
  /** Connections per local file (default 64), or open streams per remote database (default 20). */
  readonly poolSize?: number;
  /** How long `acquire()` waits for a free connection, and for a remote to answer at all (default 5000 ms). */
  readonly acquireTimeoutMs?: number;
  /** Local files: how long a statement keeps retrying on a locked database (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Tenant databases kept open (default 256): local files, or remote clients with `{namespace}`. */
  readonly maxCachedDatabases?: number;
  /** The namespace a single file or a remote URL without `{namespace}` serves (default "default"). */
  readonly defaultNamespace?: string;
}

const LIBSQL: EmbeddedEngine = { driver: libsqlDriver, dialect: "libsql", defaultName: "libsql", label: "libSQL" };

/** Creates the libSQL adapter; throws an Error if the URL cannot be used. */
export function createLibsqlAdapter(options: LibsqlAdapterOptions): SqlAdapter {
  const location = parseLibsqlLocation(options.url);
  const defaultNamespace = options.defaultNamespace ?? "default";
  const pool = {
    name: options.name,
    poolSize: options.poolSize,
    acquireTimeoutMs: options.acquireTimeoutMs,
    busyTimeoutMs: options.busyTimeoutMs,
  };
  switch (location.kind) {
    case "directory":
      return createDirectoryAdapter({ ...pool, directory: location.directory, maxCachedDatabases: options.maxCachedDatabases }, LIBSQL);
    case "file":
      return createSingleFileAdapter({ ...pool, file: location.file, defaultNamespace }, LIBSQL);
    case "remote":
      return createRemoteAdapter({
        name: options.name ?? LIBSQL.defaultName,
        transport: location.transport,
        url: location.url,
        authToken: options.authToken ?? location.authToken,
        defaultNamespace,
        poolSize: Math.max(1, options.poolSize ?? 20),
        acquireTimeoutMs: options.acquireTimeoutMs ?? 5000,
        maxCachedDatabases: options.maxCachedDatabases ?? 256,
      });
  }
}
