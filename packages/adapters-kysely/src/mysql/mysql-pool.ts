// The connections of one MySQL adapter, shared by all its tenants: hands out idle connections
// (preferring one already on the wanted database), opens new ones up to each lane's size, queues
// acquirers FIFO beyond it for at most the acquire timeout, and drops connections that die.
import { GatewayError } from "@baton/protocol-types";
import type { ConnectionOptions } from "mysql2";
import { connectError } from "./mysql-errors.js";
import { PhysicalConnection } from "./physical-connection.js";

export interface MysqlPoolOptions {
  /** Shown in error messages (the adapter's name). */
  readonly name: string;
  readonly connection: ConnectionOptions;
  /** Connections of the main lane: what `acquire` hands out. */
  readonly size: number;
  /** Connections of the side lane, on top of `size` (see `PoolLane`). */
  readonly sideSize: number;
  readonly acquireTimeoutMs: number;
}

/**
 * Which budget a checkout counts against. "main" is every ordinary checkout. "side" is brief
 * work done by a holder of a main connection that needs a second one (the record store's catalog
 * reads and DDL inside a MySQL transaction): were it drawn from the main lane, every main
 * connection could be held by a caller waiting for a second, and nobody would release one. Side
 * holders take nothing else before releasing, so the side lane always drains.
 */
export type PoolLane = "main" | "side";

const LANES: readonly PoolLane[] = ["main", "side"];

export interface PoolRequest {
  /** The default database wanted: an idle connection already on it is preferred. */
  readonly database?: string | undefined;
  /** Default "main". */
  readonly lane?: PoolLane;
}

interface Waiter {
  readonly database: string | undefined;
  readonly lane: PoolLane;
  readonly resolve: (connection: PhysicalConnection) => void;
  readonly reject: (error: Error) => void;
}

export class MysqlPool {
  readonly #options: MysqlPoolOptions;
  /** Idle connections, most recently released last. */
  #idle: PhysicalConnection[] = [];
  /** Checked-out connections, each with the lane it counts against. */
  readonly #checkedOut = new Map<PhysicalConnection, PoolLane>();
  readonly #opening: Record<PoolLane, number> = { main: 0, side: 0 };
  #waiters: Waiter[] = [];
  #closed = false;

  constructor(options: MysqlPoolOptions) {
    this.#options = options;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Connections open, being opened, or checked out, in both lanes. */
  get size(): number {
    return this.#idle.length + this.#checkedOut.size + this.#opening.main + this.#opening.side;
  }

  /**
   * A live connection for the caller alone, preferably one whose default database is `database`;
   * waits up to the acquire timeout for one of its lane to be released (then POOL_TIMEOUT).
   */
  async acquire(request: PoolRequest = {}): Promise<PhysicalConnection> {
    this.#assertOpen();
    const { database, lane = "main" } = request;
    if (this.#full(lane)) return this.#waitForConnection({ database, lane });
    const idle = this.#takeIdle(database);
    if (idle !== undefined) return this.#checkOut(idle, lane);
    return this.#checkOut(await this.#open(lane), lane);
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
    for (const connection of [...this.#idle, ...this.#checkedOut.keys()]) connection.destroy();
    this.#idle = [];
    this.#checkedOut.clear();
  }

  #assertOpen(): void {
    if (this.#closed) throw this.#shutdownError();
  }

  #shutdownError(): GatewayError {
    return new GatewayError("SHUTTING_DOWN", `The MySQL adapter ${this.#options.name} is closed`);
  }

  /**
   * Whether the lane has all its connections checked out or being opened. An idle connection
   * serves either lane; one is opened only when none is idle, so the pool never holds more than
   * `size + sideSize` connections.
   */
  #full(lane: PoolLane): boolean {
    let inUse = this.#opening[lane];
    for (const owner of this.#checkedOut.values()) if (owner === lane) inUse++;
    return inUse >= (lane === "main" ? this.#options.size : this.#options.sideSize);
  }

  #takeIdle(database: string | undefined): PhysicalConnection | undefined {
    // Most recently used first: it is the likeliest to be alive and warm.
    let index = this.#idle.findLastIndex((connection) => connection.database === database);
    if (index < 0) index = this.#idle.length - 1;
    if (index < 0) return undefined;
    return this.#idle.splice(index, 1)[0];
  }

  #checkOut(connection: PhysicalConnection, lane: PoolLane): PhysicalConnection {
    this.#checkedOut.set(connection, lane);
    return connection;
  }

  async #open(lane: PoolLane): Promise<PhysicalConnection> {
    this.#opening[lane]++;
    let connection: PhysicalConnection;
    try {
      connection = await PhysicalConnection.open(this.#options.connection);
    } catch (error) {
      // The slot is free again: a queued acquirer may try its own luck.
      queueMicrotask(() => this.#dispatch());
      throw connectError(error);
    } finally {
      this.#opening[lane]--;
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

  #waitForConnection(request: { database: string | undefined; lane: PoolLane }): Promise<PhysicalConnection> {
    const { acquireTimeoutMs, size, sideSize, name } = this.#options;
    return new Promise((resolve, reject) => {
      // A waiter served by a connection still being opened may time out first; the late
      // connection then goes back to the pool instead of leaking.
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        const message =
          request.lane === "main"
            ? `All ${size} connections of the MySQL adapter ${name} are in use; waited ${acquireTimeoutMs} ms`
            : `All ${sideSize} side connections of the MySQL adapter ${name} are in use; waited ${acquireTimeoutMs} ms`;
        reject(new GatewayError("POOL_TIMEOUT", message));
      }, acquireTimeoutMs);
      const entry: Waiter = {
        ...request,
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

  /**
   * Serves queued acquirers, oldest first within each lane, from idle connections or free
   * capacity; a full lane never holds up the other.
   */
  #dispatch(): void {
    for (const lane of LANES) {
      while (!this.#closed && !this.#full(lane)) {
        const waiter = this.#waiters.find((queued) => queued.lane === lane);
        if (waiter === undefined) break;
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        this.#serve(waiter);
      }
    }
  }

  #serve(waiter: Waiter): void {
    const idle = this.#takeIdle(waiter.database);
    if (idle !== undefined) {
      waiter.resolve(this.#checkOut(idle, waiter.lane));
      return;
    }
    this.#open(waiter.lane).then(
      (connection) => waiter.resolve(this.#checkOut(connection, waiter.lane)),
      (error: unknown) => waiter.reject(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
