// MySQL/MariaDB: more transactions at once than the pool has connections, each needing catalog
// reads and DDL on a second connection (docs/record-model.md, "Schema changes and transactions").
// Were that second connection an ordinary one, every pooled connection would be held by a
// transaction waiting for another, and all would fail with POOL_TIMEOUT.
import { RecordId } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inOwnTransaction } from "./test-support/in-own-transaction.js";
import { mysqlStore, type StoreFixture } from "./test-support/store-fixtures.js";

// The fixture holds one of the pool's connections, so two are left for the writers.
const POOL_SIZE = 3;
const WRITERS = 8;

let db: StoreFixture;
beforeEach(async () => {
  db = await mysqlStore({ poolSize: POOL_SIZE });
});
afterEach(() => db.dispose());

const writers = <T>(write: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: WRITERS }, (_, i) => write(i)));

describe(`more MySQL transactions at once than pooled connections (${WRITERS} writers, pool of ${POOL_SIZE})`, () => {
  it("each create a record in the same new table, and all commit", async () => {
    await writers((i) => inOwnTransaction(db, (store) => store.insert({ table: "crowd", id: `k${i}`, content: { i: i } })));
    const records = await db.store.scan("crowd");
    expect(records.map((record) => record["i"])).toEqual(Array.from({ length: WRITERS }, (_, i) => i));
  });

  it("each create a record in a new table of its own, and all commit", async () => {
    await writers((i) => inOwnTransaction(db, (store) => store.insert({ table: `own${i}`, id: "a", content: { i: i } })));
    for (let i = 0; i < WRITERS; i++) expect((await db.store.scan(`own${i}`)).map((record) => record["i"])).toEqual([i]);
  });

  it("each add a field new to an existing table, prepared outside the transaction, and all commit", async () => {
    await db.store.insert({ table: "wide", id: "base", content: { n: 0 } });
    await writers((i) => inOwnTransaction(db, (store) => store.insert({ table: "wide", id: `k${i}`, content: { [`f${i}`]: i } })));
    expect(await db.store.scan("wide")).toHaveLength(WRITERS + 1);
    for (let i = 0; i < WRITERS; i++) expect((await db.store.get(new RecordId("wide", `k${i}`)))?.[`f${i}`]).toBe(i);
  });
});
