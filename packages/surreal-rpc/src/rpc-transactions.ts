// Interactive transactions of one WebSocket (`begin`/`commit`/`cancel`, reference section 3.5).
// Each pins a checked-out connection until it ends or the socket closes; requests carrying its
// `txn` run on that connection one after another, in arrival order.
import type { Uuid } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import { SerialQueue } from "@baton/session-core";
import { uuidV7 } from "./builtin-functions.js";
import type { RecordAccess, StoreLease } from "./record-access.js";

interface OpenTransaction {
  readonly lease: StoreLease;
  readonly queue: SerialQueue;
}

export class RpcTransactions {
  readonly #access: RecordAccess;
  readonly #open = new Map<string, OpenTransaction>();

  constructor(access: RecordAccess) {
    this.#access = access;
  }

  get size(): number {
    return this.#open.size;
  }

  /** Opens a transaction on a connection of `tenant`; its id is a version 7 UUID, as SurrealDB's. */
  async begin(tenant: string): Promise<Uuid> {
    const lease = await this.#access.checkout(tenant);
    try {
      await lease.store.begin();
    } catch (error) {
      await lease.release();
      throw error;
    }
    const id = uuidV7();
    this.#open.set(id.toString(), { lease, queue: new SerialQueue() });
    return id;
  }

  /** Runs `work` inside transaction `id`, after the requests queued on it before. */
  run<T>(id: string, work: (store: RecordStore) => Promise<T>): Promise<T> {
    const transaction = this.#open.get(id);
    if (transaction === undefined) return Promise.reject(RpcError.transactionNotFound());
    return transaction.queue.run(() => work(transaction.lease.store));
  }

  /** Commits `id` once its queued requests have run; "Transaction not found" if it is not open. */
  commit(id: string): Promise<void> {
    return this.#finish(id, (store) => store.commit());
  }

  cancel(id: string): Promise<void> {
    return this.#finish(id, (store) => store.rollback());
  }

  /** Rolls back every open transaction and returns its connection (socket closed). */
  async closeAll(): Promise<void> {
    const ids = [...this.#open.keys()];
    await Promise.allSettled(ids.map((id) => this.cancel(id)));
  }

  async #finish(id: string, end: (store: RecordStore) => Promise<void>): Promise<void> {
    const transaction = this.#open.get(id);
    if (transaction === undefined) throw RpcError.transactionNotFound();
    // Taken out at once: a second commit/cancel of the same id is "not found", as in SurrealDB.
    this.#open.delete(id);
    try {
      await transaction.queue.run(() => end(transaction.lease.store));
    } finally {
      await transaction.lease.release();
    }
  }
}
