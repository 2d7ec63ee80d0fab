// Interactive transactions of one WebSocket (`begin`/`commit`/`cancel`, reference section 3.5).
// Each pins a checked-out connection until it ends, sits idle too long, or the socket closes;
// requests carrying its `txn` run on that connection one after another, in arrival order. A
// transaction belongs to the session that began it, on the tenant selected then: another session
// of the socket cannot see it, and its own session cannot carry it to another tenant.
import type { Uuid } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import { SerialQueue, type RpcSession } from "@baton/session-core";
import { uuidV7 } from "@baton/surrealql";
import type { RecordAccess, StoreLease } from "./record-access.js";

export interface RpcTransactionsOptions {
  readonly access: RecordAccess;
  /** Transactions open at once (each pins a pooled connection, and on SQLite the write lock). */
  readonly maxOpen: number;
  /** A transaction unused this long (ms, from its last request) is rolled back and released. */
  readonly idleMs: number;
  /** Reports a failed rollback of an expired transaction; its connection is released either way. */
  readonly onError: (error: unknown) => void;
}

interface OpenTransaction {
  readonly lease: StoreLease;
  readonly queue: SerialQueue;
  /** The session that began it. */
  readonly session: RpcSession;
  /** The tenant its session had selected at `begin`. */
  readonly tenant: string;
  /** Requests queued or running on it; it cannot expire while any are. */
  busy: number;
  idleTimer: NodeJS.Timeout | undefined;
}

export class RpcTransactions {
  readonly #options: RpcTransactionsOptions;
  readonly #open = new Map<string, OpenTransaction>();
  /** `begin`s waiting for a connection, counted against the limit too. */
  #starting = 0;

  constructor(options: RpcTransactionsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#open.size;
  }

  /** Opens a transaction of `session` on a connection of `tenant`; its id is a version 7 UUID, as SurrealDB's. */
  async begin(options: { tenant: string; session: RpcSession }): Promise<Uuid> {
    const { maxOpen } = this.#options;
    if (this.#open.size + this.#starting >= maxOpen) {
      throw RpcError.limitReached({
        limit: "maxTransactionsPerSocket",
        max: maxOpen,
        message: `At most ${maxOpen} transactions may be open on one connection: commit or cancel one first`,
      });
    }
    this.#starting++;
    let lease: StoreLease;
    try {
      lease = await this.#options.access.checkout(options.tenant);
    } finally {
      this.#starting--;
    }
    try {
      await lease.store.begin();
    } catch (error) {
      await lease.release();
      throw error;
    }
    const id = uuidV7();
    const transaction: OpenTransaction = { lease, queue: new SerialQueue(), ...options, busy: 0, idleTimer: undefined };
    this.#open.set(id.toString(), transaction);
    this.#idleFrom(id.toString(), transaction);
    return id;
  }

  /**
   * Runs `work` inside transaction `id`, after the requests queued on it before. "Transaction not
   * found" when it is not open or another session's; a Validation error when the session has
   * selected another tenant since `begin`.
   */
  async run<T>(id: string, caller: { session: RpcSession; tenant: string }, work: (store: RecordStore) => Promise<T>): Promise<T> {
    const transaction = this.#owned(id, caller.session);
    if (transaction.tenant !== caller.tenant) {
      throw RpcError.validation(
        `The transaction belongs to tenant '${transaction.tenant}', but the session now uses '${caller.tenant}': use its namespace and database again, or end it`,
      );
    }
    transaction.busy++;
    clearTimeout(transaction.idleTimer);
    try {
      // Each method is one unit inside the transaction (a savepoint): one that fails leaves nothing.
      return await transaction.queue.run(() => transaction.lease.store.transaction(() => work(transaction.lease.store)));
    } finally {
      transaction.busy--;
      if (transaction.busy === 0 && this.#open.get(id) === transaction) this.#idleFrom(id, transaction);
    }
  }

  /** Commits `id` once its queued requests have run; "Transaction not found" if it is not open or not `session`'s. */
  commit(id: string, session: RpcSession): Promise<void> {
    return this.#finishOwned({ id, session, end: (store) => store.commit() });
  }

  cancel(id: string, session: RpcSession): Promise<void> {
    return this.#finishOwned({ id, session, end: (store) => store.rollback() });
  }

  /** Rolls back every open transaction (of `session` only, when given) and returns its connection. */
  async closeAll(session?: RpcSession): Promise<void> {
    const ids = [...this.#open].filter(([, open]) => session === undefined || open.session === session).map(([id]) => id);
    await Promise.allSettled(ids.map((id) => this.#finish(id, (store) => store.rollback())));
  }

  #owned(id: string, session: RpcSession): OpenTransaction {
    const transaction = this.#open.get(id);
    // Another session's transaction is answered as SurrealDB answers an unknown one.
    if (transaction === undefined || transaction.session !== session) throw RpcError.transactionNotFound();
    return transaction;
  }

  async #finishOwned(options: { id: string; session: RpcSession; end: (store: RecordStore) => Promise<void> }): Promise<void> {
    this.#owned(options.id, options.session);
    await this.#finish(options.id, options.end);
  }

  /** Restarts the idle clock of an open transaction. */
  #idleFrom(id: string, transaction: OpenTransaction): void {
    clearTimeout(transaction.idleTimer);
    transaction.idleTimer = setTimeout(() => {
      this.#finish(id, (store) => store.rollback()).catch((error: unknown) => this.#options.onError(error));
    }, this.#options.idleMs);
    transaction.idleTimer.unref();
  }

  async #finish(id: string, end: (store: RecordStore) => Promise<void>): Promise<void> {
    const transaction = this.#open.get(id);
    if (transaction === undefined) throw RpcError.transactionNotFound();
    // Taken out at once: a second commit/cancel of the same id is "not found", as in SurrealDB.
    this.#open.delete(id);
    clearTimeout(transaction.idleTimer);
    try {
      await transaction.queue.run(() => end(transaction.lease.store));
    } finally {
      await transaction.lease.release();
    }
  }
}
