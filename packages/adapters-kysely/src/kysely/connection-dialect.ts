// Kysely on one pinned Baton connection: Kysely's own SQLite adapter, compiler and
// introspector, with a driver that runs everything on that exact connection.
import {
  Kysely,
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

/** A Kysely dialect for a SQLite SqlConnection that is already checked out. */
export class ConnectionDialect implements Dialect {
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection) {
    this.#connection = connection;
  }

  createDriver(): Driver {
    return new ConnectionDriver(this.#connection);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Parameters<Dialect["createIntrospector"]>[0]): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/**
 * A Kysely instance that runs on `connection` and nowhere else, so it sees (and takes part in)
 * the connection's open transaction. Integers come back as bigint, as everywhere in Baton.
 * Destroying it does not close the connection.
 */
export function kyselyFor<DB>(connection: SqlConnection): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ConnectionDialect(connection) });
}
