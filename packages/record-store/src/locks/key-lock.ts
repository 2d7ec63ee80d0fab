// RecordStore.lockKey on each database: the lock a transaction takes on a key and holds to its
// end (docs/record-model.md, "Key locks").
import type { SqlConnection, SqlValue, StatementResult } from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import type { KeyLockSql } from "../dialects/store-dialect.js";
import { SchemaChangeRefused } from "../schema-change-refused.js";

// MySQL 1146: `_baton_locks` does not exist (yet, or no longer).
const NO_TABLE = /\berror 1146\b|doesn't exist/i;
// MySQL 1412: `_baton_locks` was created after the transaction's snapshot began.
const TABLE_CHANGED = /\berror 1412\b/;

// Keys whose `_baton_locks` row a tenant is known to have; forgotten past this many (they are
// `unique:<table>:<index>` keys, a handful per tenant, so this is a bound, not a working size).
const MAX_KNOWN_KEYS = 4096;

export interface KeyLockInput {
  readonly lock: KeyLockSql;
  /** The transaction's connection. */
  readonly connection: SqlConnection;
  /** Runs `work` on another connection of the tenant, in autocommit (the store's side connection). */
  readonly onSide: <T>(work: (connection: SqlConnection) => Promise<T>) => Promise<T>;
  /** The tenant's keys whose row exists: shared by its stores, so each key is made once. */
  readonly known: Set<string>;
  readonly key: string;
}

/** Takes `key` in the open transaction; true when the store's reads must lock from now on (`row`). */
export async function takeKeyLock(input: KeyLockInput): Promise<boolean> {
  const { lock, connection, key } = input;
  switch (lock.mode) {
    case "serialised":
      return false;
    case "advisory":
      await waitFor(key, () => run(connection, lock.take, [key]));
      return false;
    case "row": {
      if (!input.known.has(key)) await addKeyRow(input, lock);
      const taken = await waitFor(key, () => run(connection, lock.take, [key]));
      if (taken.rows.length === 0) {
        // The row went (`_baton_locks` emptied by hand): made again, and no lock is held yet.
        input.known.delete(key);
        await addKeyRow(input, lock);
        if ((await waitFor(key, () => run(connection, lock.take, [key]))).rows.length === 0) {
          throw new RpcError("INTERNAL", `The lock row of '${key}' cannot be found after it was made`);
        }
      }
      return true;
    }
  }
}

/**
 * Makes the key's row, committed at once on a side connection: inserted inside the transaction,
 * it would be locked by the inserter alone and block nobody until then; looked for with a locking
 * read first, the miss would gap-lock the very place the side connection inserts into. The plain
 * read on the side connection waits for no lock, and INSERT IGNORE races only other makers.
 */
async function addKeyRow(input: KeyLockInput, lock: Extract<KeyLockSql, { mode: "row" }>): Promise<void> {
  await input.onSide(async (side) => {
    let present: boolean;
    try {
      present = (await run(side, lock.hasKey, [input.key])).rows.length > 0;
    } catch (error) {
      if (!(error instanceof GatewayError && NO_TABLE.test(error.message))) throw error;
      await run(side, lock.createTable);
      present = false;
    }
    if (!present) await run(side, lock.addKey, [input.key]);
  });
  if (input.known.size >= MAX_KNOWN_KEYS) input.known.clear();
  input.known.add(input.key);
}

/** Runs a lock statement; a lock wait that ended in a timeout or a deadlock says which key it was. */
async function waitFor(key: string, take: () => Promise<StatementResult>): Promise<StatementResult> {
  try {
    return await take();
  } catch (error) {
    if (error instanceof GatewayError && TABLE_CHANGED.test(error.message)) {
      // The tenant's first key lock, in a transaction that had already read: the table exists
      // now, so the transaction run again takes it (RPC methods do so on their own).
      throw new SchemaChangeRefused(`Baton's lock table was created after this transaction began reading: run the transaction again`);
    }
    if (!(error instanceof GatewayError && error.code === "SQLITE_BUSY")) throw error;
    throw new GatewayError(
      "SQLITE_BUSY",
      `Waiting for the lock '${key}', which another transaction holds, failed (the wait timed out or deadlocked; retry the transaction): ${error.message}`,
      { cause: error },
    );
  }
}

function run(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []): Promise<StatementResult> {
  return connection.execute({ sql, args, namedArgs: [], wantRows: true });
}
