// `client.batch` in every transaction mode and `client.migrate`: the client wraps the statements
// in BEGIN … COMMIT with `ok(previous step)` conditions and a guarded ROLLBACK,
// so a failing statement must leave nothing of the batch behind.
import { LibsqlBatchError } from "@libsql/client";
import { describe, expect, test } from "vitest";
import {
  countRows,
  expectLibsqlError,
  insertedRowid,
  rowsOf,
  scalar,
  testIf,
  uniqueTable,
  type BatonFixture,
} from "./baton-fixture.js";

export function batchCases(baton: BatonFixture): void {
  const { caps } = baton;
  const label = baton.backend.label;
  const t = caps.types;

  describe("batch", () => {
    test.each(["write", "deferred"] as const)('mode "%s": inserts commit and results come back per statement', async (mode) => {
      const client = baton.client();
      const table = uniqueTable("batch");
      await client.execute(`CREATE TABLE ${table} (id ${t.autoId}, v ${t.text})`);
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
      expect(results.map((rs) => rs.lastInsertRowid).slice(0, 3)).toEqual([
        insertedRowid(caps, { first: 1n, last: 1n }),
        insertedRowid(caps, { first: 2n, last: 2n }),
        insertedRowid(caps, { first: 3n, last: 4n }),
      ]);
      expect(rowsOf(results[3]!)).toEqual([["a"], ["b"], ["c"], ["d"]]);
      expect(results[3]!.columns).toEqual(["v"]);
      expect(results[4]!.rowsAffected).toBe(2);
      const other = baton.client();
      expect(rowsOf(await other.execute(`SELECT v FROM ${table} ORDER BY id`))).toEqual([["A"], ["B"], ["c"], ["d"]]);
    });

    test('mode "read": several queries see the same data', async () => {
      const client = baton.client();
      const table = uniqueTable("batchr");
      await client.execute(`CREATE TABLE ${table} (v ${t.integer})`);
      await client.execute(`INSERT INTO ${table} VALUES (1), (2), (3)`);
      // count and max, not sum: Postgres and MySQL sum integers into an exact decimal.
      const results = await client.batch(
        [`SELECT count(*) AS n, max(v) AS top FROM ${table}`, { sql: `SELECT v FROM ${table} WHERE v > ? ORDER BY v`, args: [1] }],
        "read",
      );
      expect(rowsOf(results[0]!)).toEqual([[3, 3]]);
      expect(rowsOf(results[1]!)).toEqual([[2], [3]]);
    });

    test("the default mode (deferred) works without a mode argument", async () => {
      const client = baton.client();
      const table = uniqueTable("batchd");
      const results = await client.batch([
        `CREATE TABLE ${table} (v ${t.integer})`,
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
      await client.execute(`CREATE TABLE ${table} (id ${t.autoId}, v ${t.keyText} UNIQUE)`);
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
      await client.execute(`CREATE TABLE ${table} (v ${t.integer})`);
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
      await client.execute(`CREATE TABLE ${table} (v ${t.integer} NOT NULL)`);
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
      await client.execute(`CREATE TABLE ${table} (v ${t.integer})`);
      const error = await expectLibsqlError(
        client.batch([`INSERT INTO ${uniqueTable("nope")} VALUES (1)`, `INSERT INTO ${table} VALUES (1)`], "write"),
        { code: "SQLITE_ERROR", type: LibsqlBatchError },
      );
      expect(error.statementIndex).toBe(0);
      expect(await countRows(client, table)).toBe(0);
    });

    testIf(caps.transactionalDdl, `${label} commits implicitly before and after DDL`)("DDL inside a failed batch is rolled back too", async () => {
      const client = baton.client();
      const table = uniqueTable("batchddl");
      await expectLibsqlError(
        client.batch(
          [`CREATE TABLE ${table} (v ${t.integer} UNIQUE)`, `INSERT INTO ${table} VALUES (1)`, `INSERT INTO ${table} VALUES (1)`],
          "write",
        ),
        { code: "SQLITE_CONSTRAINT", type: LibsqlBatchError },
      );
      await expectLibsqlError(client.execute(`SELECT * FROM ${table}`), { code: "SQLITE_ERROR" });
    });

    test("a batch with more distinct statements than the client's SQL cache holds", async () => {
      // The HTTP client caches 30 texts per stream, the WebSocket client 100 per connection:
      // 130 distinct texts make it evict (close_sql) and store again under freed ids.
      const client = baton.client();
      const table = uniqueTable("batchc");
      await client.execute(`CREATE TABLE ${table} (k ${t.integer} PRIMARY KEY, v ${t.integer})`);
      const stmts = Array.from({ length: 120 }, (_, k) => `INSERT INTO ${table} (k, v) VALUES (${k}, ${k * k})`);
      const doubled = Array.from({ length: 10 }, (_, k) => `UPDATE ${table} SET v = v * 2 WHERE k = ${k}`);
      const results = await client.batch([...stmts, ...doubled], "write");
      expect(results).toHaveLength(130);
      const squares = await client.execute(`SELECT count(*) FROM ${table} WHERE v = k * k`);
      const twice = await client.execute(`SELECT count(*) FROM ${table} WHERE v = 2 * k * k AND k > 0`);
      // k = 0 is both 0² and 2·0²; the other nine of the first ten were doubled.
      expect([scalar(squares), scalar(twice)]).toEqual([111, 9]);
      // Texts again, through the now warm cache, on a new stream: they match no row.
      const again = await client.batch(
        stmts.slice(0, 40).map((_, k) => `DELETE FROM ${table} WHERE k = ${k} AND v < 0`),
        "write",
      );
      expect(again.every((r) => r.rowsAffected === 0)).toBe(true);
      expect(await countRows(client, table)).toBe(120);
    });
  });

  describe("migrate", () => {
    testIf(caps.switchableForeignKeys, `${label} always enforces foreign keys; migrate()'s PRAGMA foreign_keys=off is a no-op there`)(
      "runs the statements in one transaction with foreign keys switched off",
      async () => {
        const client = baton.client();
        const parent = uniqueTable("parent");
        const child = uniqueTable("child");
        const before = scalar(await client.execute("PRAGMA foreign_keys"));
        const results = await client.migrate([
          `CREATE TABLE ${parent} (id ${t.integer} PRIMARY KEY)`,
          `CREATE TABLE ${child} (id ${t.autoId}, parent_id ${t.integer}, FOREIGN KEY (parent_id) REFERENCES ${parent}(id))`,
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
      },
    );

    test("runs the statements in order and returns a result for each", async () => {
      const client = baton.client();
      const parent = uniqueTable("mparent");
      const child = uniqueTable("mchild");
      const results = await client.migrate([
        `CREATE TABLE ${parent} (id ${t.integer} PRIMARY KEY)`,
        `CREATE TABLE ${child} (id ${t.autoId}, parent_id ${t.integer}, FOREIGN KEY (parent_id) REFERENCES ${parent}(id))`,
        `INSERT INTO ${parent} (id) VALUES (1), (2)`,
        `INSERT INTO ${child} (parent_id) VALUES (2)`,
      ]);
      expect(results.map((rs) => rs.rowsAffected).slice(2)).toEqual([2, 1]);
      expect(rowsOf(await client.execute(`SELECT parent_id FROM ${child}`))).toEqual([[2]]);
    });

    test("a failing migration of data leaves none of it behind", async () => {
      const client = baton.client();
      const table = uniqueTable("migd");
      await client.execute(`CREATE TABLE ${table} (v ${t.integer})`);
      await expectLibsqlError(
        client.migrate([`INSERT INTO ${table} VALUES (1)`, `INSERT INTO ${table} VALUES (2)`, `INSERT INTO ${uniqueTable("nope")} VALUES (1)`]),
        { code: "SQLITE_ERROR", type: LibsqlBatchError },
      );
      expect(await countRows(client, table)).toBe(0);
      // And the write lock is free again.
      await client.migrate([`INSERT INTO ${table} VALUES (3)`]);
      expect(rowsOf(await client.execute(`SELECT v FROM ${table}`))).toEqual([[3]]);
    });

    testIf(caps.transactionalDdl, `${label} commits implicitly before and after DDL`)("a failing migration leaves nothing behind", async () => {
      const client = baton.client();
      const table = uniqueTable("mig");
      await expectLibsqlError(
        client.migrate([
          `CREATE TABLE ${table} (v ${t.integer})`,
          `INSERT INTO ${table} VALUES (1)`,
          `INSERT INTO ${uniqueTable("nope")} VALUES (1)`,
        ]),
        { code: "SQLITE_ERROR", type: LibsqlBatchError },
      );
      await expectLibsqlError(client.execute(`SELECT * FROM ${table}`), { code: "SQLITE_ERROR" });
      // And the write lock is free again.
      await client.migrate([`CREATE TABLE ${table} (v ${t.integer})`]);
      expect(await countRows(client, table)).toBe(0);
    });
  });
}
