// Concurrent writers making the same schema change (docs/record-model.md, "Schema changes and
// transactions"): each on its own connection and in its own transaction, as RPC record methods
// run, all creating the same new table or adding the same new fields. Every writer must succeed
// and every record read back, on every database (sqlite.test.ts, libsql.test.ts,
// postgres.test.ts, mysql.test.ts).
import { RecordId } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SurrealObject, SurrealRecord } from "./record-store.js";
import { inOwnTransaction } from "./test-support/in-own-transaction.js";
import type { FixtureFactory, StoreFixture } from "./test-support/store-fixtures.js";

// Fewer than the smallest pool (16), which also holds the fixture's own connection.
const WRITERS = 12;
// The race is between sessions' timing: a few rounds on fresh tables make a miss unlikely.
const ROUNDS = 3;

/** A key that sorts by writer. */
const keyOf = (i: number): string => `k${String(i).padStart(2, "0")}`;

export function concurrentSchemaSuite(name: string, fixture: FixtureFactory): void {
  describe(`concurrent schema changes on ${name} (${WRITERS} writers, each in a transaction)`, () => {
    let db: StoreFixture;
    beforeEach(async () => {
      db = await fixture();
    });
    afterEach(async () => {
      await db.dispose();
    });

    /** Whether DDL is part of the transaction that runs it (everywhere but MySQL, where it commits). */
    const transactionalDdl = (): boolean => db.dialect !== "mysql";

    /** Every writer inserts `content(i)` as `table:k<i>` at once; returns what each insert answered. */
    const writeAll = (table: string, content: (i: number) => SurrealObject): Promise<SurrealRecord[]> =>
      Promise.all(Array.from({ length: WRITERS }, (_, i) => inOwnTransaction(db, (store) => store.insert({ table, id: keyOf(i), content: content(i) }))));

    /** What each writer was told, and what a scan reads afterwards, are the records written. */
    async function expectStored(table: string, expected: (i: number) => SurrealObject): Promise<void> {
      const records = Array.from({ length: WRITERS }, (_, i) => ({ id: new RecordId(table, keyOf(i)), ...expected(i) }));
      expect(await db.store.scan(table)).toEqual(records);
      for (const record of records) expect(await db.store.get(record.id)).toEqual(record);
    }

    it("all create the first records of the same new table (the tenant's first table)", async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const table = `race${round}`;
        const content = (i: number) => ({ i, name: `writer ${i}` });
        const answered = await writeAll(table, content);
        expect(answered).toEqual(Array.from({ length: WRITERS }, (_, i) => ({ id: new RecordId(table, keyOf(i)), ...content(i) })));
        await expectStored(table, content);
      }
    });

    it("all create the same new table, each with fields of its own besides shared ones", async () => {
      await db.store.insert({ table: "earlier", id: "a", content: { n: 0 } });
      for (let round = 0; round < ROUNDS; round++) {
        const table = `mixed${round}`;
        const content = (i: number) => ({ shared: i, [`own${i}`]: `only ${i}`, ...(i % 2 === 0 ? { even: true } : {}) });
        await writeAll(table, content);
        await expectStored(table, content);
      }
    });

    it("all add the same new fields, and fields of their own, to an existing table", async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const table = `grow${round}`;
        await db.store.insert({ table, id: "base", content: { n: -1 } });
        const content = (i: number) => ({ n: i, added: `shared ${i}`, ratio: i + 0.5, [`own${i}`]: i });
        await writeAll(table, content);
        const records = await db.store.scan(table);
        expect(records).toHaveLength(WRITERS + 1);
        expect(records[0]).toEqual({ id: new RecordId(table, "base"), n: -1 });
        for (let i = 0; i < WRITERS; i++) expect(await db.store.get(new RecordId(table, keyOf(i)))).toEqual({ id: new RecordId(table, keyOf(i)), ...content(i) });
      }
    });

    it("all write values an existing column cannot hold, and it widens once for all of them", async () => {
      const table = "widen";
      await db.store.insert({ table, id: "base", content: { n: -1 } });
      const content = (i: number) => ({ n: `text ${i}` });
      await writeAll(table, content);
      const records = await db.store.scan(table);
      expect(records[0]).toEqual({ id: new RecordId(table, "base"), n: -1 });
      expect(records.slice(1)).toEqual(Array.from({ length: WRITERS }, (_, i) => ({ id: new RecordId(table, keyOf(i)), ...content(i) })));
    });

    it("keeps a table created in an open transaction from other connections until it commits", async () => {
      const other = await db.another();
      expect(await other.store.table("late")).toBeUndefined();
      await db.store.begin();
      expect(await db.store.insert({ table: "late", id: "a", content: { n: 1 } })).toEqual({ id: new RecordId("late", "a"), n: 1 });
      // Neither what this connection learnt nor what the other read meanwhile may leak either way.
      // MySQL creates the table on another connection, committed at once; its record waits.
      const late = { name: "late", origin: "baton", keyKind: "string", edge: false };
      expect(await other.store.table("late")).toEqual(transactionalDdl() ? undefined : late);
      expect(await other.store.get(new RecordId("late", "a"))).toBeUndefined();
      expect(await db.store.get(new RecordId("late", "a"))).toEqual({ id: new RecordId("late", "a"), n: 1 });
      // MySQL refuses new fields inside a transaction (tested in the record store suite).
      const fields = { n: 2, ...(transactionalDdl() ? { added: true } : {}) };
      const b = { id: new RecordId("late", "b"), ...fields };
      expect(await db.store.insert({ table: "late", id: "b", content: fields })).toEqual(b);
      expect(await other.store.get(new RecordId("late", "b"))).toBeUndefined();
      await db.store.commit();
      expect(await other.store.table("late")).toEqual(late);
      expect(await other.store.scan("late")).toEqual([{ id: new RecordId("late", "a"), n: 1 }, b]);
    });

    it("forgets a table created in a transaction that rolls back, on every connection", async () => {
      const other = await db.another();
      await db.store.begin();
      await db.store.insert({ table: "undone", id: "a", content: { n: 1 } });
      await db.store.rollback();
      // MySQL created the table outside the transaction: only the record is undone.
      const undone = transactionalDdl() ? undefined : { name: "undone", origin: "baton", keyKind: "string", edge: false };
      expect(await db.store.table("undone")).toEqual(undone);
      expect(await other.store.table("undone")).toEqual(undone);
      // The name is free again (MySQL: the table is empty), for either connection.
      expect(await other.store.insert({ table: "undone", id: "b", content: { m: "x" } })).toEqual({ id: new RecordId("undone", "b"), m: "x" });
      expect(await db.store.scan("undone")).toEqual([{ id: new RecordId("undone", "b"), m: "x" }]);
    });
  });
}
