// Concurrent writers on one database file: they wait for the write lock instead of failing.
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { gatewayError, rows, run, sqliteFixture } from "../test-support/sqlite-fixture.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>> | undefined;
afterEach(() => fixture?.dispose());

async function twoConnections(options: Parameters<typeof sqliteFixture>[0] = {}) {
  fixture = await sqliteFixture(options);
  const a = await fixture.database.acquire();
  const b = await fixture.database.acquire();
  await run(a, "CREATE TABLE t(v TEXT)");
  return { a, b, database: fixture.database };
}

function track<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

const later = <T>(ms: number, work: () => Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    setTimeout(() => void work().then(resolve, reject), ms);
  });

describe("write lock", () => {
  it("makes a second writer wait until the first commits", async () => {
    const { a, b } = await twoConnections();
    await run(a, "BEGIN IMMEDIATE");
    await run(a, "INSERT INTO t VALUES ('a')");
    const insertB = track(run(b, "INSERT INTO t VALUES ('b')"));
    let pendingAtCommit: boolean | undefined;
    await later(200, () => {
      pendingAtCommit = !insertB.settled;
      return run(a, "COMMIT");
    });
    await expect(insertB.promise).resolves.toMatchObject({ affectedRowCount: 1 });
    expect(pendingAtCommit).toBe(true);
    expect(await rows(a, "SELECT v FROM t ORDER BY v")).toEqual([["a"], ["b"]]);
  });

  it("makes BEGIN IMMEDIATE wait too, and wakes it on ROLLBACK", async () => {
    const { a, b } = await twoConnections();
    await run(a, "BEGIN IMMEDIATE");
    const beginB = track(run(b, "BEGIN IMMEDIATE"));
    await later(50, () => run(a, "ROLLBACK"));
    await beginB.promise;
    expect(b.isAutocommit()).toBe(false);
    await run(b, "COMMIT");
  });

  it("lets a write in a deferred transaction wait, then succeed on a fresh snapshot", async () => {
    const { a, b } = await twoConnections();
    await run(a, "BEGIN IMMEDIATE");
    await run(a, "INSERT INTO t VALUES ('a')");
    await run(b, "BEGIN");
    const insertB = track(run(b, "INSERT INTO t VALUES ('b')"));
    await later(50, () => run(a, "COMMIT"));
    await insertB.promise;
    await run(b, "COMMIT");
    expect(await rows(a, "SELECT v FROM t ORDER BY v")).toEqual([["a"], ["b"]]);
  });

  it("makes each statement of a script wait for the lock", async () => {
    const { a, b } = await twoConnections();
    await run(a, "BEGIN IMMEDIATE");
    const script = track(b.executeScript("INSERT INTO t VALUES ('b1'); INSERT INTO t VALUES ('b2')"));
    await later(50, () => run(a, "COMMIT"));
    await script.promise;
    expect(await rows(a, "SELECT count(*) FROM t")).toEqual([[2n]]);
  });

  it("reports SQLITE_BUSY when the lock is not released within busyTimeoutMs", async () => {
    const { a, b } = await twoConnections({ busyTimeoutMs: 100 });
    await run(a, "BEGIN IMMEDIATE");
    const error = await gatewayError(run(b, "INSERT INTO t VALUES ('b')"));
    expect(error.code).toBe("SQLITE_BUSY");
    expect(error.message).toMatch(/^SQLite error: database is locked/);
    await run(a, "COMMIT");
    await run(b, "INSERT INTO t VALUES ('b')");
  });

  it("lets readers see committed data while a writer holds a transaction", async () => {
    const { a, b } = await twoConnections();
    await run(a, "INSERT INTO t VALUES ('committed')");
    await run(a, "BEGIN IMMEDIATE");
    await run(a, "INSERT INTO t VALUES ('pending')");
    expect(await rows(b, "SELECT v FROM t")).toEqual([["committed"]]);
    await run(a, "COMMIT");
    expect(await rows(b, "SELECT v FROM t ORDER BY v")).toEqual([["committed"], ["pending"]]);
  });

  it("reports a stale read snapshot (SQLITE_BUSY_SNAPSHOT) at once, as SQLITE_BUSY", async () => {
    const { a, b } = await twoConnections({ busyTimeoutMs: 60_000 });
    await run(a, "BEGIN");
    await rows(a, "SELECT * FROM t");
    await run(b, "INSERT INTO t VALUES ('b')");
    const error = await gatewayError(run(a, "INSERT INTO t VALUES ('a')"));
    expect(error.code).toBe("SQLITE_BUSY");
    expect((error.cause as { code?: string }).code).toBe("SQLITE_BUSY_SNAPSHOT");
    expect(a.isAutocommit()).toBe(false);
  });

  it("commits many concurrent write transactions, one after another", async () => {
    fixture = await sqliteFixture();
    const database = fixture.database;
    const setup = await database.acquire();
    await run(setup, "CREATE TABLE t(n INTEGER)");
    await database.release(setup);
    const transaction = async (n: number): Promise<void> => {
      const conn: SqlConnection = await database.acquire();
      try {
        await run(conn, "BEGIN IMMEDIATE");
        await run(conn, "INSERT INTO t VALUES (?)", [BigInt(n)]);
        await new Promise((resolve) => setTimeout(resolve, 2));
        await run(conn, "COMMIT");
      } finally {
        await database.release(conn);
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, n) => transaction(n)));
    const check = await database.acquire();
    expect(await rows(check, "SELECT count(*), sum(n) FROM t")).toEqual([[20n, 190n]]);
  });

  it("waits for a writer outside the pool (another process) by polling", async () => {
    const { b } = await twoConnections();
    const outsider = new Database(join(fixture!.directory, "tenant.db"), { timeout: 0 });
    try {
      outsider.exec("BEGIN IMMEDIATE");
      const insertB = track(run(b, "INSERT INTO t VALUES ('b')"));
      await later(100, async () => outsider.exec("COMMIT"));
      await insertB.promise;
      expect(await rows(b, "SELECT count(*) FROM t")).toEqual([[1n]]);
    } finally {
      outsider.close();
    }
  });

  it("interrupts a waiting statement when its connection is released", async () => {
    const { a, b, database } = await twoConnections();
    await run(a, "BEGIN IMMEDIATE");
    const insertB = gatewayError(run(b, "INSERT INTO t VALUES ('b')"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await database.release(b);
    expect((await insertB).code).toBe("SQLITE_INTERRUPT");
    await run(a, "COMMIT");
    expect(await rows(a, "SELECT count(*) FROM t")).toEqual([[0n]]);
  });
});
