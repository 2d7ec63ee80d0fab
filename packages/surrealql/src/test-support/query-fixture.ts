// A SurrealQL executor on a real SQLite file for the package's own tests: `query` answers what
// the RPC `query` method would (one entry per statement), `value` one statement's value.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteAdapter, type SqlConnection, type SqlDatabase } from "@baton/adapters-kysely";
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { RecordStoreFactory, type RecordStore } from "@baton/record-store";
import type { QueryHost } from "../execution/query-host.js";
import { QueryRunner, type StatementResult } from "../execution/query-runner.js";
import { parseQuery } from "../syntax/parser.js";

export interface QueryFixture {
  readonly store: RecordStore;
  /** Every statement's entry. */
  query(text: string, variables?: Record<string, unknown>): Promise<StatementResult[]>;
  /** The last statement's value; an ERR entry anywhere throws its message. */
  value(text: string, variables?: Record<string, unknown>): Promise<unknown>;
  dispose(): Promise<void>;
}

export async function queryFixture(): Promise<QueryFixture> {
  const directory = mkdtempSync(join(tmpdir(), "baton-surrealql-"));
  const adapter = createSqliteAdapter({ directory });
  const database: SqlDatabase = await adapter.database("records");
  const connection: SqlConnection = await database.acquire();
  const store = new RecordStoreFactory().open({ database, connection, dialect: adapter.dialect });
  const selection: { namespace?: string; database?: string } = { namespace: "test", database: "test" };
  const host: QueryHost = {
    get session() {
      return { namespace: selection.namespace, database: selection.database, auth: NONE };
    },
    hasTenant: () => selection.namespace !== undefined && selection.database !== undefined,
    withStore: (work, options) => store.transaction(() => work(store), options),
    use: async (next) => {
      if (next.namespace !== undefined) selection.namespace = next.namespace;
      if (next.database !== undefined) selection.database = next.database;
      return { ...selection };
    },
    inTransaction: false,
  };
  const toRpcError = (error: unknown) => (error instanceof RpcError ? error : new RpcError("INTERNAL", error instanceof Error ? error.message : String(error)));
  const query = (text: string, variables: Record<string, unknown> = {}) =>
    new QueryRunner({ text, query: parseQuery(text), host, variables: new Map(Object.entries(variables)), toRpcError }).run();
  return {
    store,
    query,
    async value(text, variables) {
      const results = await query(text, variables);
      for (const entry of results) if (entry.status === "ERR") throw new Error(entry.result);
      return results.at(-1)?.result;
    },
    async dispose() {
      await database.release(connection);
      await adapter.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
