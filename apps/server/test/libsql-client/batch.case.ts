// `client.batch` in every transaction mode and `client.migrate`: the client wraps the statements
// in BEGIN … COMMIT with `ok(previous step)` conditions and a guarded ROLLBACK (hrana.md §8.4),
// so a failing statement must leave nothing of the batch behind.
import { LibsqlBatchError } from "@libsql/client";
import { describe, expect, test } from "vitest";
import { countRows, expectLibsqlError, rowsOf, scalar, uniqueTable, type BatonFixture } from "./baton-fixture.js";

export function batchCases(baton: BatonFixture): void {
  describe("batch", () => {
    test.each(["write", "deferred"] as const)('mode "%s": inserts commit and results come back per statement', async (mode) => {
      const client = baton.client();
      const table = uniqueTable("batch");
      await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, v TEXT)`);
      const results = await client.batch(
        [
          { sql: `INSERT INTO ${table} (v) VALUES (?)`, args: ["a"] },
          [`INSERT INTO ${table} (v) VALUES (:v)`, { v: "b" }],
          `INSERT INTO ${table} (v) VALUES ('c'), ('d')`,
          `SELECT v FROM ${table} ORDER BY id`,
          `UPDATE ${table} SET v = upper(v) WHERE v IN ('a', 'b')`,
        ],
        mode,
      );
      expect(results).toHaveLength(5);
      expect(results.map((rs) => rs.rowsAffected).slice(0, 3)).toEqual([1, 1, 2]);
      expect(results.map((rs) => rs.lastInsertRowid).slice(0, 3)).toEqual([1n, 2n, 4n]);
      expect(rowsOf(results[3]!)).toEqual([["a"], ["b"], ["c"], ["d"]]);
      expect(results[3]!.columns).toEqual(["v"]);
      expect(results[4]!.rowsAffected).toBe(2);
      const other = baton.client();
      expect(rowsOf(await other.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["A"], ["B"], ["c"], ["d"]]);
    });

    test('mode "read": several queries see the same data', async () => {
      const client = baton.client();
      const table = uniqueTable("batchr");
      await client.execute(`CREATE TABLE ${table} (v INTEGER)`);
      await client.execute(`INSERT INTO ${table} VALUES (1), (2), (3)`);
      const results = await client.batch(
        [`SELECT sum(v) AS total FROM ${table}`, { sql: `SELECT v FROM ${table} WHERE v > ? ORDER BY v`, args: [1] }],
        "read",
      );
      expect(scalar(results[0]!)).toBe(6);
      expect(rowsOf(results[1]!)).toEqual([[2], [3]]);
    });

    test("the default mode (deferred) works without a mode argument", async () => {
      const client = baton.client();
      const table = uniqueTable("batchd");
      const results = await client.batch([
        `CREATE TABLE ${table} (v)`,
        `INSERT INTO ${table} VALUES (1)`,
        `SELECT count(*) FROM ${table}`,
      ]);
      expect(scalar(results[2]!)).toBe(1);
    });

    test("an empty batch succeeds", async () => {
      const client = baton.client();
      expect(await client.batch([], "write")).toEqual([]);
    });

    test.each(["write", "deferred"] as const)('mode "%s": a constraint violation in statement 2 of 3 commits nothing', async (mode) => {
      const client = baton.client();
      const table = uniqueTable("batchf");
      await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, v TEXT UNIQUE)`);
      await client.execute(`INSERT INTO ${table} (v) VALUES ('taken')`);
      const error = await expectLibsqlError(
        client.batch(
          [
            `INSERT INTO ${table} (v) VALUES ('first')`,
            `INSERT INTO ${table} (v) VALUES ('taken')`,
            `INSERT INTO ${table} (v) VALUES ('third')`,
          ],
          mode,
        ),
        { code: "SQLITE_CONSTRAINT", type: LibsqlBatchError },
      );
      expect(error.statementIndex).toBe(1);
      expect(error.message).toMatch(/^SQLITE_CONSTRAINT: /);
      expect(rowsOf(await client.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["taken"]]);
      // The stream was rolled back and closed: the next write is not blocked by a leftover lock.
      await client.batch([`INSERT INTO ${table} (v) VALUES ('after')`], "write");
      expect(await countRows(client, table)).toBe(2);
    });

    test('mode "read": a failing query in statement 2 of 3 fails the batch at that index', async () => {
      const client = baton.client();
      const table = uniqueTable("batchrf");
      await client.execute(`CREATE TABLE ${table} (v)`);
      const error = await expectLibsqlError(
        client.batch([`SELECT count(*) FROM ${table}`, `SELECT nope FROM ${table}`, `SELECT 1`], "read"),
        { code: "SQLITE_ERROR", type: LibsqlBatchError },
      );
      expect(error.statementIndex).toBe(1);
      // The read transaction ended with the stream: a write goes through at once.
      await client.batch([`INSERT INTO ${table} VALUES (1)`], "write");
      expect(await countRows(client, table)).toBe(1);
    });

    test("a failure in the last statement rolls back the ones before it", async () => {
      const client = baton.client();
      const table = uniqueTable("batchl");
      await client.execute(`CREATE TABLE ${table} (v NOT NULL)`);
      const error = await expectLibsqlError(
        client.batch([`INSERT INTO ${table} VALUES (1)`, `INSERT INTO ${table} VALUES (2)`, `INSERT INTO ${table} VALUES (NULL)`], "write"),
        { code: "SQLITE_CONSTRAINT", type: LibsqlBatchError },
      );
      expect(error.statementIndex).toBe(2);
      expect(await countRows(client, table)).toBe(0);
    });

    test("a missing table in the first statement fails the batch with SQLITE_ERROR", async () => {
      const client = baton.client();
      const table = uniqueTable("batchm");
      await client.execute(`CREATE TABLE ${table} (v)`);
      const error = await expectLibsqlError(
        client.batch([`INSERT INTO ${uniqueTable("nope")} VALUES (1)`, `INSERT INTO ${table} VALUES (1)`], "write"),
        { code: "SQLITE_ERROR", type: LibsqlBatchError },
      );
      expect(error.statementIndex).toBe(0);
      expect(await countRows(client, table)).toBe(0);
    });

    test("DDL inside a failed batch is rolled back too", async () => {
      const client = baton.client();
      const table = uniqueTable("batchddl");
      await expectLibsqlError(
        client.batch([`CREATE TABLE ${table} (v UNIQUE)`, `INSERT INTO ${table} VALUES (1)`, `INSERT INTO ${table} VALUES (1)`], "write"),
        { code: "SQLITE_CONSTRAINT", type: LibsqlBatchError },
      );
      await expectLibsqlError(client.execute(`SELECT * FROM ${table}`), { code: "SQLITE_ERROR" });
    });

    test("a batch with more distinct statements than the client's SQL cache holds", async () => {
      // The HTTP client caches 30 texts per stream, the WebSocket client 100 per connection:
      // 120 distinct texts make it evict (close_sql) and store again under freed ids.
      const client = baton.client();
      const table = uniqueTable("batchc");
      await client.execute(`CREATE TABLE ${table} (k INTEGER PRIMARY KEY, v INTEGER)`);
      const stmts = Array.from({ length: 120 }, (_, k) => `INSERT INTO ${table} (k, v) VALUES (${k}, ${k * k})`);
      const results = await client.batch([...stmts, ...stmts.slice(0, 10).map((s) => s.replace("INSERT", "INSERT OR REPLACE"))], "write");
      expect(results).toHaveLength(130);
      const rs = await client.execute(`SELECT count(*), sum(v) FROM ${table}`);
      const expectedSum = Array.from({ length: 120 }, (_, k) => k * k).reduce((a, b) => a + b, 0);
      expect(rowsOf(rs)).toEqual([[120, expectedSum]]);
      // The same texts again, through the now warm cache, on a new stream.
      const again = await client.batch(stmts.slice(0, 40).map((s) => s.replace("INSERT", "INSERT OR IGNORE")), "write");
      expect(again.every((r) => r.rowsAffected === 0)).toBe(true);
    });
  });

  describe("migrate", () => {
    test("runs the statements in one transaction with foreign keys switched off", async () => {
      const client = baton.client();
      const parent = uniqueTable("parent");
      const child = uniqueTable("child");
      const before = scalar(await client.execute("PRAGMA foreign_keys"));
      const results = await client.migrate([
        `CREATE TABLE ${parent} (id INTEGER PRIMARY KEY)`,
        `CREATE TABLE ${child} (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES ${parent}(id))`,
        // An orphan is accepted only because foreign keys are off during the migration.
        `INSERT INTO ${child} (parent_id) VALUES (999)`,
        `INSERT INTO ${parent} (id) VALUES (1)`,
      ]);
      expect(results).toHaveLength(4);
      expect(results[2]!.rowsAffected).toBe(1);
      expect(await countRows(client, child)).toBe(1);
      expect(await countRows(client, parent)).toBe(1);
      // The PRAGMA changed a connection; whatever the server does with it, later statements see
      // the setting they saw before the migration.
      expect(scalar(await client.execute("PRAGMA foreign_keys"))).toBe(before);
    });

    test("a failing migration leaves nothing behind", async () => {
      const client = baton.client();
      const table = uniqueTable("mig");
      await expectLibsqlError(
        client.migrate([`CREATE TABLE ${table} (v)`, `INSERT INTO ${table} VALUES (1)`, `INSERT INTO ${uniqueTable("nope")} VALUES (1)`]),
        { code: "SQLITE_ERROR", type: LibsqlBatchError },
      );
      await expectLibsqlError(client.execute(`SELECT * FROM ${table}`), { code: "SQLITE_ERROR" });
      // And the write lock is free again.
      await client.migrate([`CREATE TABLE ${table} (v)`]);
      expect(await countRows(client, table)).toBe(0);
    });
  });
}
