// One Hrana stream: a tenant's database, and the connection the stream holds while it has
// session state (an open transaction or connection settings). Between such periods the
// connection goes back to the pool, so an idle stream costs no connection.
import {
  targetKey,
  type DatabaseTarget,
  type SqlConnection,
  type SqlDatabase,
  type StatementInput,
  type StatementResult,
} from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";
import { SerialQueue } from "@baton/session-core";
import { isImmediateConnection, isImmediateDatabase, type ImmediateDatabase } from "./immediate-execution.js";

export class HranaStream {
  /** The tenant's database; a promise so a stream can be registered before it is open. */
  readonly database: Promise<SqlDatabase>;
  readonly target: DatabaseTarget;
  /** The target as a comparable key (a stream never changes tenant). */
  readonly tenant: string;
  /** Requests on one stream run strictly in order. */
  readonly queue = new SerialQueue();
  /** The database once open, when it can run statements synchronously. */
  #immediate: ImmediateDatabase | undefined;
  #connection: SqlConnection | null = null;
  #closed = false;

  constructor(options: { database: SqlDatabase | Promise<SqlDatabase>; target: DatabaseTarget }) {
    const { database } = options;
    if (database instanceof Promise) {
      this.database = database;
      database.then((open) => this.#opened(open), () => undefined);
    } else {
      this.database = Promise.resolve(database);
      this.#opened(database);
    }
    this.target = options.target;
    this.tenant = targetKey(options.target);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `work` on this stream's connection, checking one out if the stream holds none. */
  async withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> {
    if (this.#closed) throw new GatewayError("STREAM_CLOSED", "The stream is closed");
    const database = await this.database;
    const connection = this.#connection ?? (await database.acquire());
    this.#connection = connection;
    try {
      return await work(connection);
    } finally {
      if (!connection.holdsSessionState() && this.#connection === connection) {
        this.#connection = null;
        await database.release(connection);
      }
    }
  }

  /**
   * Runs one statement at once, without yielding, where the database allows it: on the
   * stream's own connection, or on an idle one that goes back to the pool before this returns
   * (unless the statement left session state, as withConnection() does). Undefined when that is
   * not possible (no idle connection, a lock to wait for, an asynchronous adapter): then run it
   * through withConnection(). Callers must not have other work running on the stream.
   */
  executeNow(input: StatementInput): StatementResult | undefined {
    if (this.#closed) throw new GatewayError("STREAM_CLOSED", "The stream is closed");
    const database = this.#immediate;
    if (database === undefined) return undefined;
    const held = this.#connection;
    if (held !== null) return isImmediateConnection(held) ? held.executeNow(input) : undefined;
    const connection = database.acquireIdle();
    if (connection === undefined) return undefined;
    this.#connection = connection;
    try {
      return connection.executeNow(input);
    } finally {
      if (!connection.holdsSessionState()) {
        this.#connection = null;
        database.releaseNow(connection);
      }
    }
  }

  /** Outside an explicit transaction; a stream that holds no connection is. */
  isAutocommit(): boolean {
    return this.#connection === null || this.#connection.isAutocommit();
  }

  /** Closes a stream that holds no connection at once; false when close() must be awaited. */
  closeNow(): boolean {
    if (this.#connection !== null) return false;
    this.#closed = true;
    return true;
  }

  /** Closes the stream: an open transaction is rolled back and the connection returned. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const connection = this.#connection;
    this.#connection = null;
    if (connection !== null) await (await this.database).release(connection);
  }

  #opened(database: SqlDatabase): void {
    if (isImmediateDatabase(database)) this.#immediate = database;
  }
}
