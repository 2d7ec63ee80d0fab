// Kysely on one pinned Baton connection: Kysely's own adapter, compiler and introspector for
// the connection's dialect, with a driver that runs everything on that exact connection.
import {
  Kysely,
  PostgresAdapter,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
} from "kysely";
import type { SqlConnection } from "../executor.js";
import { ConnectionDriver } from "./connection-driver.js";
import { TenantSchemaIntrospector } from "./tenant-schema-introspector.js";

/** The SQL dialects Kysely can speak on a Baton connection (an adapter's `dialect`). */
export type KyselyDialectName = "sqlite" | "postgres";

interface DialectParts {
  compiler(): QueryCompiler;
  adapter(): DialectAdapter;
  introspector(db: Kysely<unknown>): DatabaseIntrospector;
}

const DIALECTS: Readonly<Record<KyselyDialectName, DialectParts>> = {
  sqlite: {
    compiler: () => new SqliteQueryCompiler(),
    adapter: () => new SqliteAdapter(),
    introspector: (db) => new SqliteIntrospector(db),
  },
  postgres: {
    compiler: () => new PostgresQueryCompiler(),
    adapter: () => new PostgresAdapter(),
    // A tenant is a schema: it sees its own schema only, not every tenant's tables.
    introspector: (db) => new TenantSchemaIntrospector(db),
  },
};

/** A Kysely dialect for a SqlConnection that is already checked out. */
export class ConnectionDialect implements Dialect {
  readonly #connection: SqlConnection;
  readonly #parts: DialectParts;

  constructor(connection: SqlConnection, dialect: KyselyDialectName = "sqlite") {
    this.#connection = connection;
    this.#parts = DIALECTS[dialect];
  }

  createDriver(): Driver {
    return new ConnectionDriver(this.#connection);
  }

  createQueryCompiler(): QueryCompiler {
    return this.#parts.compiler();
  }

  createAdapter(): DialectAdapter {
    return this.#parts.adapter();
  }

  createIntrospector(db: Parameters<Dialect["createIntrospector"]>[0]): DatabaseIntrospector {
    return this.#parts.introspector(db);
  }
}

/**
 * A Kysely instance that runs on `connection` and nowhere else, so it sees (and takes part in)
 * the connection's open transaction. `dialect` is the connection's adapter's (`adapter.dialect`).
 * Values keep Baton's types (integers as bigint, booleans as 1/0). Destroying it does not close
 * the connection.
 */
export function kyselyFor<DB>(connection: SqlConnection, dialect: KyselyDialectName = "sqlite"): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ConnectionDialect(connection, dialect) });
}
