// A real Baton server over embedded SQLite in a temporary directory, standing in for a remote
// libSQL server (sqld, Turso) behind the libSQL adapter.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AdapterRegistry, createLibsqlAdapter, createSqliteAdapter, type LibsqlAdapterOptions, type SqlAdapter } from "@baton/adapters-kysely";
import { BatonServer } from "@baton/server-node";

export interface RemoteBaton {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly directory: string;
  close(): Promise<void>;
}

/** Starts the remote; `close()` stops it and removes its directory. */
export async function startRemoteBaton(): Promise<RemoteBaton> {
  const directory = mkdtempSync(join(tmpdir(), "baton-remote-"));
  const server = new BatonServer({ databases: new AdapterRegistry({ adapters: [createSqliteAdapter({ directory })] }) });
  const { httpUrl, wsUrl } = await server.listen({ host: "127.0.0.1", port: 0 });
  let closed = false;
  return {
    httpUrl,
    wsUrl,
    directory,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Libsql adapters made in a test, closed after it. */
export class AdapterCleanup {
  readonly #adapters: SqlAdapter[] = [];

  create(options: LibsqlAdapterOptions): SqlAdapter {
    const adapter = createLibsqlAdapter(options);
    this.#adapters.push(adapter);
    return adapter;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#adapters.splice(0).map((adapter) => adapter.close()));
  }
}
