// Interactive transactions: `client.transaction(mode)` holds one stream (over HTTP a chain of
// requests linked only by batons) on one database connection until commit, rollback or close.
import { LibsqlBatchError } from "@libsql/client";
import { describe, expect, test } from "vitest";
import {
  countRows,
  expectLibsqlError,
  insertedRowid,
  rowsOf,
  scalar,
  uniqueTable,
  type BatonFixture,
} from "./baton-fixture.js";

export function transactionCases(baton: BatonFixture): void {
  const { caps } = baton;
  describe("interactive transactions", () => {
    async function freshTable(prefix: string): Promise<string> {
      const table = uniqueTable(prefix);
      await baton.client().execute(`CREATE TABLE ${table} (id ${caps.types.autoId}, v ${caps.types.keyText} UNIQUE)`);
      return table;
    }

    test('"write": several executes then commit persist, with results for each', async () => {
      const table = await freshTable("txc");
      const client = baton.client();
      const tx = await client.transaction("write");
      const first = await tx.execute({ sql: `INSERT INTO ${table} (v) VALUES (?)`, args: ["a"] });
      expect(first.rowsAffected).toBe(1);
      expect(first.lastInsertRowid).toBe(insertedRowid(caps, { first: 1n, last: 1n }));
      await tx.execute({ sql: `INSERT INTO ${table} (v) VALUES (:v)`, args: { v: "b" } });
      const third = await tx.execute(`INSERT INTO ${table} (v) VALUES ('c'), ('d')`);
      expect(third.rowsAffected).toBe(2);
      expect(third.lastInsertRowid).toBe(insertedRowid(caps, { first: 3n, last: 4n }));
      const inside = await tx.execute(`SELECT v FROM ${table} ORDER BY id`);
      expect(rowsOf(inside)).toEqual([["a"], ["b"], ["c"], ["d"]]);
      const updated = await tx.execute(`UPDATE ${table} SET v = concat(v, '!') WHERE id <= 2`);
      expect(updated.rowsAffected).toBe(2);
      await tx.commit();
      expect(tx.closed).toBe(true);
      const other = baton.client();
      expect(rowsOf(await other.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["a!"], ["b!"], ["c"], ["d"]]);
    });

    test("rollback leaves nothing behind", async () => {
      const table = await freshTable("txr");
      const client = baton.client();
      const tx = await client.transaction("write");
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('a')`);
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('b')`);
      expect(scalar(await tx.execute(`SELECT count(*) FROM ${table}`))).toBe(2);
      await tx.rollback();
      expect(tx.closed).toBe(true);
      expect(await countRows(baton.client(), table)).toBe(0);
      // The rolled-back transaction does not hold the write lock.
      await client.execute(`INSERT INTO ${table} (v) VALUES ('after')`);
      expect(await countRows(client, table)).toBe(1);
    });

    test("tx.batch runs inside the transaction and commits with it", async () => {
      const table = await freshTable("txb");
      const client = baton.client();
      const tx = await client.transaction("write");
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('first')`);
      const results = await tx.batch([
        `INSERT INTO ${table} (v) VALUES ('x')`,
        { sql: `INSERT INTO ${table} (v) VALUES (?)`, args: ["y"] },
        `SELECT count(*) FROM ${table}`,
      ]);
      expect(results.map((rs) => rs.rowsAffected).slice(0, 2)).toEqual([1, 1]);
      expect(scalar(results[2]!)).toBe(3);
      await tx.commit();
      expect(await countRows(client, table)).toBe(3);
    });

    test("another client does not see uncommitted rows, and is not blocked from reading", async () => {
      const table = await freshTable("txi");
      const writer = baton.client();
      const reader = baton.client();
      await reader.execute(`INSERT INTO ${table} (v) VALUES ('committed')`);
      const tx = await writer.transaction("write");
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('pending')`);
      expect(scalar(await tx.execute(`SELECT count(*) FROM ${table}`))).toBe(2);
      // The reader runs while the writer holds its write transaction open.
      expect(rowsOf(await reader.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["committed"]]);
      await tx.commit();
      expect(rowsOf(await reader.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["committed"], ["pending"]]);
    });

    test("a failed statement does not end the transaction: later statements run and commit works", async () => {
      const table = await freshTable("txf");
      const client = baton.client();
      const tx = await client.transaction("write");
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('a')`);
      const violation = await expectLibsqlError(tx.execute(`INSERT INTO ${table} (v) VALUES ('a')`), {
        code: "SQLITE_CONSTRAINT",
      });
      expect(violation.message).toMatch(/^SQLITE_CONSTRAINT: /);
      await expectLibsqlError(tx.execute(`SELECT * FROM ${uniqueTable("nope")}`), { code: "SQLITE_ERROR" });
      await expectLibsqlError(tx.execute("SELEC 1"), { code: "SQL_PARSE_ERROR" });
      expect(tx.closed).toBe(false);
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('b')`);
      expect(rowsOf(await tx.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["a"], ["b"]]);
      await tx.commit();
      expect(rowsOf(await client.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["a"], ["b"]]);
    });

    test("a failing statement inside tx.batch reports its index and the transaction goes on", async () => {
      const table = await freshTable("txbf");
      const client = baton.client();
      const tx = await client.transaction("write");
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('a')`);
      const error = await expectLibsqlError(
        tx.batch([`INSERT INTO ${table} (v) VALUES ('b')`, `INSERT INTO ${table} (v) VALUES ('a')`, `INSERT INTO ${table} (v) VALUES ('c')`]),
        { code: "SQLITE_CONSTRAINT", type: LibsqlBatchError },
      );
      expect(error.statementIndex).toBe(1);
      // A batch inside a transaction is not atomic on its own: 'b' ran, 'c' was skipped.
      expect(rowsOf(await tx.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["a"], ["b"]]);
      await tx.commit();
      expect(await countRows(client, table)).toBe(2);
    });

    test('"deferred" transaction commits', async () => {
      const table = await freshTable("txd");
      const client = baton.client();
      const tx = await client.transaction("deferred");
      expect(scalar(await tx.execute(`SELECT count(*) FROM ${table}`))).toBe(0);
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('d')`);
      await tx.commit();
      expect(await countRows(client, table)).toBe(1);
    });

    test('"read" transaction keeps its snapshot while another client commits a write', async () => {
      const table = await freshTable("txro");
      const client = baton.client();
      const writer = baton.client();
      await writer.execute(`INSERT INTO ${table} (v) VALUES ('one')`);
      const tx = await client.transaction("read");
      expect(scalar(await tx.execute(`SELECT count(*) FROM ${table}`))).toBe(1);
      // Readers do not block writers, and the writer's commit is not visible inside the snapshot.
      await writer.execute(`INSERT INTO ${table} (v) VALUES ('two')`);
      expect(scalar(await tx.execute(`SELECT count(*) FROM ${table}`))).toBe(1);
      await tx.commit();
      expect(await countRows(client, table)).toBe(2);
    });

    test("tx.executeMultiple runs a script inside the transaction", async () => {
      const table = await freshTable("txm");
      const client = baton.client();
      const tx = await client.transaction("write");
      await tx.executeMultiple(`
        INSERT INTO ${table} (v) VALUES ('m1');
        INSERT INTO ${table} (v) VALUES ('m2; not a separator');
      `);
      await tx.execute(`INSERT INTO ${table} (v) VALUES ('m3')`);
      expect(scalar(await tx.execute(`SELECT count(*) FROM ${table}`))).toBe(3);
      await tx.rollback();
      expect(await countRows(client, table)).toBe(0);
    });

    test("a transaction that only reads can commit, and one that did nothing can commit and roll back", async () => {
      const table = await freshTable("txn");
      const client = baton.client();
      const reading = await client.transaction("write");
      expect(scalar(await reading.execute(`SELECT count(*) FROM ${table}`))).toBe(0);
      await reading.commit();
      const idle = await client.transaction("write");
      await idle.commit();
      const idle2 = await client.transaction("write");
      await idle2.rollback();
      await client.execute(`INSERT INTO ${table} (v) VALUES ('free')`);
      expect(await countRows(client, table)).toBe(1);
    });

    test("two transactions of one client in sequence each see their own work", async () => {
      const table = await freshTable("txs");
      const client = baton.client();
      for (const v of ["first", "second"]) {
        const tx = await client.transaction("write");
        await tx.execute({ sql: `INSERT INTO ${table} (v) VALUES (?)`, args: [v] });
        await tx.commit();
      }
      expect(rowsOf(await client.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["first"], ["second"]]);
    });

    if (baton.transport === "http") {
      test("over HTTP the transaction is one server stream across requests, gone after commit", async () => {
        const table = await freshTable("txh");
        const client = baton.client();
        const streams = () => baton.server.server.hrana.httpStreamCount;
        const before = streams();
        const tx = await client.transaction("write");
        await tx.execute(`INSERT INTO ${table} (v) VALUES ('a')`);
        expect(streams()).toBe(before + 1);
        await tx.execute(`INSERT INTO ${table} (v) VALUES ('b')`);
        await tx.execute(`INSERT INTO ${table} (v) VALUES ('c')`);
        expect(streams()).toBe(before + 1);
        await tx.commit();
        expect(streams()).toBe(before);
        expect(await countRows(client, table)).toBe(3);
      });
    }
  });
}
