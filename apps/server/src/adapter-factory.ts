// Turns an adapter's configuration into a running SqlAdapter.
import { createSqliteAdapter, type SqlAdapter } from "@baton/adapters-kysely";
import { ConfigError } from "./config-error.js";
import type { AdapterConfig } from "./config.js";

export interface AdapterSettings {
  readonly autoCreateNamespaces: boolean;
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
    case "mysql":
    case "libsql":
      throw new ConfigError(`The ${store.kind} adapter is not available in this build (adapter ${config.name}); autoCreate=${settings.autoCreateNamespaces}`);
  }
}
