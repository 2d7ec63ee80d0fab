// Opens record stores over checked-out connections, with one schema cache per tenant database.
import type { SqlAdapter, SqlConnection, SqlDatabase } from "@baton/adapters-kysely";
import { mysqlStoreDialect } from "./dialects/mysql-store-dialect.js";
import { postgresStoreDialect } from "./dialects/postgres-store-dialect.js";
import { sqliteStoreDialect } from "./dialects/sqlite-store-dialect.js";
import type { StoreDialect } from "./dialects/store-dialect.js";
import type { RecordStore } from "./record-store.js";
import { SchemaCaches } from "./schema/schema-cache.js";
import { SqlRecordStore } from "./sql-record-store.js";

// Local libSQL files speak SQLite's SQL.
const DIALECTS: Readonly<Record<SqlAdapter["dialect"], StoreDialect>> = {
  sqlite: sqliteStoreDialect,
  libsql: sqliteStoreDialect,
  postgres: postgresStoreDialect,
  mysql: mysqlStoreDialect,
};

export interface OpenRecordStoreOptions {
  readonly database: SqlDatabase;
  readonly connection: SqlConnection;
  readonly dialect: SqlAdapter["dialect"];
}

/** Record stores for any adapter's tenants; keep one factory per process (it holds the schema caches). */
export class RecordStoreFactory {
  readonly #caches = new SchemaCaches();

  /** A store over `connection`, a connection of `database` checked out by the caller. */
  open(options: OpenRecordStoreOptions): RecordStore {
    return new SqlRecordStore({
      database: options.database,
      connection: options.connection,
      dialect: DIALECTS[options.dialect],
      cache: this.#caches.for(options.database),
    });
  }
}
