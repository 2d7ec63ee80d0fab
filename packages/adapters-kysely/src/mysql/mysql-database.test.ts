import { afterEach, describe, expect, it } from "vitest";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { adminConnection, mysqlFixture, type MysqlFixture } from "../test-support/mysql-fixture.js";
import { gatewayError, rows, run } from "../test-support/sqlite-fixture.js";
import type { MysqlAdapterOptions } from "./mysql-adapter.js";

let fixture: MysqlFixture | undefined;
afterEach(() => fixture?.dispose());

async function setUp(options: Partial<MysqlAdapterOptions> = {}) {
  fixture = await mysqlFixture(options);
  return fixture.database;
}

/** Tracks whether a promise has settled, without awaiting it. */
function track<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's id of the session behind a connection. */
async function sessionId(conn: SqlConnection): Promise<unknown> {
  return (await rows(conn, "SELECT CONNECTION_ID()"))[0]?.[0];
}

/** Kills a session from outside, as a server restart or an operator would. */
async function kill(id: unknown): Promise<void> {
  const admin = await adminConnection();
  try {
    await admin.query(`KILL ${String(id)}`);
  } finally {
    await admin.end();
  }
}

describe("acquire and release", () => {
  it("hands out a new connection object over a reused session", async () => {
    const database = await setUp();
    const first = await database.acquire();
    const id = await sessionId(first);
    await database.release(first);
    const second = await database.acquire();
    expect(second).not.toBe(first);
    expect(await sessionId(second)).toBe(id);
    expect((await gatewayError(run(first, "SELECT 1"))).code).toBe("INTERNAL_ERROR");
  });

  it("selects the tenant's database on the connection", async () => {
    const database = await setUp();
    const conn = await database.acquire();
    expect(await rows(conn, "SELECT DATABASE()")).toEqual([[fixture!.tenant]]);
  });

  it("rolls back an abandoned transaction on release", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t (a INT)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    const id = await sessionId(conn);
    await database.release(conn);
    const again = await database.acquire();
    expect(await sessionId(again)).toBe(id);
    expect(again.isAutocommit()).toBe(true);
    expect(await rows(again, "SELECT COUNT(*) FROM t")).toEqual([[0n]]);
  });

  it("resets session state on release: foreign_key_checks, variables, temporary tables, named locks, charset", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    const id = await sessionId(conn);
    await run(conn, "PRAGMA foreign_keys=off");
    await run(conn, "SET @`v` = 1");
    await run(conn, "SET NAMES latin1");
    await run(conn, "CREATE TEMPORARY TABLE scratch (a INT)");
    await run(conn, "SELECT GET_LOCK('baton-test-lock', 0)");
    expect(conn.holdsSessionState()).toBe(true);
    await database.release(conn);
    const again = await database.acquire();
    expect(await sessionId(again)).toBe(id);
    expect(again.holdsSessionState()).toBe(false);
    expect(await rows(again, "SELECT @@foreign_key_checks, @`v`, @@character_set_results, IS_USED_LOCK('baton-test-lock'), DATABASE()")).toEqual([
      [1n, null, "utf8mb4", null, fixture!.tenant],
    ]);
    expect((await gatewayError(run(again, "SELECT * FROM scratch"))).code).toBe("SQLITE_ERROR");
  });

  it("selects the tenant's database again after a statement changed it", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    await run(conn, "USE test");
    expect(conn.holdsSessionState()).toBe(true);
    await database.release(conn);
    const again = await database.acquire();
    expect(await rows(again, "SELECT DATABASE()")).toEqual([[fixture!.tenant]]);
  });

  it("refuses to release a connection it did not hand out", async () => {
    const database = await setUp();
    const other = await fixture!.adapter.database(fixture!.namespace());
    const conn = await other.acquire();
    expect((await gatewayError(database.release(conn))).code).toBe("INTERNAL_ERROR");
    await other.release(conn);
    expect((await gatewayError(other.release(conn))).code).toBe("INTERNAL_ERROR");
  });
});

describe("pool limits", () => {
  it("makes a third acquirer wait for a released connection when the pool size is 2", async () => {
    const database = await setUp({ poolSize: 2 });
    const a = await database.acquire();
    await database.acquire();
    const id = await sessionId(a);
    const third = track(database.acquire());
    await sleep(50);
    expect(third.settled).toBe(false);
    await database.release(a);
    expect(await sessionId(await third.promise)).toBe(id);
  });

  it("fails with POOL_TIMEOUT when no connection is released in time, and recovers", async () => {
    const database = await setUp({ poolSize: 2, acquireTimeoutMs: 100 });
    const a = await database.acquire();
    await database.acquire();
    const started = Date.now();
    const error = await gatewayError(database.acquire());
    expect(error.code).toBe("POOL_TIMEOUT");
    expect(error.message).toMatch(/All 2 connections of the MySQL adapter mysql are in use; waited 100 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await database.release(a);
    const c = await database.acquire();
    expect(await rows(c, "SELECT 1")).toEqual([[1n]]);
  });

  it("shares the pool between tenants, each connection on its own tenant's database", async () => {
    const database = await setUp({ poolSize: 1, acquireTimeoutMs: 100 });
    const otherName = fixture!.namespace();
    const other = await fixture!.adapter.database(otherName);
    const a = await database.acquire();
    expect((await gatewayError(other.acquire())).code).toBe("POOL_TIMEOUT");
    const id = await sessionId(a);
    await database.release(a);
    const b = await other.acquire();
    expect(await sessionId(b)).toBe(id);
    expect(await rows(b, "SELECT DATABASE()")).toEqual([[otherName]]);
  });

  it("rejects waiting acquirers and later calls when the adapter closes", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    const waiting = gatewayError(database.acquire());
    await fixture!.adapter.close();
    expect((await waiting).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(database.acquire())).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SHUTTING_DOWN");
    await expect(database.release(conn)).resolves.toBeUndefined();
  });
});

describe("side connections", () => {
  /** The database's side checkout: MysqlDatabase always has one. */
  const acquireSide = (database: SqlDatabase): Promise<SqlConnection> => {
    if (database.acquireSide === undefined) throw new Error("The MySQL database has no side connections");
    return database.acquireSide();
  };

  it("are served while every ordinary connection is checked out, on the tenant's database", async () => {
    const database = await setUp({ poolSize: 1, acquireTimeoutMs: 100 });
    const held = await database.acquire();
    await run(held, "BEGIN");
    const side = await acquireSide(database);
    expect(await sessionId(side)).not.toBe(await sessionId(held));
    expect(await rows(side, "SELECT DATABASE()")).toEqual([[fixture!.tenant]]);
    await database.release(side);
    expect((await gatewayError(database.acquire())).code).toBe("POOL_TIMEOUT");
  });

  it("are bounded by the side pool size: another side acquirer waits for a release", async () => {
    const database = await setUp({ poolSize: 1, sidePoolSize: 1 });
    const first = await acquireSide(database);
    const id = await sessionId(first);
    const second = track(acquireSide(database));
    await sleep(50);
    expect(second.settled).toBe(false);
    await database.release(first);
    expect(await sessionId(await second.promise)).toBe(id);
  });

  it("fail with POOL_TIMEOUT naming the side connections when none is released in time", async () => {
    const database = await setUp({ poolSize: 1, sidePoolSize: 1, acquireTimeoutMs: 100 });
    await acquireSide(database);
    const error = await gatewayError(acquireSide(database));
    expect(error.code).toBe("POOL_TIMEOUT");
    expect(error.message).toMatch(/All 1 side connections of the MySQL adapter mysql are in use; waited 100 ms/);
    // The ordinary lane is untouched.
    expect(await rows(await database.acquire(), "SELECT 1")).toEqual([[1n]]);
  });

  it("reuse idle sessions of either lane, so the pool never holds more than both sizes", async () => {
    const database = await setUp({ poolSize: 2, sidePoolSize: 1 });
    const checkout = () => Promise.all([database.acquire(), database.acquire(), acquireSide(database)]);
    const first = await checkout();
    const ids = await Promise.all(first.map(sessionId));
    for (const conn of first) await database.release(conn);
    // Released in one order, taken in another: sessions move between the lanes.
    const second = [await acquireSide(database), await database.acquire(), await database.acquire()];
    expect((await Promise.all(second.map(sessionId))).sort()).toEqual([...ids].sort());
  });
});

describe("broken connections", () => {
  it("fail their stream when lost inside a transaction; release destroys them", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    await run(conn, "BEGIN");
    const id = await sessionId(conn);
    await kill(id);
    const error = await gatewayError(run(conn, "SELECT 1"));
    expect(error.code).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toMatch(/^The connection to the MySQL server was lost/);
    // The transaction is gone with the session: the stream must fail, not go on in autocommit.
    expect(conn.isAutocommit()).toBe(false);
    expect(conn.holdsSessionState()).toBe(true);
    expect((await gatewayError(run(conn, "COMMIT"))).code).toBe("DATABASE_UNAVAILABLE");
    await database.release(conn);
    const next = await database.acquire();
    expect(await sessionId(next)).not.toBe(id);
    expect(await rows(next, "SELECT 1")).toEqual([[1n]]);
  });

  it("let their stream move on when lost outside a transaction", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    await kill(await sessionId(conn));
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("DATABASE_UNAVAILABLE");
    expect(conn.isAutocommit()).toBe(true);
    expect(conn.holdsSessionState()).toBe(false);
    await database.release(conn);
    expect(await rows(await database.acquire(), "SELECT 1")).toEqual([[1n]]);
  });

  it("leave the pool when the server closes them while idle (as after a restart)", async () => {
    const database = await setUp({ poolSize: 2 });
    const [a, b] = [await database.acquire(), await database.acquire()];
    const ids = [await sessionId(a), await sessionId(b)];
    await database.release(a);
    await database.release(b);
    for (const id of ids) await kill(id);
    await sleep(100);
    const [c, d] = [await database.acquire(), await database.acquire()];
    for (const conn of [c, d]) {
      expect(ids).not.toContain(await sessionId(conn));
      expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
    }
  });

  it("are replaced at checkout when found dead before use", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    const id = await sessionId(conn);
    // Released dirty, so the next checkout selects the database again, which finds the corpse.
    await run(conn, "SET @`x` = 1");
    await database.release(conn);
    await kill(id);
    const next = await database.acquire();
    expect(await sessionId(next)).not.toBe(id);
  });

  it("never hand out a connection that is still running a statement", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    const id = await sessionId(conn);
    const sleeping = run(conn, "SELECT SLEEP(5)").catch((error: unknown) => error);
    await sleep(20);
    await database.release(conn);
    const next = await database.acquire();
    expect(await sessionId(next)).not.toBe(id);
    expect(await sleeping).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
    await kill(id).catch(() => undefined);
  });
});
