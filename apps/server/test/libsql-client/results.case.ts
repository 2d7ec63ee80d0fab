// What a statement reports besides its rows (rowsAffected, lastInsertRowid), large results, and
// that every client of one server sees the same default database.
import { createClient } from "@libsql/client";
import { describe, expect, test } from "vitest";
import { countRows, rowsOf, scalar, uniqueTable, type BatonFixture } from "./baton-fixture.js";

export function resultCases(baton: BatonFixture): void {
  describe("rowsAffected and lastInsertRowid", () => {
    test("after insert, update and delete", async () => {
      const client = baton.client();
      const table = uniqueTable("aff");
      await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, v INTEGER)`);

      const one = await client.execute(`INSERT INTO ${table} (v) VALUES (10)`);
      expect(one.rowsAffected).toBe(1);
      expect(one.lastInsertRowid).toBe(1n);

      const three = await client.execute(`INSERT INTO ${table} (v) VALUES (20), (30), (40)`);
      expect(three.rowsAffected).toBe(3);
      expect(three.lastInsertRowid).toBe(4n);

      const update = await client.execute(`UPDATE ${table} SET v = v + 1 WHERE v >= 20`);
      expect(update.rowsAffected).toBe(3);

      const noMatch = await client.execute(`UPDATE ${table} SET v = 0 WHERE v < 0`);
      expect(noMatch.rowsAffected).toBe(0);

      const del = await client.execute(`DELETE FROM ${table} WHERE v IN (10, 21)`);
      expect(del.rowsAffected).toBe(2);

      const select = await client.execute(`SELECT * FROM ${table}`);
      expect(select.rowsAffected).toBe(0);
      expect(select.rows).toHaveLength(2);

      const deleteAll = await client.execute(`DELETE FROM ${table}`);
      expect(deleteAll.rowsAffected).toBe(2);
    });

    test("lastInsertRowid beyond 2^53 is exact", async () => {
      const client = baton.client();
      const table = uniqueTable("bigrowid");
      await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, v)`);
      const big = 2n ** 62n + 12345n;
      const rs = await client.execute(`INSERT INTO ${table} (id, v) VALUES (?, 'x')`, [big]);
      expect(rs.lastInsertRowid).toBe(big);
      const next = await client.execute(`INSERT INTO ${table} (v) VALUES ('y')`);
      expect(next.lastInsertRowid).toBe(big + 1n);
      const max = await client.execute(`INSERT INTO ${table} (id, v) VALUES (9223372036854775807, 'max')`);
      expect(max.lastInsertRowid).toBe(2n ** 63n - 1n);
    });

    test("INSERT … RETURNING returns the rows it inserted", async () => {
      const client = baton.client();
      const table = uniqueTable("ret");
      await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, v TEXT)`);
      const rs = await client.execute(`INSERT INTO ${table} (v) VALUES ('a'), ('b') RETURNING id, v`);
      expect(rowsOf(rs)).toEqual([
        [1, "a"],
        [2, "b"],
      ]);
      expect(rs.columns).toEqual(["id", "v"]);
      expect(rs.rowsAffected).toBe(2);
      expect(rs.lastInsertRowid).toBe(2n);
    });
  });

  describe("large results", () => {
    test("a 10 000-row recursive CTE returns every row with correct values", async () => {
      const client = baton.client();
      const rs = await client.execute(`
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000)
        SELECT x, x * 2 AS doubled, 'row ' || x AS label, x / 4.0 AS quarter FROM c`);
      expect(rs.rows).toHaveLength(10_000);
      expect(rs.columns).toEqual(["x", "doubled", "label", "quarter"]);
      const rows = rowsOf(rs);
      const wrong = rows.findIndex(
        ([x, doubled, label, quarter], i) => x !== i + 1 || doubled !== 2 * (i + 1) || label !== `row ${i + 1}` || quarter !== (i + 1) / 4,
      );
      expect(wrong, `first wrong row: ${JSON.stringify(rows[wrong])}`).toBe(-1);
    });

    test("10 000 inserted rows come back from a table", async () => {
      const client = baton.client();
      const table = uniqueTable("big");
      await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, v TEXT, f REAL)`);
      const insert = await client.execute(`
        INSERT INTO ${table} (id, v, f)
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000)
        SELECT x, printf('value-%05d', x), x * 1.0 FROM c`);
      expect(insert.rowsAffected).toBe(10_000);
      expect(insert.lastInsertRowid).toBe(10_000n);
      const rs = await client.execute(`SELECT id, v, f FROM ${table} ORDER BY id`);
      expect(rs.rows).toHaveLength(10_000);
      const rows = rowsOf(rs);
      const wrong = rows.findIndex(
        ([id, v, f], i) => id !== i + 1 || v !== `value-${String(i + 1).padStart(5, "0")}` || f !== i + 1,
      );
      expect(wrong, `first wrong row: ${JSON.stringify(rows[wrong])}`).toBe(-1);
      expect(rs.columnTypes).toEqual(["INTEGER", "TEXT", "REAL"]);
    });
  });

  describe("statement texts", () => {
    test("150 distinct statements through one client (the WebSocket client's SQL cache evicts and reuses ids)", async () => {
      const client = baton.client();
      for (let round = 0; round < 2; round++) {
        for (let k = 0; k < 150; k++) {
          const rs = await client.execute({ sql: `SELECT ? + ${k} AS v`, args: [round * 1000] });
          expect(scalar(rs), `round ${round}, statement ${k}`).toBe(round * 1000 + k);
        }
      }
    });

    test("a statement longer than the client's 5000-character cache limit", async () => {
      const client = baton.client();
      const long = "x".repeat(20_000);
      const rs = await client.execute(`SELECT length('${long}') AS n, ? AS tail`, ["end"]);
      expect(rowsOf(rs)).toEqual([[20_000, "end"]]);
    });
  });

  describe("one database for every client", () => {
    test("a table created by one client is visible to another", async () => {
      const creator = baton.client();
      const table = uniqueTable("shared");
      await creator.execute(`CREATE TABLE ${table} (v TEXT)`);
      await creator.execute(`INSERT INTO ${table} VALUES ('from creator')`);
      const other = baton.client();
      expect(rowsOf(await other.execute(`SELECT v FROM ${table}`))).toEqual([["from creator"]]);
      await other.execute(`INSERT INTO ${table} VALUES ('from other')`);
      expect(await countRows(creator, table)).toBe(2);
    });

    test("a client over the other transport sees the same database", async () => {
      const client = baton.client();
      const table = uniqueTable("cross");
      await client.execute(`CREATE TABLE ${table} (v TEXT)`);
      await client.execute(`INSERT INTO ${table} VALUES ('x')`);
      const otherUrl = baton.transport === "http" ? baton.server.wsUrl : baton.server.httpUrl;
      const other = createClient({ url: otherUrl });
      try {
        expect(scalar(await other.execute(`SELECT v FROM ${table}`))).toBe("x");
      } finally {
        other.close();
      }
    });
  });
}
