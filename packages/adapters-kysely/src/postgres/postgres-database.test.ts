import { afterEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { adminQuery, POSTGRES_URL, postgresFixture, uniqueNamespace, type PostgresFixture } from "../test-support/postgres-fixture.js";
import { gatewayError, rows, run } from "../test-support/sqlite-fixture.js";
import { createPostgresAdapter, schemaOf } from "./postgres-adapter.js";

let fixture: PostgresFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function setUp(options: Parameters<typeof postgresFixture>[0] = {}) {
  fixture = await postgresFixture(options);
  return fixture;
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

const backendPid = async (conn: SqlConnection) => (await rows(conn, "SELECT pg_backend_pid()"))[0]?.[0];

describe("tenants are schemas", () => {
  it("creates the schema on first use and runs every statement in it", async () => {
    const { database, namespace } = await setUp();
    expect(await adminQuery("SELECT 1 FROM pg_namespace WHERE nspname = $1", [namespace])).toEqual([[1]]);
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t(id int)");
    expect(await rows(conn, "SELECT current_schema(), current_schemas(false)")).toEqual([[namespace, JSON.stringify([namespace])]]);
    await database.release(conn);
    expect(await adminQuery("SELECT count(*)::int FROM pg_tables WHERE schemaname = $1 AND tablename = 't'", [namespace])).toEqual([[1]]);
  });

  it("never lets two tenants see each other's tables, even on the same pooled client", async () => {
    const { database: a } = await setUp({ poolSize: 1 });
    const { database: b } = await fixture!.tenant();
    const connA = await a.acquire();
    await run(connA, "CREATE TABLE t(v text)");
    await run(connA, "INSERT INTO t VALUES ('a')");
    const pid = await backendPid(connA);
    await a.release(connA);
    const connB = await b.acquire();
    expect(await backendPid(connB)).toBe(pid);
    expect((await gatewayError(run(connB, "SELECT * FROM t"))).code).toBe("SQLITE_ERROR");
    await run(connB, "CREATE TABLE t(v text)");
    await run(connB, "INSERT INTO t VALUES ('b')");
    expect(await rows(connB, "SELECT v FROM t")).toEqual([["b"]]);
    await b.release(connB);
    const again = await a.acquire();
    expect(await rows(again, "SELECT v FROM t")).toEqual([["a"]]);
    await a.release(again);
  });

  it("refuses hostile and reserved names before sending any SQL", async () => {
    const { adapter } = await setUp();
    for (const name of ['x"; DROP SCHEMA public; --', "a.b", "", "pg_catalog", "PG_toast", "information_schema", "public", "x".repeat(64), "../etc"]) {
      expect((await gatewayError(adapter.database(name))).code).toBe("NAMESPACE_INVALID");
    }
    expect(schemaOf("default")).toBe("public");
    expect(schemaOf("Acme-1")).toBe("Acme-1");
  });

  it("maps the default namespace to public", async () => {
    const { adapter } = await setUp();
    const conn = await (await adapter.database("default")).acquire();
    expect(await rows(conn, "SELECT current_schema()")).toEqual([["public"]]);
    await (await adapter.database("default")).release(conn);
  });

  it("reports NAMESPACE_NOT_FOUND without autoCreateNamespaces, and finds an existing schema", async () => {
    const { adapter, namespace } = await setUp();
    const strict = createPostgresAdapter({ url: POSTGRES_URL, autoCreateNamespaces: false });
    try {
      const missing = uniqueNamespace();
      expect((await gatewayError(strict.database(missing))).code).toBe("NAMESPACE_NOT_FOUND");
      expect(await adminQuery("SELECT 1 FROM pg_namespace WHERE nspname = $1", [missing])).toEqual([]);
      const conn = await (await strict.database(namespace)).acquire();
      expect(await rows(conn, "SELECT current_schema()")).toEqual([[namespace]]);
      await (await strict.database(namespace)).release(conn);
    } finally {
      await strict.close();
    }
    expect(adapter.dialect).toBe("postgres");
  });

  it("creates a schema once when many streams open a new tenant at the same time", async () => {
    const { adapter, track: remember } = await setUp();
    const namespace = uniqueNamespace();
    remember(namespace);
    const databases = await Promise.all(Array.from({ length: 8 }, () => adapter.database(namespace)));
    expect(new Set(databases).size).toBe(1);
  });
});

describe("acquire and release", () => {
  it("rolls back an abandoned transaction and hands out clean state on the next acquire", async () => {
    const { database } = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    await run(conn, "SET statement_timeout = 12345");
    await run(conn, "CREATE TEMP TABLE scratch(a int)");
    await run(conn, "SELECT pg_advisory_lock(42)");
    await run(conn, "COMMIT");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (2)");
    expect(conn.holdsSessionState()).toBe(true);
    const pid = await backendPid(conn);
    await database.release(conn);
    const next = await database.acquire();
    expect(await backendPid(next)).toBe(pid);
    expect(next.isAutocommit()).toBe(true);
    expect(next.holdsSessionState()).toBe(false);
    expect(await rows(next, "SELECT count(*) FROM t")).toEqual([[1n]]);
    expect(await rows(next, "SHOW statement_timeout")).toEqual([["0"]]);
    expect(await rows(next, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")).toEqual([[0n]]);
    expect((await gatewayError(run(next, "SELECT * FROM scratch"))).code).toBe("SQLITE_ERROR");
    await database.release(next);
  });

  it("refuses a released connection, and a connection it did not hand out", async () => {
    const { database } = await setUp();
    const conn = await database.acquire();
    await database.release(conn);
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("INTERNAL_ERROR");
    expect((await gatewayError(database.release(conn))).code).toBe("INTERNAL_ERROR");
    const { database: other } = await fixture!.tenant();
    const foreign = await other.acquire();
    expect((await gatewayError(database.release(foreign))).code).toBe("INTERNAL_ERROR");
    await other.release(foreign);
  });

  it("cancels a running statement when its connection is released", async () => {
    const { database } = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    const sleeping = gatewayError(run(conn, "SELECT pg_sleep(30)"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await database.release(conn);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await sleeping).code).toBe("SQLITE_INTERRUPT");
    const next = await database.acquire();
    expect(await rows(next, "SELECT 1")).toEqual([[1n]]);
    await database.release(next);
  });
});

describe("pool limits", () => {
  it("makes an acquirer wait for a release when all connections are in use, then hands it that client", async () => {
    const { database } = await setUp({ poolSize: 2 });
    const a = await database.acquire();
    const b = await database.acquire();
    const pid = await backendPid(a);
    const third = track(database.acquire());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(third.settled).toBe(false);
    await database.release(a);
    const c = await third.promise;
    expect(c).not.toBe(a);
    expect(await backendPid(c)).toBe(pid);
    await database.release(b);
    await database.release(c);
  });

  it("fails with POOL_TIMEOUT when nothing is released in time, and recovers after a release", async () => {
    const { database } = await setUp({ poolSize: 2, acquireTimeoutMs: 100 });
    const a = await database.acquire();
    const b = await database.acquire();
    const started = Date.now();
    const error = await gatewayError(database.acquire());
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(error.code).toBe("POOL_TIMEOUT");
    expect(error.message).toMatch(/All 2 connections of Postgres adapter postgres are in use; waited 100 ms/);
    await database.release(a);
    const c = await database.acquire();
    expect(await rows(c, "SELECT 1")).toEqual([[1n]]);
    await database.release(b);
    await database.release(c);
  });

  it("shares the pool between tenants", async () => {
    const { database: a } = await setUp({ poolSize: 1, acquireTimeoutMs: 100 });
    const { database: b } = await fixture!.tenant();
    const conn = await a.acquire();
    expect((await gatewayError(b.acquire())).code).toBe("POOL_TIMEOUT");
    await a.release(conn);
    await b.release(await b.acquire());
  });
});

describe("server failures", () => {
  it("reports an unreachable server clearly", async () => {
    const adapter = createPostgresAdapter({ url: "postgres://postgres@127.0.0.1:1/test", acquireTimeoutMs: 1000 });
    try {
      const error = await gatewayError(adapter.database("tenant"));
      expect(error.code).toBe("DATABASE_UNAVAILABLE");
      expect(error.message).toMatch(/^Postgres server unavailable: .*ECONNREFUSED/);
      expect((await gatewayError(adapter.ping())).code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await adapter.close();
    }
  });

  it("destroys a connection whose backend died and recovers on the next acquire", async () => {
    const { database, adapter } = await setUp({ poolSize: 1 });
    const conn = await database.acquire();
    await run(conn, "BEGIN");
    const pid = await backendPid(conn);
    await adminQuery("SELECT pg_terminate_backend($1)", [pid]);
    const error = await gatewayError(run(conn, "SELECT 1"));
    expect(error.code).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toMatch(/terminat/i);
    // The stream is still in its transaction: it must fail, not go on in autocommit elsewhere.
    expect(conn.holdsSessionState()).toBe(true);
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("DATABASE_UNAVAILABLE");
    await database.release(conn);
    const next = await database.acquire();
    expect(await backendPid(next)).not.toBe(pid);
    expect(await rows(next, "SELECT current_schema()")).toEqual([[fixture!.namespace]]);
    await database.release(next);
    await adapter.ping();
  });

  it("replaces idle connections killed behind the pool's back", async () => {
    const { database } = await setUp({ poolSize: 2 });
    const conns = [await database.acquire(), await database.acquire()];
    const pids = await Promise.all(conns.map(backendPid));
    for (const conn of conns) await database.release(conn);
    await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])", [pids]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const conn = await database.acquire();
    expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
    await database.release(conn);
  });
});

describe("close", () => {
  it("fails later acquires and statements with SHUTTING_DOWN; release still resolves", async () => {
    const { database, adapter } = await setUp();
    const conn = await database.acquire();
    await adapter.close();
    expect((await gatewayError(database.acquire())).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(adapter.database("other"))).code).toBe("SHUTTING_DOWN");
    await expect(database.release(conn)).resolves.toBeUndefined();
  });

  it("ends connections of tenants the adapter no longer caches", async () => {
    const { database, adapter } = await setUp({ maxCachedDatabases: 1 });
    const conn = await database.acquire();
    await fixture!.tenant();
    await adapter.close();
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SHUTTING_DOWN");
    await expect(database.release(conn)).resolves.toBeUndefined();
  });
});
