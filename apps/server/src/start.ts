// Wires a configuration into a running server: the adapter, the protocol services, the listener.
import { AdapterRegistry } from "@baton/adapters-kysely";
import { allowAnyone, BatonServer, type Authenticator, type Logger, type RpcServerOptions } from "@baton/server-node";
import { RootAuthority, RootCredentials, TokenIssuer } from "@baton/session-core";
import { createAdapter } from "./adapter-factory.js";
import { ConfigError, type ServerConfig } from "./config.js";
import { rootAuthenticator } from "./root-authenticator.js";

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

/** The root user (hashed now: the plain password is not kept), or none when the server is open. */
async function rootCredentials(config: ServerConfig): Promise<RootCredentials | undefined> {
  const { user, pass, passHash } = config;
  if (user === undefined) return undefined;
  if (pass !== undefined) return RootCredentials.fromPassword({ user, pass });
  try {
    return RootCredentials.fromHash({ user, hash: passHash ?? "" });
  } catch (error) {
    throw new ConfigError(`--pass-hash: ${(error as Error).message}`);
  }
}

/** Who may use each protocol: the root user of `--user`, by password or by RPC token; anyone without one. */
async function authFor(config: ServerConfig): Promise<{ hrana: Authenticator; rpc: RpcServerOptions }> {
  const credentials = await rootCredentials(config);
  const tokens = new TokenIssuer({ secret: config.jwtSecret, ttlSeconds: config.tokenTtlSeconds });
  // One judge of passwords and tokens for both protocols.
  const authority = new RootAuthority({ credentials, tokens });
  const rpc: RpcServerOptions = {
    authority,
    ...(config.rpcSessionIdleTimeoutMs === undefined ? {} : { httpSessionIdleMs: config.rpcSessionIdleTimeoutMs }),
    ...(config.rpcTransactionIdleTimeoutMs === undefined ? {} : { transactionIdleMs: config.rpcTransactionIdleTimeoutMs }),
    ...(config.rpcMaxTransactions === undefined ? {} : { maxTransactionsPerSocket: config.rpcMaxTransactions }),
  };
  const hrana = credentials === undefined ? allowAnyone : rootAuthenticator({ authority });
  return { hrana, rpc };
}

export async function startBaton(config: ServerConfig, logger: Logger): Promise<RunningBaton> {
  const auth = await authFor(config);
  const server = new BatonServer({
    databases: registryFor(config),
    tenancy: { namespaceFromHost: config.namespaceFromHost, defaultNamespace: config.defaultNamespace },
    maxBodyBytes: config.maxBodyBytes,
    authenticate: auth.hrana,
    logger,
    hrana: { streamIdleTimeoutMs: config.streamIdleTimeoutMs, batonSecret: config.batonSecret },
    rpc: auth.rpc,
  });
  try {
    const urls = await server.listen({ host: config.host, port: config.port });
    return { server, ...urls };
  } catch (error) {
    await server.close();
    throw error;
  }
}
