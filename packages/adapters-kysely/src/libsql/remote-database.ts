// One remote database as a pool: each checked-out connection is a Hrana stream of its own, at
// most poolSize at a time. Releasing a connection ends its stream, which rolls back whatever it
// left open, rather than keeping it for the next user: an idle HTTP stream expires on the
// server (sqld: after 10 s) and would fail its next user, and opening a stream costs no round
// trip of its own (over HTTP it travels with the first statement, over a WebSocket it is
// pipelined with it), so reuse would save little and risk much.
import { GatewayError } from "@baton/protocol-types";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { ConnectionSlots } from "./connection-slots.js";
import type { HranaLink } from "./hrana-link.js";
import { RemoteConnection } from "./remote-connection.js";
import { remoteError } from "./remote-errors.js";

export interface RemoteDatabaseOptions {
  readonly link: HranaLink;
  /** Shown in error messages (the tenant namespace). */
  readonly name: string;
  readonly poolSize: number;
  readonly acquireTimeoutMs: number;
}

export class RemoteDatabase implements SqlDatabase {
  readonly #link: HranaLink;
  readonly #name: string;
  readonly #slots: ConnectionSlots;
  readonly #checkedOut = new Set<RemoteConnection>();
  #closed = false;

  constructor(options: RemoteDatabaseOptions) {
    this.#link = options.link;
    this.#name = options.name;
    this.#slots = new ConnectionSlots({ size: options.poolSize, timeoutMs: options.acquireTimeoutMs, name: options.name });
  }

  /** True while no connection is checked out or waited for. */
  get isIdle(): boolean {
    return this.#slots.taken === 0 && this.#slots.waiting === 0;
  }

  async acquire(): Promise<SqlConnection> {
    this.#assertOpen();
    await this.#slots.take();
    try {
      this.#assertOpen();
      const { stream, version } = await this.#link.openStream();
      const connection = new RemoteConnection({ stream, version, remote: this.#link.remote });
      if (this.#closed) {
        await connection.end("shutdown");
        this.#assertOpen();
      }
      this.#checkedOut.add(connection);
      return connection;
    } catch (error) {
      this.#slots.give();
      throw remoteError(error, this.#link.remote);
    }
  }

  async release(connection: SqlConnection): Promise<void> {
    if (!(connection instanceof RemoteConnection) || !this.#checkedOut.has(connection)) {
      throw new GatewayError("INTERNAL_ERROR", `Released a connection that database ${this.#name} did not hand out`);
    }
    this.#checkedOut.delete(connection);
    try {
      await connection.end(this.#closed ? "shutdown" : "release");
    } finally {
      this.#slots.give();
    }
  }

  /** Pings the remote: a stream, `SELECT 1`, closed again. Takes no pool slot. */
  async ping(): Promise<void> {
    this.#assertOpen();
    const { stream, version } = await this.#link.openStream();
    const connection = new RemoteConnection({ stream, version, remote: this.#link.remote });
    try {
      await connection.execute({ sql: "SELECT 1", args: [], namedArgs: [], wantRows: true });
    } finally {
      await connection.end("release");
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#slots.close(new GatewayError("SHUTTING_DOWN", `Database ${this.#name} is closed`));
    // They stay checked out: their holders still release them.
    await Promise.all([...this.#checkedOut].map((connection) => connection.end("shutdown")));
    this.#link.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new GatewayError("SHUTTING_DOWN", `Database ${this.#name} is closed`);
  }
}
