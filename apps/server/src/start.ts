// Wires a configuration into a running server: the adapter, the protocol services, the listener.
import { AdapterRegistry } from "@baton/adapters-kysely";
import { BatonServer, userPassAuthenticator, type Logger } from "@baton/server-node";
import { createAdapter } from "./adapter-factory.js";
import type { ServerConfig } from "./config.js";

export interface RunningBaton {
  readonly server: BatonServer;
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly port: number;
}

function registryFor(config: ServerConfig): AdapterRegistry {
  const settings = { autoCreateNamespaces: config.autoCreateNamespaces, defaultNamespace: config.defaultNamespace };
  const adapters = config.adapters.map((adapter) => createAdapter(adapter, settings));
  return new AdapterRegistry({ adapters, defaultAdapter: config.defaultAdapter });
}

export async function startBaton(config: ServerConfig, logger: Logger): Promise<RunningBaton> {
  const server = new BatonServer({
    databases: registryFor(config),
    tenancy: { namespaceFromHost: config.namespaceFromHost, defaultNamespace: config.defaultNamespace },
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
