import { afterEach, describe, expect, it, vi } from "vitest";
import { gatewayError, rows, run, sqliteFixture } from "../test-support/sqlite-fixture.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>> | undefined;
afterEach(() => fixture?.dispose());

async function setUp(options: Parameters<typeof sqliteFixture>[0] = {}) {
  fixture = await sqliteFixture(options);
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

describe("acquire and release", () => {
  it("reuses a released connection", async () => {
    const database = await setUp();
    const first = await database.acquire();
    await database.release(first);
    expect(await database.acquire()).toBe(first);
  });

  it("rolls back an open transaction on release", async () => {
    const database = await setUp();
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t(a)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    await database.release(conn);
    const again = await database.acquire();
    expect(again).toBe(conn);
    expect(again.isAutocommit()).toBe(true);
    expect(await rows(again, "SELECT count(*) FROM t")).toEqual([[0n]]);
  });

  it("closes a tainted connection instead of reusing it", async () => {
    const database = await setUp();
    const conn = await database.acquire();
    await run(conn, "PRAGMA foreign_keys = ON");
    await database.release(conn);
    const next = await database.acquire();
    expect(next).not.toBe(conn);
    expect(await rows(next, "PRAGMA foreign_keys")).toEqual([[0n]]);
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("INTERNAL_ERROR");
  });

  it("reuses connections beyond maxIdle within a burst, and closes them once they have idled", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const database = await setUp({ maxIdle: 1 });
      const acquireThree = () => Promise.all([database.acquire(), database.acquire(), database.acquire()]);
      const first = await acquireThree();
      for (const conn of first) await database.release(conn);
      const burst = await acquireThree();
      expect(burst.filter((conn) => first.includes(conn))).toHaveLength(3);
      for (const conn of burst) await database.release(conn);
      vi.advanceTimersByTime(10_000);
      const later = await acquireThree();
      expect(later.filter((conn) => first.includes(conn))).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses to release a connection it did not hand out", async () => {
    const database = await setUp();
    const other = await fixture!.adapter.database("other");
    const conn = await other.acquire();
    expect((await gatewayError(database.release(conn))).code).toBe("INTERNAL_ERROR");
  });
});

describe("pool limits", () => {
  it("makes a third acquirer wait for a released connection when the pool size is 2", async () => {
    const database = await setUp({ poolSize: 2 });
    const a = await database.acquire();
    await database.acquire();
    const third = track(database.acquire());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(third.settled).toBe(false);
    await database.release(a);
    expect(await third.promise).toBe(a);
  });

  it("hands out a fresh connection when a tainted one is closed on release", async () => {
    const database = await setUp({ poolSize: 1 });
    const a = await database.acquire();
    await run(a, "PRAGMA cache_size = 10");
    const waiting = database.acquire();
    await database.release(a);
    const b = await waiting;
    expect(b).not.toBe(a);
    expect(b.holdsSessionState()).toBe(false);
  });

  it("fails with POOL_TIMEOUT when no connection is released in time", async () => {
    const database = await setUp({ poolSize: 2, acquireTimeoutMs: 50 });
    await database.acquire();
    await database.acquire();
    const error = await gatewayError(database.acquire());
    expect(error.code).toBe("POOL_TIMEOUT");
    expect(error.message).toMatch(/All 2 connections to database tenant are in use; waited 50 ms/);
  });

  it("rejects waiting acquirers and later calls when closed", async () => {
    const database = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    const waiting = gatewayError(database.acquire());
    await database.close();
    expect((await waiting).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(database.acquire())).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SHUTTING_DOWN");
    await expect(database.release(conn)).resolves.toBeUndefined();
  });
});
