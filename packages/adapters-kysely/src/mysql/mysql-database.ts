// One tenant's database on the MySQL server: checks connections out of the adapter's shared
// pool (side work from its side lane) and selects the tenant's database on each (USE, on that
// connection only); on release resets the session when it holds anything the next user must not
// inherit.
import { GatewayError } from "@baton/protocol-types";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { MysqlConnection } from "./mysql-connection.js";
import { ER_BAD_DB_ERROR, errnoOf, isConnectionError, mysqlError } from "./mysql-errors.js";
import { mysqlLiteral } from "./mysql-literals.js";
import type { MysqlPool, PoolLane } from "./mysql-pool.js";
import { ServerStatus, type PhysicalConnection } from "./physical-connection.js";
import type { StatementPlanner } from "./statement-plan.js";

export interface MysqlDatabaseOptions {
  /** The tenant namespace (shown in errors). */
  readonly namespace: string;
  /** The MySQL database the namespace maps to. */
  readonly databaseName: string;
  readonly pool: MysqlPool;
  readonly planner: StatementPlanner;
  /** Create the database when it does not exist (else NAMESPACE_NOT_FOUND). */
  readonly autoCreate: boolean;
  /** How long our own commands (USE, reset, …) may take before the connection is given up. */
  readonly commandTimeoutMs: number;
}

// How often acquire() replaces a pooled connection that turns out to be dead (server restarted
// or killed it before we heard of it) before giving up.
const STALE_RETRIES = 3;

/** A MySQL identifier in backticks. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll("`", "``")}\``;
}

export class MysqlDatabase implements SqlDatabase {
  readonly #options: MysqlDatabaseOptions;
  readonly #quotedName: string;
  readonly #leases = new Set<MysqlConnection>();
  #closed = false;

  constructor(options: MysqlDatabaseOptions) {
    this.#options = options;
    this.#quotedName = quoteIdentifier(options.databaseName);
  }

  get #timeout(): { timeoutMs: number } {
    return { timeoutMs: this.#options.commandTimeoutMs };
  }

  /** Creates the database if allowed and missing, or checks that it exists (NAMESPACE_NOT_FOUND). */
  async ensureExists(): Promise<void> {
    const physical = await this.#options.pool.acquire();
    let reusable = true;
    try {
      await this.#ensureOn(physical);
    } catch (error) {
      reusable = !isConnectionError(error);
      throw error instanceof GatewayError ? error : mysqlError(error);
    } finally {
      this.#options.pool.release(physical, reusable);
    }
  }

  acquire(): Promise<SqlConnection> {
    return this.#checkout("main");
  }

  /** A connection from the pool's side lane (see `PoolLane`), released with `release` as any other. */
  acquireSide(): Promise<SqlConnection> {
    return this.#checkout("side");
  }

  async #checkout(lane: PoolLane): Promise<SqlConnection> {
    this.#assertOpen();
    const { pool, planner } = this.#options;
    for (let attempt = 0; ; attempt++) {
      const physical = await pool.acquire({ database: this.#options.databaseName, lane });
      try {
        await this.#select(physical);
      } catch (error) {
        const lost = isConnectionError(error);
        pool.release(physical, !lost);
        if (lost && attempt < STALE_RETRIES) continue;
        throw this.#selectError(error);
      }
      if (this.#closed) {
        pool.release(physical, true);
        this.#assertOpen();
      }
      const connection = new MysqlConnection({
        physical,
        planner,
        commandTimeoutMs: this.#options.commandTimeoutMs,
        isShutdown: () => pool.closed,
      });
      this.#leases.add(connection);
      return connection;
    }
  }

  async release(connection: SqlConnection): Promise<void> {
    if (!(connection instanceof MysqlConnection) || !this.#leases.delete(connection)) {
      // close() already took back what was checked out.
      if (this.#closed && connection instanceof MysqlConnection && connection.ended) return;
      throw new GatewayError("INTERNAL_ERROR", `Released a connection that database ${this.#options.namespace} did not hand out`);
    }
    const { pool } = this.#options;
    const { physical, busy, needsReset } = connection.detach("release");
    if (busy || !physical.alive || this.#closed) {
      pool.release(physical, false);
      return;
    }
    if (needsReset) {
      try {
        await physical.reset(this.#timeout);
      } catch {
        pool.release(physical, false);
        return;
      }
      // The next checkout selects the database again, which also reads the fresh status.
      physical.database = undefined;
    }
    pool.release(physical, true);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const connection of this.#leases) {
      // The server rolls back what a closed connection had open.
      this.#options.pool.release(connection.detach("shutdown").physical, false);
    }
    this.#leases.clear();
  }

  #assertOpen(): void {
    if (this.#closed) throw new GatewayError("SHUTTING_DOWN", `Database ${this.#options.namespace} is closed`);
  }

  /** Makes the tenant's database the connection's default database. */
  async #select(physical: PhysicalConnection): Promise<void> {
    if (physical.database === this.#options.databaseName && physical.status !== undefined) return;
    try {
      await physical.query(`USE ${this.#quotedName}`, this.#timeout);
    } catch (error) {
      // Dropped since we first saw it: create it again when allowed.
      if (errnoOf(error) !== ER_BAD_DB_ERROR || !this.#options.autoCreate) throw error;
      await this.#ensureOn(physical);
      await physical.query(`USE ${this.#quotedName}`, this.#timeout);
    }
    physical.database = this.#options.databaseName;
    // Our own USE changed the session's schema; that is not state a user left behind.
    physical.sessionChanged = false;
  }

  async #ensureOn(physical: PhysicalConnection): Promise<void> {
    const { databaseName } = this.#options;
    if (this.#options.autoCreate) {
      await physical.query(`CREATE DATABASE IF NOT EXISTS ${this.#quotedName} CHARACTER SET utf8mb4`, this.#timeout);
      return;
    }
    const backslashEscapes = ((physical.status ?? 0) & ServerStatus.NO_BACKSLASH_ESCAPES) === 0;
    const name = mysqlLiteral(databaseName, { backslashEscapes });
    const found = await physical.query(`SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${name}`, this.#timeout);
    if ((found.resultSets[0]?.rows.length ?? 0) === 0) throw this.#notFound();
  }

  #selectError(error: unknown): GatewayError {
    if (error instanceof GatewayError) return error;
    if (errnoOf(error) === ER_BAD_DB_ERROR) return this.#notFound();
    return mysqlError(error);
  }

  #notFound(): GatewayError {
    const { namespace, databaseName } = this.#options;
    return new GatewayError("NAMESPACE_NOT_FOUND", `Namespace ${namespace} does not exist (no MySQL database ${quoteIdentifier(databaseName)})`);
  }
}
