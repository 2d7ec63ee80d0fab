import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { SqlAdapter } from "../executor.js";
import { tempDirectory } from "../test-support/temp-directory.js";
import { gatewayError, rows, run } from "../test-support/sqlite-fixture.js";
import { createSqliteAdapter, type SqliteAdapterOptions } from "./sqlite-adapter.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function adapterIn(options: Partial<SqliteAdapterOptions> = {}): { adapter: SqlAdapter; directory: string } {
  const temp = tempDirectory();
  cleanups.push(temp.remove);
  const directory = join(temp.path, "nested", "data");
  const adapter = createSqliteAdapter({ directory, ...options });
  cleanups.push(() => adapter.close());
  return { adapter, directory };
}

describe("createSqliteAdapter", () => {
  it("names itself and its dialect", () => {
    const { adapter } = adapterIn({ name: "local" });
    expect(adapter).toMatchObject({ name: "local", dialect: "sqlite" });
    expect(adapterIn().adapter.name).toBe("sqlite");
  });

  it("creates the directory and one WAL database file per namespace", async () => {
    const { adapter, directory } = adapterIn();
    const database = await adapter.database("acme-corp");
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t(a)");
    expect(existsSync(join(directory, "acme-corp.db"))).toBe(true);
    expect(await rows(conn, "PRAGMA journal_mode")).toEqual([["wal"]]);
    expect(await rows(conn, "PRAGMA synchronous")).toEqual([[2n]]);
  });

  it("applies synchronous = NORMAL when asked", async () => {
    const { adapter } = adapterIn({ synchronous: "NORMAL" });
    const conn = await (await adapter.database("t1")).acquire();
    expect(await rows(conn, "PRAGMA synchronous")).toEqual([[1n]]);
  });

  it("keeps tenants apart and returns the same pool for the same namespace", async () => {
    const { adapter } = adapterIn();
    const a = await adapter.database("a");
    expect(await adapter.database("a")).toBe(a);
    await run(await a.acquire(), "CREATE TABLE only_in_a(x)");
    const b = await (await adapter.database("b")).acquire();
    expect((await gatewayError(run(b, "SELECT * FROM only_in_a"))).code).toBe("SQLITE_ERROR");
  });

  it.each(["../x", "a/b", "a;DROP", "", "x".repeat(64), "ünï", "."])("refuses namespace %j", async (name) => {
    const { adapter } = adapterIn();
    expect((await gatewayError(adapter.database(name))).code).toBe("NAMESPACE_INVALID");
  });

  it("closes the least recently used idle databases beyond maxCachedDatabases", async () => {
    const { adapter } = adapterIn({ maxCachedDatabases: 2 });
    const busy = await adapter.database("busy");
    const held = await busy.acquire();
    const idle = await adapter.database("idle");
    await adapter.database("third");
    // "busy" is the oldest but has a connection checked out, so "idle" went instead.
    expect(await adapter.database("busy")).toBe(busy);
    expect(await adapter.database("idle")).not.toBe(idle);
    // An evicted pool that someone still holds keeps working.
    const conn = await idle.acquire();
    expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
    await idle.release(conn);
    await busy.release(held);
  });

  it("pings a writable directory and reports one it cannot create", async () => {
    const { adapter } = adapterIn();
    await expect(adapter.ping()).resolves.toBeUndefined();
    const temp = tempDirectory();
    cleanups.push(temp.remove);
    writeFileSync(join(temp.path, "file"), "");
    const broken = createSqliteAdapter({ directory: join(temp.path, "file", "data") });
    expect((await gatewayError(broken.ping())).code).toBe("SQLITE_CANTOPEN");
    expect((await gatewayError(broken.database("x"))).code).toBe("SQLITE_CANTOPEN");
  });

  it("refuses work after close", async () => {
    const { adapter } = adapterIn();
    const database = await adapter.database("a");
    const conn = await database.acquire();
    await adapter.close();
    expect((await gatewayError(adapter.database("a"))).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SHUTTING_DOWN");
  });
});
