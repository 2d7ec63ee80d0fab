// How record methods reach a tenant's records: a connection checked out of the tenant's pool per
// call, a RecordStore over it, the call's work inside one transaction, and the connection always
// returned (on errors too). Interactive transactions keep their lease instead (rpc-transactions.ts).
import type { AdapterRegistry, SqlConnection, SqlDatabase, SqlAdapter } from "@baton/adapters-kysely";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";

/** Opens a RecordStore over a checked-out connection (the record store's factory). */
export interface RecordStoreOpener {
  open(options: { database: SqlDatabase; connection: SqlConnection; dialect: SqlAdapter["dialect"] }): RecordStore | Promise<RecordStore>;
}

/** A checked-out connection with its store; `release` returns the connection (rolling back what is open). */
export interface StoreLease {
  readonly tenant: string;
  readonly store: RecordStore;
  release(): Promise<void>;
}

export class RecordAccess {
  readonly #databases: AdapterRegistry;
  readonly #records: RecordStoreOpener;
  readonly #adapter: string | undefined;

  constructor(options: { databases: AdapterRegistry; records: RecordStoreOpener; adapter: string | undefined }) {
    this.#databases = options.databases;
    this.#records = options.records;
    this.#adapter = options.adapter;
  }

  /** Checks out a connection of `tenant` and opens a store on it. */
  async checkout(tenant: string): Promise<StoreLease> {
    const dialect = this.#databases.adapter(this.#adapter).dialect;
    const database = await this.#databases.database({ adapter: this.#adapter, namespace: tenant });
    const connection = await database.acquire();
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await database.release(connection);
    };
    try {
      const store = await this.#records.open({ database, connection, dialect });
      return { tenant, store, release };
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Runs `work` in one transaction on a connection of `tenant`, returned afterwards. */
  async run<T>(tenant: string, work: (store: RecordStore) => Promise<T>): Promise<T> {
    const lease = await this.checkout(tenant);
    try {
      return await lease.store.transaction(() => work(lease.store));
    } catch (error) {
      if (!isSchemaChangeRefusal(error)) throw error;
      // MySQL adds a column on a second connection (DDL would commit the transaction), which
      // waits for the metadata lock the method's own transaction holds on the table, so the
      // store refuses (docs/record-model.md, "Schema changes and transactions"). The transaction
      // has been rolled back; the method runs again without one, each write committing alone.
      return await work(lease.store);
    } finally {
      await lease.release();
    }
  }
}

/** The record store's refusal to change a table's schema inside a transaction (MySQL). */
function isSchemaChangeRefusal(error: unknown): boolean {
  return error instanceof RpcError && error.details?.kind === "TransactionSchemaChange";
}
