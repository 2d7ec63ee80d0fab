// What a statement reports besides its rows (rowsAffected, lastInsertRowid), large results, and
// that every client of one tenant sees the same database.
import { describe, expect, test } from "vitest";
import { floatSql } from "./backends.js";
import { countRows, insertedRowid, rowsOf, scalar, testIf, uniqueTable, type BatonFixture } from "./baton-fixture.js";

export function resultCases(baton: BatonFixture): void {
  const { caps } = baton;
  const label = baton.backend.label;
  const t = caps.types;

  describe("rowsAffected and lastInsertRowid", () => {
    test("after insert, update and delete", async () => {
      const client = baton.client();
      const table = uniqueTable("aff");
      await client.execute(`CREATE TABLE ${table} (id ${t.autoId}, v ${t.integer})`);

      const one = await client.execute(`INSERT INTO ${table} (v) VALUES (10)`);
      expect(one.rowsAffected).toBe(1);
      expect(one.lastInsertRowid).toBe(insertedRowid(caps, { first: 1n, last: 1n }));

      const three = await client.execute(`INSERT INTO ${table} (v) VALUES (20), (30), (40)`);
      expect(three.rowsAffected).toBe(3);
      expect(three.lastInsertRowid).toBe(insertedRowid(caps, { first: 2n, last: 4n }));

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

    testIf(caps.lastInsertRowid !== "none", `${label} has no lastInsertRowid (it has RETURNING)`)(
      "lastInsertRowid beyond 2^53 is exact",
      async () => {
        const client = baton.client();
        const table = uniqueTable("bigrowid");
        await client.execute(`CREATE TABLE ${table} (id ${t.autoId}, v ${t.text})`);
        const big = 2n ** 62n + 12345n;
        const rs = await client.execute(`INSERT INTO ${table} (id, v) VALUES (?, 'x')`, [big]);
        expect(rs.lastInsertRowid).toBe(big);
        const next = await client.execute(`INSERT INTO ${table} (v) VALUES ('y')`);
        expect(next.lastInsertRowid).toBe(big + 1n);
        const max = await client.execute(`INSERT INTO ${table} (id, v) VALUES (9223372036854775807, 'max')`);
        expect(max.lastInsertRowid).toBe(2n ** 63n - 1n);
      },
    );

    test("INSERT … RETURNING returns the rows it inserted", async () => {
      const client = baton.client();
      const table = uniqueTable("ret");
      await client.execute(`CREATE TABLE ${table} (id ${t.autoId}, v ${t.text})`);
      const rs = await client.execute(`INSERT INTO ${table} (v) VALUES ('a'), ('b') RETURNING id, v`);
      expect(rowsOf(rs)).toEqual([
        [1, "a"],
        [2, "b"],
      ]);
      expect(rs.columns).toEqual(["id", "v"]);
      expect(rs.rowsAffected).toBe(2);
      // MySQL's AUTO_INCREMENT id comes with the OK packet, which a statement returning rows lacks.
      if (caps.lastInsertRowid !== "auto-increment") expect(rs.lastInsertRowid).toBe(insertedRowid(caps, { first: 1n, last: 2n }));
    });
  });

  describe("large results", () => {
    // 1..10000 from a recursive CTE 100 deep, crossed with itself: MySQL and MariaDB stop a
    // recursion at 1000 by default (cte_max_recursion_depth, max_recursive_iterations).
    const tenThousand = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100),
        n(x) AS (SELECT (a.x - 1) * 100 + b.x FROM c a CROSS JOIN c b)`;

    test("a 10 000-row recursive CTE returns every row with correct values", async () => {
      const client = baton.client();
      const rs = await client.execute(`
        ${tenThousand}
        SELECT x, x * 2 AS doubled, concat('row ', x) AS label, x / ${floatSql(caps, "4.0")} AS quarter FROM n ORDER BY x`);
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
      await client.execute(`CREATE TABLE ${table} (id ${t.integer} PRIMARY KEY, v ${t.text}, f ${t.real})`);
      // 'value-00042': the digits of 100042 after the first.
      const insert = await client.execute(`
        INSERT INTO ${table} (id, v, f)
        ${tenThousand}
        SELECT x, concat('value-', substr(concat('', 100000 + x), 2)), x * ${floatSql(caps, "1.0")} FROM n`);
      expect(insert.rowsAffected).toBe(10_000);
      // The last rowid on SQLite; there is no AUTO_INCREMENT column for MySQL to report.
      expect(insert.lastInsertRowid).toBe(caps.lastInsertRowid === "rowid" ? 10_000n : undefined);
      const rs = await client.execute(`SELECT id, v, f FROM ${table} ORDER BY id`);
      expect(rs.rows).toHaveLength(10_000);
      const rows = rowsOf(rs);
      const wrong = rows.findIndex(
        ([id, v, f], i) => id !== i + 1 || v !== `value-${String(i + 1).padStart(5, "0")}` || f !== i + 1,
      );
      expect(wrong, `first wrong row: ${JSON.stringify(rows[wrong])}`).toBe(-1);
      expect(rs.columnTypes).toEqual([caps.reported.integer, caps.reported.text, caps.reported.real]);
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
      await creator.execute(`CREATE TABLE ${table} (v ${t.text})`);
      await creator.execute(`INSERT INTO ${table} VALUES ('from creator')`);
      const other = baton.client();
      expect(rowsOf(await other.execute(`SELECT v FROM ${table}`))).toEqual([["from creator"]]);
      await other.execute(`INSERT INTO ${table} VALUES ('from other')`);
      expect(await countRows(creator, table)).toBe(2);
    });

    test("a client over the other transport sees the same database", async () => {
      const client = baton.client();
      const table = uniqueTable("cross");
      await client.execute(`CREATE TABLE ${table} (v ${t.text})`);
      await client.execute(`INSERT INTO ${table} VALUES ('x')`);
      const other = baton.client({}, { transport: baton.transport === "http" ? "ws" : "http" });
      expect(scalar(await other.execute(`SELECT v FROM ${table}`))).toBe("x");
    });
  });
}
