// The synchronous path for one-shot statements: acquireIdle, executeNow and releaseNow.
import { afterEach, describe, expect, it } from "vitest";
import { gatewayError, rows, run, sqliteFixture, stmt } from "../test-support/sqlite-fixture.js";
import type { SqliteConnection } from "./sqlite-connection.js";
import { SqliteDatabase } from "./sqlite-database.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>> | undefined;
afterEach(() => fixture?.dispose());

async function setUp() {
  fixture = await sqliteFixture();
  const database = fixture.database;
  if (!(database instanceof SqliteDatabase)) throw new Error("the SQLite adapter hands out SqliteDatabase pools");
  return database;
}

/** One connection acquired and released, so the pool has an idle one. */
async function warmPool(database: SqliteDatabase): Promise<SqliteConnection> {
  const conn = await database.acquire();
  await run(conn, "CREATE TABLE t(v INTEGER)");
  await database.release(conn);
  return conn as SqliteConnection;
}

describe("acquireIdle and releaseNow", () => {
  it("hands out an idle connection and takes it back without waiting", async () => {
    const database = await setUp();
    const warm = await warmPool(database);
    const conn = database.acquireIdle();
    expect(conn).toBe(warm);
    expect(database.acquireIdle()).toBeUndefined();
    database.releaseNow(warm);
    expect(database.isIdle).toBe(true);
    expect(database.acquireIdle()).toBe(warm);
  });

  it("gives nothing when no connection is idle, or once the pool is closed", async () => {
    const database = await setUp();
    expect(database.acquireIdle()).toBeUndefined();
    await warmPool(database);
    await database.close();
    expect(database.acquireIdle()).toBeUndefined();
  });

  it("rolls back and pools, or closes, as release() does", async () => {
    const database = await setUp();
    const conn = await warmPool(database);
    database.acquireIdle();
    conn.executeNow(stmt("BEGIN"));
    conn.executeNow(stmt("INSERT INTO t VALUES (1)"));
    database.releaseNow(conn);
    expect(conn.isAutocommit()).toBe(true);
    expect(database.acquireIdle()).toBe(conn);
    conn.executeNow(stmt("PRAGMA foreign_keys = ON"));
    database.releaseNow(conn);
    expect(conn.closed).toBe(true);
    expect(database.acquireIdle()).toBeUndefined();
  });

  it("refuses a connection the pool did not hand out, or one that is running a statement", async () => {
    const database = await setUp();
    const other = await sqliteFixture();
    try {
      const foreign = await other.database.acquire();
      expect(() => database.releaseNow(foreign)).toThrow(/did not hand out/);
    } finally {
      await other.dispose();
    }
    const conn = (await database.acquire()) as SqliteConnection;
    const running = conn.executeScript("CREATE TABLE u(a); INSERT INTO u VALUES (1)");
    expect(conn.busy).toBe(true);
    expect(() => database.releaseNow(conn)).toThrow(/running a statement/);
    await running;
    database.releaseNow(conn);
  });
});

describe("executeNow", () => {
  it("returns what execute() returns", async () => {
    const database = await setUp();
    const conn = await warmPool(database);
    database.acquireIdle();
    expect(conn.executeNow(stmt("INSERT INTO t VALUES (?)", [7n]))).toMatchObject({ affectedRowCount: 1, lastInsertRowid: 1n });
    const now = conn.executeNow(stmt("SELECT v, v * 1.5 AS f FROM t"));
    expect(now).toEqual(await conn.execute(stmt("SELECT v, v * 1.5 AS f FROM t")));
    expect(now?.rows).toEqual([[7n, 10.5]]);
  });

  it("throws database errors at once, normalised", async () => {
    const database = await setUp();
    const conn = await warmPool(database);
    database.acquireIdle();
    expect(() => conn.executeNow(stmt("SELEC 1"))).toThrow(expect.objectContaining({ code: "SQL_PARSE_ERROR" }));
    expect(() => conn.executeNow(stmt("SELECT * FROM missing"))).toThrow(expect.objectContaining({ code: "SQLITE_ERROR" }));
  });

  it("gives undefined, having changed nothing, when it would wait for the write lock", async () => {
    const database = await setUp();
    const writer = await database.acquire();
    await run(writer, "CREATE TABLE t(v INTEGER)");
    await run(writer, "BEGIN IMMEDIATE");
    const other = (await database.acquire()) as SqliteConnection;
    expect(other.executeNow(stmt("INSERT INTO t VALUES (1)"))).toBeUndefined();
    expect(other.isAutocommit()).toBe(true);
    const waiting = other.execute(stmt("INSERT INTO t VALUES (2)"));
    await run(writer, "COMMIT");
    await waiting;
    expect(await rows(other, "SELECT v FROM t")).toEqual([[2n]]);
  });

  it("refuses a released connection, and one that is running a statement", async () => {
    const database = await setUp();
    const conn = (await database.acquire()) as SqliteConnection;
    const running = conn.executeScript("CREATE TABLE u(a)");
    expect(() => conn.executeNow(stmt("SELECT 1"))).toThrow(/callers must serialise/);
    await running;
    conn.close("release");
    expect(() => conn.executeNow(stmt("SELECT 1"))).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
    expect((await gatewayError(conn.execute(stmt("SELECT 1")))).code).toBe("INTERNAL_ERROR");
  });
});
