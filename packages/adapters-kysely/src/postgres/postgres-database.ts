// One tenant's database on the adapter's shared pool: every connection it hands out has
// search_path set to the tenant's schema, and comes back rolled back and, if the stream
// changed session state, reset.
import { GatewayError } from "@baton/protocol-types";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { postgresError } from "./postgres-errors.js";
import { PostgresConnection, type ConnectionShared, type PgClientLike } from "./postgres-connection.js";

/** What the tenant databases of one adapter share. */
export interface DatabaseShared extends ConnectionShared {
  /** Checks a client out of the pool (POOL_TIMEOUT when none frees up in time). */
  readonly checkout: () => Promise<PgClientLike>;
  /**
   * The schema whose search_path each pooled client currently has. A client that served this
   * tenant last needs no SET; a client is forgotten here when DISCARD ALL reset it.
   */
  readonly searchPaths: WeakMap<PgClientLike, string>;
  /** Every connection checked out through any tenant, so that closing the adapter can end them. */
  readonly live: Set<PostgresConnection>;
}

export interface PostgresDatabaseOptions {
  readonly namespace: string;
  readonly schema: string;
  /** `SET search_path TO "<schema>"`. */
  readonly searchPathSql: string;
  readonly shared: DatabaseShared;
}

/** A tenant (a schema) on the shared pool. */
export class PostgresDatabase implements SqlDatabase {
  readonly #options: PostgresDatabaseOptions;
  /** Connections handed out, with their pooled clients. */
  readonly #checkedOut = new Map<PostgresConnection, PgClientLike>();
  #closed = false;

  constructor(options: PostgresDatabaseOptions) {
    this.#options = options;
  }

  /** True while none of the tenant's connections is checked out. */
  get isIdle(): boolean {
    return this.#checkedOut.size === 0;
  }

  async acquire(): Promise<SqlConnection> {
    this.#assertOpen();
    const { shared, schema, searchPathSql } = this.#options;
    const client = await shared.checkout();
    const connection = new PostgresConnection({ client, shared, searchPathSql });
    try {
      this.#assertOpen();
      // SET on this very connection, before anyone can run a statement on it.
      if (shared.searchPaths.get(client) !== schema) {
        shared.searchPaths.delete(client);
        await connection.setSearchPath();
        shared.searchPaths.set(client, schema);
      }
    } catch (error) {
      connection.close({ reason: "release", destroy: !(error instanceof GatewayError && error.code === "SHUTTING_DOWN") });
      throw postgresError(error);
    }
    this.#checkedOut.set(connection, client);
    shared.live.add(connection);
    return connection;
  }

  async release(connection: SqlConnection): Promise<void> {
    if (!(connection instanceof PostgresConnection) || !this.#checkedOut.has(connection)) {
      throw new GatewayError("INTERNAL_ERROR", `Released a connection that database ${this.#options.namespace} did not hand out`);
    }
    // It stays counted as checked out until it is clean.
    await connection.settle();
    const { reusable, discarded } = this.#closed ? { reusable: false, discarded: false } : await connection.resetForPool();
    const client = this.#checkedOut.get(connection);
    this.#checkedOut.delete(connection);
    this.#options.shared.live.delete(connection);
    if (client !== undefined && (discarded || !reusable)) this.#options.shared.searchPaths.delete(client);
    connection.close({ reason: this.#closed ? "shutdown" : "release", destroy: !reusable });
  }

  /** Closes the tenant: waiting calls fail with SHUTTING_DOWN, checked-out clients are destroyed. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const connections = [...this.#checkedOut.keys()];
    for (const connection of connections) connection.close({ reason: "shutdown", destroy: true });
    await Promise.all(connections.map((connection) => connection.settle()));
  }

  #assertOpen(): void {
    if (this.#closed) throw new GatewayError("SHUTTING_DOWN", `Database ${this.#options.namespace} is closed`);
  }
}
