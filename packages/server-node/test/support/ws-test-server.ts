// Starts a real BatonServer over a fresh temporary SQLite directory on a random port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AdapterRegistry, createSqliteAdapter } from "@baton/adapters-kysely";
import { BatonServer, type Authenticator } from "../../src/index.js";

export interface WsTestServer {
  readonly server: BatonServer;
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface WsTestServerOptions {
  readonly authenticate?: Authenticator;
  /** SQLite busy timeout: how long a writer waits for the write lock (default 5 s). */
  readonly busyTimeoutMs?: number;
}

export async function startWsTestServer(options: WsTestServerOptions = {}): Promise<WsTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "baton-ws-test-"));
  const server = new BatonServer({
    databases: new AdapterRegistry({
      adapters: [createSqliteAdapter({ directory: dataDir, busyTimeoutMs: options.busyTimeoutMs ?? 5_000 })],
    }),
    authenticate: options.authenticate,
    logger: { info: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => console.error(m, e) },
  });
  const { httpUrl, wsUrl } = await server.listen({ host: "127.0.0.1", port: 0 });
  return {
    server,
    httpUrl,
    wsUrl,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
