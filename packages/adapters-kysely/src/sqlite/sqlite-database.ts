// The connection pool of one database file: hands out idle connections, opens new ones up to
// the pool size, queues acquirers FIFO beyond it, and cleans connections up on release.
import { GatewayError, toGatewayError } from "@baton/protocol-types";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { LockNotifier } from "./lock-notifier.js";
import { SchemaEpoch } from "./schema-epoch.js";
import { openSqliteConnection, type ConnectionSettings } from "./open-sqlite-connection.js";
import { SqliteConnection } from "./sqlite-connection.js";

export interface SqliteDatabaseOptions extends Omit<ConnectionSettings, "notifier" | "schemaEpoch"> {
  /** Shown in error messages (the tenant namespace). */
  readonly name: string;
  readonly poolSize: number;
  readonly acquireTimeoutMs: number;
  readonly maxIdle: number;
}

/**
 * How long connections beyond `maxIdle` may sit idle before they are closed. Trimming on every
 * release instead made bursts (many frames in one read) close and reopen connections
 * continually, which cost most of the CPU of the WebSocket benchmark.
 */
const IDLE_TRIM_DELAY_MS = 10_000;

interface Waiter {
  readonly resolve: (connection: SqliteConnection) => void;
  readonly reject: (error: Error) => void;
}

/** One database file's pool. */
export class SqliteDatabase implements SqlDatabase {
  readonly #options: SqliteDatabaseOptions;
  readonly #settings: ConnectionSettings;
  #idle: SqliteConnection[] = [];
  readonly #checkedOut = new Set<SqliteConnection>();
  #opening = 0;
  #waiters: Waiter[] = [];
  #closed = false;
  #trimTimer: NodeJS.Timeout | undefined;

  constructor(options: SqliteDatabaseOptions) {
    this.#options = options;
    // All connections of the file share one notifier (leaving a transaction wakes lock waiters)
    // and one schema epoch (a schema change by one drops the result columns all have cached).
    this.#settings = { ...options, notifier: new LockNotifier(), schemaEpoch: new SchemaEpoch() };
  }

  /** True while no connection is checked out, being opened or waited for. */
  get isIdle(): boolean {
    return this.#checkedOut.size === 0 && this.#opening === 0 && this.#waiters.length === 0;
  }

  async acquire(): Promise<SqlConnection> {
    if (this.#closed) throw new GatewayError("SHUTTING_DOWN", `Database ${this.#options.name} is closed`);
    const idle = this.#idle.pop();
    if (idle !== undefined) return this.#checkOut(idle);
    if (this.#size() >= this.#options.poolSize) return this.#waitForConnection();
    const connection = await this.#open();
    if (this.#closed) {
      connection.close("shutdown");
      throw new GatewayError("SHUTTING_DOWN", `Database ${this.#options.name} is closed`);
    }
    return this.#checkOut(connection);
  }

  /**
   * An idle connection, checked out without waiting; undefined when none is idle (or the pool
   * is closed): then acquire(). With executeNow() and releaseNow() a one-shot statement runs
   * without yielding to the event loop, so one connection serves a whole burst of requests.
   */
  acquireIdle(): SqliteConnection | undefined {
    if (this.#closed) return undefined;
    const idle = this.#idle.pop();
    return idle === undefined ? undefined : this.#checkOut(idle);
  }

  async release(connection: SqlConnection): Promise<void> {
    const checkedOut = this.#owned(connection);
    // It stays counted as checked out until it is clean, so the pool never exceeds its size.
    await checkedOut.settle();
    this.#putBack(checkedOut);
  }

  /** release() of a connection that runs nothing, done before this returns. */
  releaseNow(connection: SqlConnection): void {
    const checkedOut = this.#owned(connection);
    if (checkedOut.busy) throw new GatewayError("INTERNAL_ERROR", "releaseNow() of a connection that is running a statement");
    this.#putBack(checkedOut);
  }

  #owned(connection: SqlConnection): SqliteConnection {
    if (!(connection instanceof SqliteConnection) || !this.#checkedOut.has(connection)) {
      throw new GatewayError("INTERNAL_ERROR", `Released a connection that database ${this.#options.name} did not hand out`);
    }
    return connection;
  }

  /** Rolls back what the connection left open, and pools it again or closes it. */
  #putBack(connection: SqliteConnection): void {
    let reusable = !this.#closed && !connection.tainted && !connection.closed;
    try {
      connection.rollback();
    } catch {
      reusable = false;
    }
    this.#checkedOut.delete(connection);
    if (reusable) this.#idle.push(connection);
    else connection.close(this.#closed ? "shutdown" : "release");
    this.#dispatch();
    this.#scheduleTrim();
  }

  /** Closes the idle connections beyond `maxIdle` once they have had time to be reused. */
  #scheduleTrim(): void {
    if (this.#trimTimer !== undefined || this.#idle.length <= this.#options.maxIdle) return;
    this.#trimTimer = setTimeout(() => {
      this.#trimTimer = undefined;
      this.trimIdle(this.#options.maxIdle);
    }, IDLE_TRIM_DELAY_MS);
    this.#trimTimer.unref();
  }

  /** Closes idle connections beyond `keep`, oldest first. */
  trimIdle(keep: number): void {
    while (this.#idle.length > Math.max(0, keep)) this.#idle.shift()?.close("release");
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const shutdown = new GatewayError("SHUTTING_DOWN", `Database ${this.#options.name} is closed`);
    for (const waiter of this.#waiters.splice(0)) waiter.reject(shutdown);
    clearTimeout(this.#trimTimer);
    this.trimIdle(0);
    for (const connection of this.#checkedOut) connection.close("shutdown");
    await Promise.all([...this.#checkedOut].map((connection) => connection.settle()));
  }

  #size(): number {
    return this.#idle.length + this.#checkedOut.size + this.#opening;
  }

  #checkOut(connection: SqliteConnection): SqliteConnection {
    this.#checkedOut.add(connection);
    return connection;
  }

  async #open(): Promise<SqliteConnection> {
    this.#opening++;
    try {
      return await openSqliteConnection(this.#settings);
    } catch (error) {
      // The slot is free again: a queued acquirer may try its own luck.
      queueMicrotask(() => this.#dispatch());
      throw error;
    } finally {
      this.#opening--;
    }
  }

  #waitForConnection(): Promise<SqliteConnection> {
    const { acquireTimeoutMs, poolSize, name } = this.#options;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        const message = `All ${poolSize} connections to database ${name} are in use; waited ${acquireTimeoutMs} ms`;
        reject(new GatewayError("POOL_TIMEOUT", message));
      }, acquireTimeoutMs);
      const entry: Waiter = {
        resolve: (connection) => {
          clearTimeout(timer);
          resolve(connection);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(entry);
    });
  }

  /** Serves queued acquirers, oldest first, from idle connections or free capacity. */
  #dispatch(): void {
    while (this.#waiters.length > 0 && !this.#closed) {
      const idle = this.#idle.pop();
      if (idle === undefined && this.#size() >= this.#options.poolSize) return;
      const waiter = this.#waiters.shift();
      if (waiter === undefined) return;
      if (idle !== undefined) {
        waiter.resolve(this.#checkOut(idle));
      } else {
        this.#open().then((connection) => {
          if (this.#closed) {
            connection.close("shutdown");
            waiter.reject(new GatewayError("SHUTTING_DOWN", `Database ${this.#options.name} is closed`));
          } else {
            waiter.resolve(this.#checkOut(connection));
          }
        }, (error: unknown) => waiter.reject(toGatewayError(error)));
      }
    }
  }
}
