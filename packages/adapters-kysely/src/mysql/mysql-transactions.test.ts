import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { mysqlFixture, type MysqlFixture } from "../test-support/mysql-fixture.js";
import { gatewayError, rows, run, stmt } from "../test-support/sqlite-fixture.js";

let fixture: MysqlFixture;
let database: SqlDatabase;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await mysqlFixture();
  database = fixture.database;
  conn = await database.acquire();
  await run(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
});
afterEach(() => fixture.dispose());

const count = async (connection: SqlConnection): Promise<unknown> => (await rows(connection, "SELECT COUNT(*) FROM t"))[0]?.[0];

describe("the autocommit flag", () => {
  it("follows BEGIN, COMMIT and ROLLBACK", async () => {
    expect(conn.isAutocommit()).toBe(true);
    expect(conn.holdsSessionState()).toBe(false);
    await run(conn, "BEGIN");
    expect(conn.isAutocommit()).toBe(false);
    expect(conn.holdsSessionState()).toBe(true);
    await run(conn, "SELECT 1");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "COMMIT");
    expect(conn.isAutocommit()).toBe(true);
    expect(conn.holdsSessionState()).toBe(false);
    await run(conn, "START TRANSACTION");
    await run(conn, "ROLLBACK");
    expect(conn.isAutocommit()).toBe(true);
  });

  it.each(["BEGIN IMMEDIATE", "BEGIN DEFERRED", "BEGIN EXCLUSIVE", "BEGIN TRANSACTION"])("starts a transaction with %j", async (sql) => {
    await conn.execute(stmt(sql, [], { wantRows: false }));
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    await run(conn, "ROLLBACK");
    expect(await count(conn)).toBe(0n);
  });

  it("starts a read-only transaction with BEGIN TRANSACTION READONLY", async () => {
    await run(conn, "BEGIN TRANSACTION READONLY");
    expect(conn.isAutocommit()).toBe(false);
    expect(await count(conn)).toBe(0n);
    const error = await gatewayError(run(conn, "INSERT INTO t VALUES (1, 1)"));
    expect(error.code).toBe("SQLITE_READONLY");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "COMMIT");
  });

  it("sees the implicit commit of DDL", async () => {
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    await run(conn, "CREATE TABLE u (a INT)");
    expect(conn.isAutocommit()).toBe(true);
    const other = await database.acquire();
    expect(await count(other)).toBe(1n);
    await database.release(other);
  });

  it("sees the implicit commit of a DDL statement that fails", async () => {
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    expect((await gatewayError(run(conn, "CREATE TABLE t (a INT)"))).code).toBe("SQLITE_ERROR");
    expect(conn.isAutocommit()).toBe(true);
  });

  it("is false with SET autocommit = 0, and after queries in the implicit transaction", async () => {
    await run(conn, "SET autocommit = 0");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "SELECT * FROM t");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "COMMIT");
    expect(conn.isAutocommit()).toBe(false);
    expect(conn.holdsSessionState()).toBe(true);
    await run(conn, "SET autocommit = 1");
    expect(conn.isAutocommit()).toBe(true);
  });
});

describe("transactions", () => {
  it("continue across separate execute calls, unseen by other connections until COMMIT", async () => {
    const other = await database.acquire();
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    await run(conn, "INSERT INTO t VALUES (2, 2)");
    expect(await count(conn)).toBe(2n);
    expect(await count(other)).toBe(0n);
    await run(conn, "COMMIT");
    expect(await count(other)).toBe(2n);
    await database.release(other);
  });

  it("leave nothing behind when rolled back", async () => {
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    await run(conn, "ROLLBACK");
    expect(await count(conn)).toBe(0n);
  });

  it("survive a failed statement (MySQL rolls back the statement only)", async () => {
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    expect((await gatewayError(run(conn, "INSERT INTO t VALUES (1, 2)"))).code).toBe("SQLITE_CONSTRAINT");
    expect((await gatewayError(run(conn, "INSERT INTO missing VALUES (1)"))).code).toBe("SQLITE_ERROR");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "INSERT INTO t VALUES (2, 2)");
    await run(conn, "COMMIT");
    expect(await rows(conn, "SELECT id FROM t ORDER BY id")).toEqual([[1n], [2n]]);
  });

  it("support savepoints in SQLite's spelling", async () => {
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1, 1)");
    await run(conn, "SAVEPOINT s1");
    await run(conn, "INSERT INTO t VALUES (2, 2)");
    await run(conn, "ROLLBACK TRANSACTION TO SAVEPOINT s1");
    await run(conn, "RELEASE s1");
    await run(conn, "COMMIT TRANSACTION");
    expect(await rows(conn, "SELECT id FROM t")).toEqual([[1n]]);
  });
});

describe("lock conflicts", () => {
  it("report a deadlock as SQLITE_BUSY, with the rolled-back victim back in autocommit", async () => {
    await run(conn, "INSERT INTO t VALUES (1, 0), (2, 0)");
    const other = await database.acquire();
    await run(conn, "BEGIN");
    await run(other, "BEGIN");
    await run(conn, "UPDATE t SET v = 1 WHERE id = 1");
    await run(other, "UPDATE t SET v = 2 WHERE id = 2");
    // Each now waits for the row the other holds; InnoDB picks a victim.
    const outcomes = await Promise.allSettled([run(conn, "UPDATE t SET v = 1 WHERE id = 2"), run(other, "UPDATE t SET v = 2 WHERE id = 1")]);
    const failed = outcomes.findIndex((outcome) => outcome.status === "rejected");
    expect(failed).toBeGreaterThanOrEqual(0);
    const reason = (outcomes[failed] as PromiseRejectedResult).reason as { code: string; message: string };
    expect(reason.code).toBe("SQLITE_BUSY");
    expect(reason.message).toMatch(/^MySQL error 1213 \(40001\): Deadlock found/);
    const [victim, survivor] = failed === 0 ? [conn, other] : [other, conn];
    expect(victim.isAutocommit()).toBe(true);
    expect(survivor.isAutocommit()).toBe(false);
    await run(survivor, "COMMIT");
    await database.release(other);
  });

  it("report a lock wait timeout as SQLITE_BUSY; the transaction stays open", async () => {
    await run(conn, "INSERT INTO t VALUES (1, 0)");
    const other = await database.acquire();
    await run(other, "SET SESSION innodb_lock_wait_timeout = 1");
    await run(conn, "BEGIN");
    await run(conn, "UPDATE t SET v = 1 WHERE id = 1");
    await run(other, "BEGIN");
    const error = await gatewayError(run(other, "UPDATE t SET v = 2 WHERE id = 1"));
    expect(error.code).toBe("SQLITE_BUSY");
    expect(error.message).toMatch(/^MySQL error 1205 /);
    expect(other.isAutocommit()).toBe(false);
    await run(other, "ROLLBACK");
    await run(conn, "COMMIT");
    await database.release(other);
  });
});

describe("PRAGMA foreign_keys", () => {
  it("turns foreign key checks off and on for the connection, as migrate() does", async () => {
    await run(conn, "CREATE TABLE parent (id INT PRIMARY KEY)");
    await run(conn, "CREATE TABLE child (p INT, FOREIGN KEY (p) REFERENCES parent (id))");
    await run(conn, "PRAGMA foreign_keys=off");
    expect(conn.holdsSessionState()).toBe(true);
    expect(await rows(conn, "PRAGMA foreign_keys")).toEqual([[0n]]);
    await run(conn, "BEGIN DEFERRED");
    await run(conn, "INSERT INTO child VALUES (42)");
    await run(conn, "COMMIT");
    await run(conn, "PRAGMA foreign_keys=on");
    expect(await rows(conn, "PRAGMA foreign_keys")).toEqual([[1n]]);
    expect((await gatewayError(run(conn, "INSERT INTO child VALUES (43)"))).code).toBe("SQLITE_CONSTRAINT");
  });
});
