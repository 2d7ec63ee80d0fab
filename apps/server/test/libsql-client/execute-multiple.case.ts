// `client.executeMultiple`: a Hrana `sequence` on a fresh stream that is closed afterwards. The
// script is split the way SQLite splits it (a trigger body keeps its semicolons), and a manual
// transaction left open by a failing script must vanish with the stream (hrana.md §8.9).
import { describe, expect, test } from "vitest";
import { countRows, expectLibsqlError, rowsOf, uniqueTable, type BatonFixture } from "./baton-fixture.js";

export function executeMultipleCases(baton: BatonFixture): void {
  describe("executeMultiple", () => {
    test("runs a script with a CREATE TRIGGER … BEGIN …; END body, comments and literal semicolons", async () => {
      const client = baton.client();
      const items = uniqueTable("items");
      const log = uniqueTable("log");
      await client.executeMultiple(`
        -- a comment; with a semicolon
        CREATE TABLE ${items} (id INTEGER PRIMARY KEY, name TEXT);
        CREATE TABLE ${log} (id INTEGER PRIMARY KEY, entry TEXT);
        /* a block comment; also with one */
        CREATE TRIGGER ${items}_ai AFTER INSERT ON ${items}
        BEGIN
          INSERT INTO ${log} (entry) VALUES ('added ' || new.name);
          INSERT INTO ${log} (entry) VALUES ('count; ' || (SELECT count(*) FROM ${items}));
        END;
        INSERT INTO ${items} (name) VALUES ('a;b');
        INSERT INTO ${items} (name) VALUES ('it''s');
      `);
      expect(rowsOf(await client.execute(`SELECT name FROM ${items} ORDER BY id`))).toEqual([["a;b"], ["it's"]]);
      expect(rowsOf(await client.execute(`SELECT entry FROM ${log} ORDER BY id`))).toEqual([
        ["added a;b"],
        ["count; 1"],
        ["added it's"],
        ["count; 2"],
      ]);
      // The trigger works for later statements too.
      await client.execute(`INSERT INTO ${items} (name) VALUES ('later')`);
      expect(await countRows(client, log)).toBe(6);
    });

    test("a script with its own BEGIN … COMMIT commits", async () => {
      const client = baton.client();
      const table = uniqueTable("seqc");
      await client.executeMultiple(`
        CREATE TABLE ${table} (v);
        BEGIN;
        INSERT INTO ${table} VALUES (1);
        INSERT INTO ${table} VALUES (2);
        COMMIT;
      `);
      expect(await countRows(client, table)).toBe(2);
    });

    test("BEGIN; INSERT; <failing statement>; … rejects and leaves no row (the stream's transaction is rolled back)", async () => {
      const client = baton.client();
      const table = uniqueTable("seqf");
      await client.execute(`CREATE TABLE ${table} (v)`);
      await expectLibsqlError(
        client.executeMultiple(`
          BEGIN;
          INSERT INTO ${table} VALUES (1);
          INSERT INTO ${uniqueTable("nope")} VALUES (2);
          INSERT INTO ${table} VALUES (3);
          COMMIT;
        `),
        { code: "SQLITE_ERROR" },
      );
      expect(await countRows(client, table)).toBe(0);
      // The write lock went with the stream: another client writes at once.
      const other = baton.client();
      await other.execute(`INSERT INTO ${table} VALUES (4)`);
      expect(rowsOf(await client.execute(`SELECT v FROM ${table}`))).toEqual([[4]]);
    });

    test("a constraint violation stops the script; statements before it without BEGIN stay committed", async () => {
      const client = baton.client();
      const table = uniqueTable("seqv");
      await client.execute(`CREATE TABLE ${table} (v UNIQUE)`);
      await expectLibsqlError(
        client.executeMultiple(`
          INSERT INTO ${table} VALUES (1);
          INSERT INTO ${table} VALUES (1);
          INSERT INTO ${table} VALUES (2);
        `),
        { code: "SQLITE_CONSTRAINT" },
      );
      expect(rowsOf(await client.execute(`SELECT v FROM ${table}`))).toEqual([[1]]);
    });

    test("a syntax error in the script is SQL_PARSE_ERROR", async () => {
      const client = baton.client();
      const table = uniqueTable("seqp");
      await client.execute(`CREATE TABLE ${table} (v)`);
      await expectLibsqlError(
        client.executeMultiple(`INSERT INTO ${table} VALUES (1); INSERT INTO ${table} VALUS (2);`),
        { code: "SQL_PARSE_ERROR" },
      );
    });
  });
}
