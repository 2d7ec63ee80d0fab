// Record stores on real databases for the conformance suite: a SQLite or libSQL file in a temp
// directory, a fresh Postgres schema, a fresh MySQL/MariaDB database. Each fixture uses its own
// tenant name so parallel runs never collide, and drops it on dispose.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createLibsqlAdapter,
  createMysqlAdapter,
  createPostgresAdapter,
  createSqliteAdapter,
  type MysqlAdapterOptions,
  type SqlAdapter,
  type SqlConnection,
  type SqlDatabase,
  type SqlValue,
} from "@baton/adapters-kysely";
import { RecordStoreFactory } from "../record-store-factory.js";
import type { RecordStore } from "../record-store.js";

export const POSTGRES_URL = process.env["BATON_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
export const MYSQL_URL = process.env["BATON_TEST_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306/test";

export interface StoreFixture {
  readonly dialect: SqlAdapter["dialect"];
  readonly database: SqlDatabase;
  readonly connection: SqlConnection;
  readonly factory: RecordStoreFactory;
  readonly store: RecordStore;
  /** Another store on its own connection of the same tenant (released on dispose). */
  another(): Promise<{ store: RecordStore; connection: SqlConnection }>;
  /** Runs plain SQL on the fixture's connection. */
  sql(text: string, args?: readonly SqlValue[]): Promise<(readonly SqlValue[])[]>;
  dispose(): Promise<void>;
}

export type FixtureFactory = () => Promise<StoreFixture>;

const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString("hex")}`;

async function open(input: { adapter: SqlAdapter; tenant: string; cleanup: () => Promise<void> }): Promise<StoreFixture> {
  const { adapter, tenant } = input;
  const database = await adapter.database(tenant);
  const connection = await database.acquire();
  const factory = new RecordStoreFactory();
  const dialect = adapter.dialect;
  const others: SqlConnection[] = [];
  return {
    dialect,
    database,
    connection,
    factory,
    store: factory.open({ database, connection, dialect }),
    async another() {
      const other = await database.acquire();
      others.push(other);
      return { store: factory.open({ database, connection: other, dialect }), connection: other };
    },
    async sql(text, args = []) {
      const result = await connection.execute({ sql: text, args, namedArgs: [], wantRows: true });
      return result.rows.map((row) => [...row]);
    },
    async dispose() {
      for (const other of others) await database.release(other);
      await database.release(connection);
      await adapter.close();
      await input.cleanup();
    },
  };
}

export const sqliteStore: FixtureFactory = () => {
  const directory = mkdtempSync(join(tmpdir(), "baton-records-"));
  return open({
    adapter: createSqliteAdapter({ directory }),
    tenant: "records",
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  });
};

export const libsqlStore: FixtureFactory = () => {
  const directory = mkdtempSync(join(tmpdir(), "baton-records-libsql-"));
  return open({
    adapter: createLibsqlAdapter({ url: `file:${directory}` }),
    tenant: "records",
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  });
};

/** Runs one statement on a tenant of a throwaway adapter (to drop a tenant from outside it). */
async function adminStatement(adapter: SqlAdapter, sql: string): Promise<void> {
  const database = await adapter.database("default");
  const connection = await database.acquire();
  try {
    await connection.execute({ sql, args: [], namedArgs: [], wantRows: false });
  } finally {
    await database.release(connection);
    await adapter.close();
  }
}

export const postgresStore: FixtureFactory = () => {
  const tenant = uniqueName("records");
  return open({
    adapter: createPostgresAdapter({ url: POSTGRES_URL }),
    tenant,
    cleanup: () => adminStatement(createPostgresAdapter({ url: POSTGRES_URL }), `DROP SCHEMA IF EXISTS "${tenant}" CASCADE`),
  });
};

/** A MySQL/MariaDB fixture; `options` configure its adapter (a small pool, say). */
export const mysqlStore = (options: Omit<MysqlAdapterOptions, "url"> = {}): Promise<StoreFixture> => {
  const tenant = uniqueName("baton_records");
  return open({
    adapter: createMysqlAdapter({ ...options, url: MYSQL_URL }),
    tenant,
    cleanup: () => adminStatement(createMysqlAdapter({ url: MYSQL_URL }), `DROP DATABASE IF EXISTS \`${tenant}\``),
  });
};
