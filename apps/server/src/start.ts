// Wires a configuration into a running server: the adapter, the protocol services, the listener.
import { AdapterRegistry, createSqliteAdapter, type SqlAdapter } from "@baton/adapters-kysely";
import { BatonServer, userPassAuthenticator, type Logger } from "@baton/server-node";
import type { ServerConfig } from "./config.js";

export interface RunningBaton {
  readonly server: BatonServer;
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly port: number;
}

function adapterFor(config: ServerConfig): SqlAdapter {
  return createSqliteAdapter({ directory: config.store.directory, busyTimeoutMs: config.busyTimeoutMs });
}

export async function startBaton(config: ServerConfig, logger: Logger): Promise<RunningBaton> {
  const server = new BatonServer({
    databases: new AdapterRegistry({ adapters: [adapterFor(config)] }),
    tenancy: { namespaceFromHost: config.namespaceFromHost },
    maxBodyBytes: config.maxBodyBytes,
    authenticate: userPassAuthenticator(config),
    logger,
    hrana: { streamIdleTimeoutMs: config.streamIdleTimeoutMs, batonSecret: config.batonSecret },
  });
  try {
    const urls = await server.listen({ host: config.host, port: config.port });
    return { server, ...urls };
  } catch (error) {
    await server.close();
    throw error;
  }
}
