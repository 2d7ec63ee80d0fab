// Error codes as `@libsql/client` surfaces them: the server's Hrana error `code` becomes
// `LibsqlError.code` and prefixes the message. Database errors use SQLite's
// base code names, as sqld sends them, whatever the database; the message is the database's.
import { LibsqlError } from "@libsql/client";
import { describe, expect, test } from "vitest";
import { expectLibsqlError, rowsOf, scalar, uniqueTable, type BatonFixture } from "./baton-fixture.js";

export function errorCases(baton: BatonFixture): void {
  const { caps } = baton;
  const t = caps.types;
  describe("error codes", () => {
    test("a syntax error is SQL_PARSE_ERROR", async () => {
      const client = baton.client();
      const error = await expectLibsqlError(client.execute("SELEC 1"), { code: "SQL_PARSE_ERROR" });
      expect(error.message).toMatch(/^SQL_PARSE_ERROR: /);
      await expectLibsqlError(client.execute("SELECT (1"), { code: "SQL_PARSE_ERROR" });
      await expectLibsqlError(client.execute("SELECT 1 FROM"), { code: "SQL_PARSE_ERROR" });
    });

    test("a primary key violation is SQLITE_CONSTRAINT", async () => {
      const client = baton.client();
      const table = uniqueTable("pk");
      await client.execute(`CREATE TABLE ${table} (id ${t.integer} PRIMARY KEY, v ${t.text})`);
      await client.execute(`INSERT INTO ${table} VALUES (1, 'a')`);
      const error = await expectLibsqlError(client.execute(`INSERT INTO ${table} VALUES (1, 'b')`), {
        code: "SQLITE_CONSTRAINT",
      });
      expect(error.message).toMatch(/^SQLITE_CONSTRAINT: /);
      const textKey = uniqueTable("pkt");
      // WITHOUT ROWID, a SQLite table kind, where there is one.
      await client.execute(`CREATE TABLE ${textKey} (k ${t.keyText} PRIMARY KEY)${caps.sqliteDialect ? " WITHOUT ROWID" : ""}`);
      await client.execute(`INSERT INTO ${textKey} VALUES ('x')`);
      await expectLibsqlError(client.execute(`INSERT INTO ${textKey} VALUES ('x')`), { code: "SQLITE_CONSTRAINT" });
    });

    test("UNIQUE, NOT NULL and CHECK violations are SQLITE_CONSTRAINT", async () => {
      const client = baton.client();
      const table = uniqueTable("uq");
      await client.execute(`CREATE TABLE ${table} (u ${t.keyText} UNIQUE, n ${t.text} NOT NULL, c ${t.integer} CHECK (c > 0))`);
      await client.execute(`INSERT INTO ${table} VALUES ('a', 'x', 1)`);
      await expectLibsqlError(client.execute(`INSERT INTO ${table} VALUES ('a', 'y', 2)`), { code: "SQLITE_CONSTRAINT" });
      await expectLibsqlError(client.execute(`INSERT INTO ${table} VALUES ('b', NULL, 2)`), { code: "SQLITE_CONSTRAINT" });
      await expectLibsqlError(client.execute(`INSERT INTO ${table} VALUES ('c', 'z', 0)`), { code: "SQLITE_CONSTRAINT" });
      await client.execute(`INSERT INTO ${table} VALUES ('b', 'x', 1)`);
      await expectLibsqlError(client.execute(`UPDATE ${table} SET u = 'a' WHERE u = 'b'`), { code: "SQLITE_CONSTRAINT" });
    });

    test("a missing table is SQLITE_ERROR", async () => {
      const client = baton.client();
      const missing = uniqueTable("missing");
      const error = await expectLibsqlError(client.execute(`SELECT * FROM ${missing}`), { code: "SQLITE_ERROR" });
      expect(error.message).toContain(missing);
      await expectLibsqlError(client.execute(`INSERT INTO ${missing} VALUES (1)`), { code: "SQLITE_ERROR" });
    });

    test("a missing column is SQLITE_ERROR", async () => {
      const client = baton.client();
      const table = uniqueTable("col");
      await client.execute(`CREATE TABLE ${table} (a ${t.integer})`);
      await expectLibsqlError(client.execute(`SELECT nope FROM ${table}`), { code: "SQLITE_ERROR" });
    });

    test("a missing positional argument is ARGS_INVALID", async () => {
      const client = baton.client();
      await expectLibsqlError(client.execute("SELECT ?, ?", [1]), { code: "ARGS_INVALID" });
      await expectLibsqlError(client.execute("SELECT ?"), { code: "ARGS_INVALID" });
    });

    test("a missing named argument is ARGS_INVALID", async () => {
      const client = baton.client();
      await expectLibsqlError(client.execute({ sql: "SELECT :a, :b", args: { a: 1 } }), { code: "ARGS_INVALID" });
      await expectLibsqlError(client.execute({ sql: "SELECT $x", args: { y: 1 } }), { code: "ARGS_INVALID" });
    });

    test("more positional arguments than parameters is ARGS_INVALID", async () => {
      const client = baton.client();
      await expectLibsqlError(client.execute("SELECT ?", [1, 2]), { code: "ARGS_INVALID" });
    });

    test("execute with several statements is SQL_MANY_STATEMENTS, with none is SQL_NO_STATEMENT", async () => {
      const client = baton.client();
      await expectLibsqlError(client.execute("SELECT 1; SELECT 2"), { code: "SQL_MANY_STATEMENTS" });
      await expectLibsqlError(client.execute("  -- only a comment"), { code: "SQL_NO_STATEMENT" });
    });

    test("an error inside a batch names the failing statement's code", async () => {
      const client = baton.client();
      await expectLibsqlError(client.batch(["SELECT 1", "SELEC 2"], "read"), { code: "SQL_PARSE_ERROR" });
      await expectLibsqlError(client.batch([{ sql: "SELECT ?", args: [] }], "read"), { code: "ARGS_INVALID" });
    });

    test("errors carry the database's message and no extended code", async () => {
      const client = baton.client();
      const table = uniqueTable("msg");
      await client.execute(`CREATE TABLE ${table} (v ${t.integer} UNIQUE)`);
      await client.execute(`INSERT INTO ${table} VALUES (1)`);
      const error = await expectLibsqlError(client.execute(`INSERT INTO ${table} VALUES (1)`), {
        code: "SQLITE_CONSTRAINT",
      });
      expect(error.message).toMatch(caps.uniqueViolation);
      expect(error.extendedCode).toBeUndefined();
    });

    test("the client keeps working after every kind of error", async () => {
      const client = baton.client();
      const failures = await Promise.allSettled([
        client.execute("SELEC 1"),
        client.execute(`SELECT * FROM ${uniqueTable("gone")}`),
        client.execute("SELECT ?"),
        client.batch(["SELECT 1", "SELEC"], "write"),
        client.executeMultiple("SELECT 1; SELEC 2;"),
      ]);
      for (const failure of failures) {
        expect(failure.status).toBe("rejected");
        if (failure.status === "rejected") expect(failure.reason).toBeInstanceOf(LibsqlError);
      }
      expect(scalar(await client.execute("SELECT 'still fine'"))).toBe("still fine");
      expect(rowsOf((await client.batch(["SELECT 1", "SELECT 2"], "write"))[1]!)).toEqual([[2]]);
    });
  });
}
