// The connections of one MySQL adapter, shared by all its tenants: hands out idle connections
// (preferring one already on the wanted database), opens new ones up to the pool size, queues
// acquirers FIFO beyond it for at most the acquire timeout, and drops connections that die.
import { GatewayError } from "@baton/protocol-types";
import type { ConnectionOptions } from "mysql2";
import { connectError } from "./mysql-errors.js";
import { PhysicalConnection } from "./physical-connection.js";

export interface MysqlPoolOptions {
  /** Shown in error messages (the adapter's name). */
  readonly name: string;
  readonly connection: ConnectionOptions;
  readonly size: number;
  readonly acquireTimeoutMs: number;
}

interface Waiter {
  readonly database: string | undefined;
  readonly resolve: (connection: PhysicalConnection) => void;
  readonly reject: (error: Error) => void;
}

export class MysqlPool {
  readonly #options: MysqlPoolOptions;
  /** Idle connections, most recently released last. */
  #idle: PhysicalConnection[] = [];
  readonly #checkedOut = new Set<PhysicalConnection>();
  #opening = 0;
  #waiters: Waiter[] = [];
  #closed = false;

  constructor(options: MysqlPoolOptions) {
    this.#options = options;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Connections open, being opened, or checked out. */
  get size(): number {
    return this.#idle.length + this.#checkedOut.size + this.#opening;
  }

  /**
   * A live connection for the caller alone, preferably one whose default database is `database`;
   * waits up to the acquire timeout for one to be released (then POOL_TIMEOUT).
   */
  async acquire(database?: string): Promise<PhysicalConnection> {
    this.#assertOpen();
    const idle = this.#takeIdle(database);
    if (idle !== undefined) return this.#checkOut(idle);
    if (this.size >= this.#options.size) return this.#waitForConnection(database);
    return this.#checkOut(await this.#open());
  }

  /** Takes a connection back: idle again if `reusable` and alive, otherwise closed. */
  release(connection: PhysicalConnection, reusable: boolean): void {
    if (!this.#checkedOut.delete(connection)) return;
    if (reusable && connection.alive && !this.#closed) this.#idle.push(connection);
    else connection.destroy();
    this.#dispatch();
  }

  /** Closes every connection, idle or not, and fails the waiters. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const shutdown = this.#shutdownError();
    for (const waiter of this.#waiters.splice(0)) waiter.reject(shutdown);
    for (const connection of [...this.#idle, ...this.#checkedOut]) connection.destroy();
    this.#idle = [];
    this.#checkedOut.clear();
  }

  #assertOpen(): void {
    if (this.#closed) throw this.#shutdownError();
  }

  #shutdownError(): GatewayError {
    return new GatewayError("SHUTTING_DOWN", `The MySQL adapter ${this.#options.name} is closed`);
  }

  #takeIdle(database: string | undefined): PhysicalConnection | undefined {
    // Most recently used first: it is the likeliest to be alive and warm.
    let index = this.#idle.findLastIndex((connection) => connection.database === database);
    if (index < 0) index = this.#idle.length - 1;
    if (index < 0) return undefined;
    return this.#idle.splice(index, 1)[0];
  }

  #checkOut(connection: PhysicalConnection): PhysicalConnection {
    this.#checkedOut.add(connection);
    return connection;
  }

  async #open(): Promise<PhysicalConnection> {
    this.#opening++;
    let connection: PhysicalConnection;
    try {
      connection = await PhysicalConnection.open(this.#options.connection);
    } catch (error) {
      // The slot is free again: a queued acquirer may try its own luck.
      queueMicrotask(() => this.#dispatch());
      throw connectError(error);
    } finally {
      this.#opening--;
    }
    if (this.#closed) {
      connection.destroy();
      throw this.#shutdownError();
    }
    // An idle connection the server closes (restart, wait_timeout, KILL) leaves the pool at once.
    connection.onDeath(() => {
      const index = this.#idle.indexOf(connection);
      if (index >= 0) {
        this.#idle.splice(index, 1);
        this.#dispatch();
      }
    });
    return connection;
  }

  #waitForConnection(database: string | undefined): Promise<PhysicalConnection> {
    const { acquireTimeoutMs, size, name } = this.#options;
    return new Promise((resolve, reject) => {
      // A waiter served by a connection still being opened may time out first; the late
      // connection then goes back to the pool instead of leaking.
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        const message = `All ${size} connections of the MySQL adapter ${name} are in use; waited ${acquireTimeoutMs} ms`;
        reject(new GatewayError("POOL_TIMEOUT", message));
      }, acquireTimeoutMs);
      const entry: Waiter = {
        database,
        resolve: (connection) => {
          if (settled) {
            this.release(connection, true);
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(connection);
        },
        reject: (error) => {
          if (settled) return;
          settled = true;
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
      const waiter = this.#waiters[0]!;
      const idle = this.#takeIdle(waiter.database);
      if (idle === undefined && this.size >= this.#options.size) return;
      this.#waiters.shift();
      if (idle !== undefined) {
        waiter.resolve(this.#checkOut(idle));
      } else {
        this.#open().then(
          (connection) => waiter.resolve(this.#checkOut(connection)),
          (error: unknown) => waiter.reject(error instanceof Error ? error : new Error(String(error))),
        );
      }
    }
  }
}
