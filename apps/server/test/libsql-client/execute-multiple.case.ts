// `client.executeMultiple`: a Hrana `sequence` on a fresh stream that is closed afterwards. The
// script is split the way the database splits it (a trigger body keeps its semicolons), and a
// manual transaction left open by a failing script must vanish with the stream.
import { describe, expect, test } from "vitest";
import type { Capabilities } from "./backends.js";
import { countRows, expectLibsqlError, rowsOf, uniqueTable, type BatonFixture } from "./baton-fixture.js";

/**
 * A trigger on `items` that logs two rows per insert, written as the database writes trigger
 * bodies: `BEGIN …; …; END` (SQLite, MySQL) or a PL/pgSQL function in dollar quotes (Postgres).
 * Either way the body holds semicolons that do not end the statement.
 */
function loggingTrigger(caps: Capabilities, tables: { items: string; log: string }): string {
  const { items, log } = tables;
  const body = `
          INSERT INTO ${log} (entry) VALUES (concat('added ', new.name));
          INSERT INTO ${log} (entry) VALUES (concat('count; ', (SELECT count(*) FROM ${items})));`;
  if (caps.triggers === "begin-end") {
    return `
        CREATE TRIGGER ${items}_ai AFTER INSERT ON ${items} FOR EACH ROW
        BEGIN${body}
        END;`;
  }
  return `
        CREATE FUNCTION ${items}_ai() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN${body}
          RETURN new;
        END;
        $body$;
        CREATE TRIGGER ${items}_ai AFTER INSERT ON ${items} FOR EACH ROW EXECUTE FUNCTION ${items}_ai();`;
}

export function executeMultipleCases(baton: BatonFixture): void {
  const { caps } = baton;
  const t = caps.types;

  describe("executeMultiple", () => {
    test("runs a script with a trigger body holding semicolons, comments and literal semicolons", async () => {
      const client = baton.client();
      const items = uniqueTable("items");
      const log = uniqueTable("log");
      await client.executeMultiple(`
        -- a comment; with a semicolon
        CREATE TABLE ${items} (id ${t.autoId}, name ${t.text});
        CREATE TABLE ${log} (id ${t.autoId}, entry ${t.text});
        /* a block comment; also with one */
        ${loggingTrigger(caps, { items, log })}
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
        CREATE TABLE ${table} (v ${t.integer});
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
      await client.execute(`CREATE TABLE ${table} (v ${t.integer} PRIMARY KEY)`);
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
      // The lock went with the stream: another client writes at once, the same key too.
      const other = baton.client();
      await other.execute(`INSERT INTO ${table} VALUES (1)`);
      expect(rowsOf(await client.execute(`SELECT v FROM ${table}`))).toEqual([[1]]);
    });

    test("a constraint violation stops the script; statements before it without BEGIN stay committed", async () => {
      const client = baton.client();
      const table = uniqueTable("seqv");
      await client.execute(`CREATE TABLE ${table} (v ${t.integer} UNIQUE)`);
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
      await client.execute(`CREATE TABLE ${table} (v ${t.integer})`);
      await expectLibsqlError(
        client.executeMultiple(`INSERT INTO ${table} VALUES (1); INSERT INTO ${table} VALUS (2);`),
        { code: "SQL_PARSE_ERROR" },
      );
    });
  });
}
