// MySQL adapters on the test server (BATON_TEST_MYSQL_URL, default the local MariaDB), each test
// with its own uniquely named databases, dropped afterwards.
import { randomBytes } from "node:crypto";
import { createConnection, type Connection } from "mysql2/promise";
import type { SqlDatabase } from "../executor.js";
import { createMysqlAdapter, type MysqlAdapterOptions } from "../mysql/mysql-adapter.js";

export const MYSQL_URL = process.env["BATON_TEST_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306/test";

/** A namespace no other test uses: `baton_<prefix>_<random>`. */
export function uniqueNamespace(prefix = "t"): string {
  return `baton_${prefix}_${randomBytes(6).toString("hex")}`;
}

/** A plain mysql2 connection to the test server, outside any adapter (for setup and checks). */
export function adminConnection(): Promise<Connection> {
  return createConnection({ uri: MYSQL_URL, supportBigNumbers: true, bigNumberStrings: true });
}

/** Drops the databases of `namespaces`, if they exist. */
export async function dropDatabases(namespaces: readonly string[]): Promise<void> {
  if (namespaces.length === 0) return;
  const admin = await adminConnection();
  try {
    for (const namespace of namespaces) await admin.query(`DROP DATABASE IF EXISTS \`${namespace}\``);
  } finally {
    await admin.end();
  }
}

/**
 * An adapter on the test server and one tenant database; `namespace()` names more tenants,
 * `dispose` closes the adapter and drops every tenant's database.
 */
export async function mysqlFixture(options: Partial<MysqlAdapterOptions> = {}) {
  const namespaces: string[] = [];
  const namespace = (prefix?: string): string => {
    const name = uniqueNamespace(prefix);
    namespaces.push(name);
    return name;
  };
  const adapter = createMysqlAdapter({ url: MYSQL_URL, ...options });
  const tenant = namespace();
  const database: SqlDatabase = await adapter.database(tenant);
  return {
    adapter,
    database,
    tenant,
    namespace,
    dispose: async () => {
      await adapter.close();
      await dropDatabases(namespaces);
    },
  };
}

export type MysqlFixture = Awaited<ReturnType<typeof mysqlFixture>>;
