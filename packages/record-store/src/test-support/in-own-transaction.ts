// Runs work the way an RPC record method does (packages/surreal-rpc record-access.ts): on a
// connection of its own, in one transaction, a schema change refused inside it (MySQL) prepared
// outside and the transaction run again, the connection always returned.
import type { RecordStore } from "../record-store.js";
import { SchemaChangeRefused } from "../schema-change-refused.js";
import type { StoreFixture } from "./store-fixtures.js";

/** Rounds of "prepare the schema, run again" before a refusal is thrown, as the RPC layer allows. */
const MAX_ATTEMPTS = 5;

/** Runs `work` in a transaction of a store on a newly checked-out connection of `db`'s tenant. */
export async function inOwnTransaction<T>(db: StoreFixture, work: (store: RecordStore) => Promise<T>): Promise<T> {
  const connection = await db.database.acquire();
  try {
    const store = db.factory.open({ database: db.database, connection, dialect: db.dialect });
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.transaction(() => work(store));
      } catch (error) {
        if (!(error instanceof SchemaChangeRefused) || attempt >= MAX_ATTEMPTS) throw error;
        if (error.pending !== undefined) await store.prepare(error.pending);
      }
    }
  } finally {
    await db.database.release(connection);
  }
}
