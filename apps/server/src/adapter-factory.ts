// Turns an adapter's configuration into a running SqlAdapter.
import {
  createLibsqlAdapter,
  createMysqlAdapter,
  createPostgresAdapter,
  createSqliteAdapter,
  type SqlAdapter,
} from "@baton/adapters-kysely";
import type { AdapterConfig } from "./config.js";

export interface AdapterSettings {
  readonly autoCreateNamespaces: boolean;
  /** The namespace a single-database store (one libSQL file or remote) serves. */
  readonly defaultNamespace: string;
}

export function createAdapter(config: AdapterConfig, settings: AdapterSettings): SqlAdapter {
  const store = config.store;
  switch (store.kind) {
    case "sqlite":
      return createSqliteAdapter({
        name: config.name,
        directory: store.directory,
        busyTimeoutMs: config.busyTimeoutMs,
        poolSize: config.poolSize,
        acquireTimeoutMs: config.acquireTimeoutMs,
      });
    case "postgres":
      return createPostgresAdapter({
        name: config.name,
        url: store.url,
        poolSize: config.poolSize,
        acquireTimeoutMs: config.acquireTimeoutMs,
        autoCreateNamespaces: settings.autoCreateNamespaces,
      });
    case "libsql":
      return createLibsqlAdapter({
        name: config.name,
        url: store.url,
        authToken: config.authToken,
        poolSize: config.poolSize,
        acquireTimeoutMs: config.acquireTimeoutMs,
        busyTimeoutMs: config.busyTimeoutMs,
        defaultNamespace: settings.defaultNamespace,
      });
    case "mysql":
      return createMysqlAdapter({
        name: config.name,
        url: store.url,
        poolSize: config.poolSize,
        acquireTimeoutMs: config.acquireTimeoutMs,
        autoCreateNamespaces: settings.autoCreateNamespaces,
      });
  }
}
