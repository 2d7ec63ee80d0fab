// Many clients and many concurrent write transactions at once: writers must wait for the locks
// they need (and pooled connections) instead of failing with SQLITE_BUSY or POOL_TIMEOUT, and
// every committed write must be there at the end.
import type { Client } from "@libsql/client";
import { describe, expect, test } from "vitest";
import { countRows, rowsOf, scalar, uniqueTable, type BatonFixture } from "./baton-fixture.js";

const ROWS_PER_BATCH = 3;

export function concurrencyCases(baton: BatonFixture): void {
  const { caps } = baton;
  const t = caps.types;
  describe("concurrency", () => {
    async function counterTables(prefix: string): Promise<{ rows: string; counter: string }> {
      const rows = uniqueTable(prefix);
      const counter = uniqueTable(`${prefix}_n`);
      await baton.client().batch(
        [
          `CREATE TABLE ${rows} (id ${t.autoId}, batch ${t.integer}, k ${t.integer})`,
          `CREATE TABLE ${counter} (n ${t.integer})`,
          `INSERT INTO ${counter} VALUES (0)`,
        ],
        "write",
      );
      return { rows, counter };
    }

    /** One write batch: ROWS_PER_BATCH inserts and a read-modify-write of the counter. */
    function writeBatch(client: Client, tables: { rows: string; counter: string }, batch: number) {
      return client.batch(
        [
          ...Array.from({ length: ROWS_PER_BATCH }, (_, k) => ({
            sql: `INSERT INTO ${tables.rows} (batch, k) VALUES (?, ?)`,
            args: [batch, k],
          })),
          `UPDATE ${tables.counter} SET n = n + 1`,
        ],
        "write",
      );
    }

    async function expectAllWritten(tables: { rows: string; counter: string }, batches: number): Promise<void> {
      const client = baton.client();
      expect(await countRows(client, tables.rows)).toBe(batches * ROWS_PER_BATCH);
      const perBatch = await client.execute(
        `SELECT count(DISTINCT batch), min(c), max(c) FROM (SELECT batch, count(*) AS c FROM ${tables.rows} GROUP BY batch) AS per_batch`,
      );
      expect(rowsOf(perBatch)).toEqual([[batches, ROWS_PER_BATCH, ROWS_PER_BATCH]]);
      expect(scalar(await client.execute(`SELECT n FROM ${tables.counter}`))).toBe(batches);
    }

    test("50 clients at once, each doing several executes", async () => {
      const table = uniqueTable("many");
      await baton.client().execute(`CREATE TABLE ${table} (id ${t.autoId}, owner ${t.integer} UNIQUE, v ${t.text})`);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, async (_, owner) => {
          const client = baton.client();
          const inserted = await client.execute(`INSERT INTO ${table} (owner, v) VALUES (?, ?)`, [owner, `v${owner}`]);
          await client.execute(`UPDATE ${table} SET v = concat(v, '!') WHERE owner = ?`, [owner]);
          const mine = await client.execute(`SELECT v FROM ${table} WHERE owner = ?`, [owner]);
          const total = await client.execute(`SELECT count(*) FROM ${table}`);
          return { rowid: inserted.lastInsertRowid, v: scalar(mine), total: Number(scalar(total)) };
        }),
      );
      outcomes.forEach((outcome, owner) => {
        expect(outcome.v).toBe(`v${owner}!`);
        expect(outcome.total).toBeGreaterThanOrEqual(1);
      });
      // Each insert got its own id (where the database reports one).
      if (caps.lastInsertRowid !== "none") expect(new Set(outcomes.map((o) => o.rowid)).size).toBe(50);
      expect(await countRows(baton.client(), table)).toBe(50);
    });

    test("100 concurrent write batches from one client all commit", async () => {
      const tables = await counterTables("conc1");
      const client = baton.client();
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => writeBatch(client, tables, i)));
      expect(results).toHaveLength(100);
      await expectAllWritten(tables, 100);
    });

    test("100 concurrent write batches from 25 clients all commit", async () => {
      const tables = await counterTables("conc25");
      const clients = Array.from({ length: 25 }, () => baton.client());
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => writeBatch(clients[i % clients.length] as Client, tables, i)),
      );
      expect(results).toHaveLength(100);
      await expectAllWritten(tables, 100);
    });

    test("20 concurrent interactive write transactions all commit", async () => {
      const tables = await counterTables("conctx");
      // A read-modify-write of the counter. SQLite's write transaction holds the database's write
      // lock from BEGIN; Postgres and MySQL lock rows only when told to (backends.ts, writeLocks).
      const forUpdate = caps.writeLocks === "row" ? " FOR UPDATE" : "";
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const tx = await baton.client().transaction("write");
          for (let k = 0; k < ROWS_PER_BATCH; k++) {
            await tx.execute({ sql: `INSERT INTO ${tables.rows} (batch, k) VALUES (?, ?)`, args: [i, k] });
          }
          const n = Number(scalar(await tx.execute(`SELECT n FROM ${tables.counter}${forUpdate}`)));
          await tx.execute({ sql: `UPDATE ${tables.counter} SET n = ?`, args: [n + 1] });
          await tx.commit();
        }),
      );
      await expectAllWritten(tables, 20);
    });

    test("readers and writers interleave without errors", async () => {
      const tables = await counterTables("concrw");
      const client = baton.client();
      const reader = baton.client();
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 40; i++) {
        work.push(writeBatch(client, tables, i));
        work.push(reader.execute(`SELECT count(*) FROM ${tables.rows}`));
        work.push(reader.batch([`SELECT n FROM ${tables.counter}`, `SELECT max(batch) FROM ${tables.rows}`], "read"));
      }
      await Promise.all(work);
      await expectAllWritten(tables, 40);
    });
  });
}
