// The record seed: the SQL seed plus SurrealDB records, written by Baton's own record store so
// the tables are exactly what it makes (Baton tables: typed key column, `_baton_types`,
// `_baton_meta`). Built once per run, only when an RPC scenario needs it: Baton is started on a
// copy of the SQL seed, records are inserted over RPC, Baton stops, and the file is checkpointed.
import { RecordId, RpcClient, Table } from "@baton/client-sdk";
import Database from "better-sqlite3";
import { join } from "node:path";
import { copySeed } from "./seed-database.js";
import { startServer } from "./servers/start-server.js";

/** The RPC namespace and database (`use [bench, bench]`: the SQLite tenant file `bench.db`). */
export const RECORD_NAMESPACE = "bench";
/** The table of records the RPC point selects read: `person:1` … `person:10000`, integer keys. */
export const PERSON_TABLE = "person";
export const PERSON_ROWS = 10_000;
/** The table RPC creates write to: a Baton table with string keys, seeded with one record. */
export const RECORD_WRITE_TABLE = "bench";

const INSERT_BATCH = 1_000;

/** Writes the record seed in `dir` from the SQL seed `seed`; returns the seed file's path. */
export async function writeRecordSeed(options: { seed: string; dir: string }): Promise<string> {
  copySeed({ seed: options.seed, dir: options.dir, namespaces: [RECORD_NAMESPACE] });
  const server = await startServer({ spec: { kind: "baton" }, dataDir: options.dir });
  try {
    const client = await RpcClient.connect(server.wsUrl, { format: "cbor" });
    try {
      await client.call("use", [RECORD_NAMESPACE, RECORD_NAMESPACE]);
      for (let first = 1; first <= PERSON_ROWS; first += INSERT_BATCH) {
        const records = Array.from({ length: Math.min(INSERT_BATCH, PERSON_ROWS - first + 1) }, (_, i) => ({
          id: new RecordId(PERSON_TABLE, first + i),
          name: `person-${first + i}`,
          age: (first + i) % 90,
        }));
        await client.call("insert", [new Table(PERSON_TABLE), records]);
      }
      await client.call("create", [new RecordId(RECORD_WRITE_TABLE, "seed"), { name: "seed", qty: 0 }]);
    } finally {
      await client.close();
    }
  } finally {
    await server.stop();
  }
  const file = join(options.dir, `${RECORD_NAMESPACE}.db`);
  // Copies take the main file only: fold the write-ahead log into it first.
  const db = new Database(file);
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return file;
}
