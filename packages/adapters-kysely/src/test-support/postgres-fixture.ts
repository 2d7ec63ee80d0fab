// A Postgres adapter on the test server with uniquely named tenant schemas, dropped on dispose.
// BATON_TEST_POSTGRES_URL overrides the server (default: trust auth on 127.0.0.1, database test).
import { randomBytes } from "node:crypto";
import { Client, escapeIdentifier } from "pg";
import type { SqlAdapter, SqlDatabase } from "../executor.js";
import { createPostgresAdapter, type PostgresAdapterOptions } from "../postgres/postgres-adapter.js";

export const POSTGRES_URL = process.env["BATON_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/** A namespace no other test uses. */
export function uniqueNamespace(prefix = "baton_test"): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Runs SQL on the test server outside the adapter (to look behind its back). */
export async function adminQuery(sql: string, values: unknown[] = []): Promise<unknown[][]> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<unknown[]>({ text: sql, values, rowMode: "array" })).rows;
  } finally {
    await client.end();
  }
}

export interface PostgresFixture {
  readonly adapter: SqlAdapter;
  readonly namespace: string;
  readonly database: SqlDatabase;
  /** Another tenant of the same adapter, dropped on dispose. */
  tenant(): Promise<{ namespace: string; database: SqlDatabase }>;
  /** Remembers a schema to drop on dispose (for tenants opened by hand). */
  track(schema: string): void;
  dispose(): Promise<void>;
}

/** An adapter with one fresh tenant; `dispose` closes the adapter and drops every tenant schema. */
export async function postgresFixture(options: Partial<PostgresAdapterOptions> = {}): Promise<PostgresFixture> {
  const adapter = createPostgresAdapter({ url: POSTGRES_URL, ...options });
  const schemas = new Set<string>();
  const tenant = async () => {
    const namespace = uniqueNamespace();
    schemas.add(namespace);
    return { namespace, database: await adapter.database(namespace) };
  };
  const first = await tenant();
  return {
    adapter,
    namespace: first.namespace,
    database: first.database,
    tenant,
    track: (schema) => schemas.add(schema),
    dispose: async () => {
      await adapter.close();
      for (const schema of schemas) await adminQuery(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
    },
  };
}
