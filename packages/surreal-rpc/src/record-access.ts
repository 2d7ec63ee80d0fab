// How record methods reach a tenant's records: a connection checked out of the tenant's pool per
// call, a RecordStore over it, the call's work inside one transaction, and the connection always
// returned (on errors too). Interactive transactions keep their lease instead (rpc-transactions.ts).
import type { AdapterRegistry, SqlConnection, SqlDatabase, SqlAdapter } from "@baton/adapters-kysely";
import { SchemaChangeRefused, type RecordStore } from "@baton/record-store";

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

/** Rounds of "prepare the schema, run again" before a MySQL schema refusal is reported. */
const MAX_SCHEMA_ATTEMPTS = 5;

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
  async run<T>(tenant: string, work: (store: RecordStore) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
    const lease = await this.checkout(tenant);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await lease.store.transaction(() => work(lease.store), options);
        } catch (error) {
          if (!(error instanceof SchemaChangeRefused) || attempt >= MAX_SCHEMA_ATTEMPTS) throw error;
          // MySQL/MariaDB cannot change a schema inside a transaction (DDL commits it, and a
          // column added on another connection makes the table unusable to it), so the store
          // refused (docs/record-model.md, "Schema changes and transactions"). The transaction
          // has been rolled back: make the change on its own, then run the whole method again,
          // still atomically. A method that keeps needing new columns gives up after a few rounds.
          if (error.pending !== undefined) await lease.store.prepare(error.pending);
        }
      }
    } finally {
      await lease.release();
    }
  }
}
