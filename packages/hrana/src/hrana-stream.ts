// One Hrana stream: a tenant's database, and the connection the stream holds while it has
// session state (an open transaction or connection settings). Between such periods the
// connection goes back to the pool, so an idle stream costs no connection.
import { targetKey, type DatabaseTarget, type SqlConnection, type SqlDatabase } from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";
import { SerialQueue } from "@baton/session-core";

export class HranaStream {
  /** The tenant's database; a promise so a stream can be registered before it is open. */
  readonly database: Promise<SqlDatabase>;
  readonly target: DatabaseTarget;
  /** The target as a comparable key (a stream never changes tenant). */
  readonly tenant: string;
  /** Requests on one stream run strictly in order. */
  readonly queue = new SerialQueue();
  #connection: SqlConnection | null = null;
  #closed = false;

  constructor(options: { database: Promise<SqlDatabase>; target: DatabaseTarget }) {
    this.database = options.database;
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

  /** Outside an explicit transaction; a stream that holds no connection is. */
  isAutocommit(): boolean {
    return this.#connection === null || this.#connection.isAutocommit();
  }

  /** Closes the stream: an open transaction is rolled back and the connection returned. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const connection = this.#connection;
    this.#connection = null;
    if (connection !== null) await (await this.database).release(connection);
  }
}
