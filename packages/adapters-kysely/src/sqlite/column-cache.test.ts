// Result columns kept with a prepared statement: every result of a statement must still
// report the columns the statement has now, whichever connection changed the schema.
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gatewayError, run, sqliteFixture } from "../test-support/sqlite-fixture.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>> | undefined;
afterEach(() => fixture?.dispose());

async function twoConnections() {
  fixture = await sqliteFixture();
  const { database } = fixture;
  const reader = await database.acquire();
  const writer = await database.acquire();
  return { fixture, reader, writer };
}

const columnsOf = async (connection: Parameters<typeof run>[0], sql: string) => (await run(connection, sql)).columns;

describe("result columns cached with prepared statements", () => {
  it("follow a table re-created with other declared types by another connection", async () => {
    const { reader, writer } = await twoConnections();
    await run(writer, "CREATE TABLE t(a INTEGER, b TEXT)");
    expect(await columnsOf(reader, "SELECT a, b FROM t")).toEqual([
      { name: "a", decltype: "INTEGER" },
      { name: "b", decltype: "TEXT" },
    ]);
    await run(writer, "DROP TABLE t");
    await run(writer, "CREATE TABLE t(a REAL, b BLOB)");
    expect(await columnsOf(reader, "SELECT a, b FROM t")).toEqual([
      { name: "a", decltype: "REAL" },
      { name: "b", decltype: "BLOB" },
    ]);
  });

  it("follow a schema change committed later by another connection's transaction", async () => {
    const { reader, writer } = await twoConnections();
    await run(writer, "CREATE TABLE t(a INTEGER)");
    await run(writer, "BEGIN");
    await run(writer, "DROP TABLE t");
    await run(writer, "CREATE TABLE t(a VARCHAR(9))");
    // The reader does not see the uncommitted change, and reads the columns again after it.
    expect(await columnsOf(reader, "SELECT a FROM t")).toEqual([{ name: "a", decltype: "INTEGER" }]);
    await run(writer, "COMMIT");
    expect(await columnsOf(reader, "SELECT a FROM t")).toEqual([{ name: "a", decltype: "VARCHAR(9)" }]);
  });

  it("follow a schema change rolled back by another connection", async () => {
    const { reader, writer } = await twoConnections();
    await run(writer, "CREATE TABLE t(a INTEGER)");
    await run(writer, "BEGIN");
    await run(writer, "DROP TABLE t");
    await run(writer, "CREATE TABLE t(a TEXT)");
    // Inside its transaction the writer sees its own change.
    expect(await columnsOf(writer, "SELECT a FROM t")).toEqual([{ name: "a", decltype: "TEXT" }]);
    await run(writer, "ROLLBACK");
    expect(await columnsOf(writer, "SELECT a FROM t")).toEqual([{ name: "a", decltype: "INTEGER" }]);
    expect(await columnsOf(reader, "SELECT a FROM t")).toEqual([{ name: "a", decltype: "INTEGER" }]);
  });

  it("of `SELECT *` follow columns added and renamed by another process, and named columns that vanish fail", async () => {
    const { fixture, reader } = await twoConnections();
    await run(reader, "CREATE TABLE t(a INTEGER)");
    await run(reader, "INSERT INTO t VALUES (1)");
    expect(await columnsOf(reader, "SELECT * FROM t")).toEqual([{ name: "a", decltype: "INTEGER" }]);
    expect(await columnsOf(reader, "SELECT a FROM t")).toEqual([{ name: "a", decltype: "INTEGER" }]);
    // Another process (here a connection outside Baton's pool) changes the file.
    const outside = new Database(join(fixture.directory, "tenant.db"));
    try {
      outside.exec("ALTER TABLE t ADD COLUMN b TEXT; ALTER TABLE t RENAME COLUMN a TO z");
    } finally {
      outside.close();
    }
    expect(await columnsOf(reader, "SELECT * FROM t")).toEqual([
      { name: "z", decltype: "INTEGER" },
      { name: "b", decltype: "TEXT" },
    ]);
    expect((await gatewayError(run(reader, "SELECT a FROM t"))).message).toMatch(/no such column: a/);
  });

  it("are one frozen list shared by the results of a statement", async () => {
    const { reader } = await twoConnections();
    await run(reader, "CREATE TABLE t(a INTEGER)");
    const first = await columnsOf(reader, "SELECT a FROM t");
    const second = await columnsOf(reader, "SELECT a FROM t");
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // A statement with `*` reads its columns on every run.
    expect(await columnsOf(reader, "SELECT * FROM t")).not.toBe(await columnsOf(reader, "SELECT * FROM t"));
  });
});
