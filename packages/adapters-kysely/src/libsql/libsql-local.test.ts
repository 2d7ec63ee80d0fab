// The libSQL adapter on local files (`file:`), through the libsql package.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlAdapter, SqlConnection, SqlDatabase } from "../executor.js";
import { gatewayError, rows, run, stmt } from "../test-support/sqlite-fixture.js";
import { tempDirectory } from "../test-support/temp-directory.js";
import { createLibsqlAdapter, type LibsqlAdapterOptions } from "./libsql-adapter.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function temp(): string {
  const directory = tempDirectory("baton-libsql-");
  cleanups.push(directory.remove);
  return directory.path;
}

function adapter(options: LibsqlAdapterOptions): SqlAdapter {
  const created = createLibsqlAdapter(options);
  cleanups.push(() => created.close());
  return created;
}

describe("file:DIR", () => {
  let directory: string;
  let database: SqlDatabase;
  let conn: SqlConnection;

  beforeEach(async () => {
    directory = temp();
    database = await adapter({ url: `file:${directory}` }).database("tenant");
    conn = await database.acquire();
  });

  it("names itself libsql and keeps one WAL file per namespace", async () => {
    const libsql = adapter({ url: `file:${directory}` });
    expect(libsql).toMatchObject({ name: "libsql", dialect: "libsql" });
    await run(conn, "CREATE TABLE t(a)");
    expect(existsSync(join(directory, "tenant.db"))).toBe(true);
    expect(await rows(conn, "PRAGMA journal_mode")).toEqual([["wal"]]);
    expect(await rows(conn, "PRAGMA foreign_keys")).toEqual([[0n]]);
    const other = await (await libsql.database("other")).acquire();
    expect((await gatewayError(run(other, "SELECT * FROM t"))).code).toBe("SQLITE_ERROR");
    expect((await gatewayError(libsql.database("../x"))).code).toBe("NAMESPACE_INVALID");
  });

  it("runs on libSQL's engine", async () => {
    // Vector functions exist in libSQL only.
    expect(await rows(conn, "SELECT vector_extract(vector('[1,2]'))")).toEqual([["[1,2]"]]);
  });

  describe("values", () => {
    it("round-trips int64 extremes exactly, as bigint", async () => {
      const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 0n, -1n];
      expect(await rows(conn, "SELECT ?, ?, ?, ?, ?", values)).toEqual([values]);
    });

    it("keeps floats as numbers, also when they are whole", async () => {
      const [row] = await rows(conn, "SELECT ?, ?, ?, 2.0, typeof(?)", [2.0, -0, 0.1, 2.0]);
      expect(row).toEqual([2, -0, 0.1, 2, "real"]);
      expect(Object.is(row?.[1], -0)).toBe(true);
    });

    it("round-trips blobs and unicode text", async () => {
      const text = "héllo 👋🏽 𝄞 ünï";
      const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
      const [row] = await rows(conn, "SELECT ?, ?, ?, typeof(?)", [text, view, new Uint8Array(0), view]);
      expect(row?.[0]).toBe(text);
      expect(row?.[1]).toBeInstanceOf(Uint8Array);
      expect([...(row?.[1] as Uint8Array)]).toEqual([1, 2, 3]);
      expect([...(row?.[2] as Uint8Array)]).toEqual([]);
      expect(row?.[3]).toBe("blob");
    });

    it("cuts text at a NUL when reading it back (a limitation of the libsql package)", async () => {
      // libsql 0.5.29 reads text through a C string; the value is stored whole (hex shows it).
      expect(await rows(conn, "SELECT ?, hex(?)", ["a\u0000b", "a\u0000b"])).toEqual([["a", "610062"]]);
    });

    it("stores whole floats by column affinity, and round-trips through a table", async () => {
      await run(conn, "CREATE TABLE t(i INTEGER, r REAL, x, b BLOB)");
      await run(conn, "INSERT INTO t VALUES (?, ?, ?, ?)", [42, 42n, 42, new Uint8Array([0, 255])]);
      const [row] = await rows(conn, "SELECT i, r, x, typeof(x), b FROM t");
      expect(row?.slice(0, 4)).toEqual([42n, 42, 42, "real"]);
      expect([...(row?.[4] as Uint8Array)]).toEqual([0, 255]);
    });

    it("binds named arguments with and without prefix, and ?NNN", async () => {
      const result = await conn.execute(
        stmt("SELECT :a, @b, $c, ?5, ?", [1n, 2n, 3n, 4n, 5n, 6n], { namedArgs: [{ name: "a", value: "x" }, { name: "$c", value: null }] }),
      );
      expect(result.rows).toEqual([["x", 2n, null, 5n, 6n]]);
    });

    it("refuses surplus, missing and out-of-range arguments", async () => {
      expect((await gatewayError(run(conn, "SELECT ?", [1n, 2n]))).code).toBe("ARGS_INVALID");
      expect((await gatewayError(run(conn, "SELECT ?, ?", [1n]))).code).toBe("ARGS_INVALID");
      expect((await gatewayError(run(conn, "SELECT ?", [2n ** 63n]))).code).toBe("ARGS_INVALID");
    });
  });

  describe("results", () => {
    it("reports columns with declared types, changes and exact rowids", async () => {
      await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
      const insert = await run(conn, "INSERT INTO t VALUES (9223372036854775807, 'max')");
      expect(insert).toMatchObject({ affectedRowCount: 1, lastInsertRowid: 2n ** 63n - 1n });
      const small = await run(conn, "INSERT INTO t VALUES (-9223372036854775808, 'min')");
      expect(small.lastInsertRowid).toBe(-(2n ** 63n));
      const select = await run(conn, "SELECT id, name AS n, 1 + 1 AS two FROM t ORDER BY id");
      expect(select.columns).toEqual([
        { name: "id", decltype: "INTEGER" },
        { name: "n", decltype: "TEXT" },
        { name: "two", decltype: null },
      ]);
      expect(select.rows).toEqual([
        [-(2n ** 63n), "min", 2n],
        [2n ** 63n - 1n, "max", 2n],
      ]);
      expect(select).toMatchObject({ affectedRowCount: 0, lastInsertRowid: null, rowsRead: 2 });
    });

    it("handles INSERT … RETURNING and wantRows false", async () => {
      await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, v)");
      const returning = await run(conn, "INSERT INTO t(v) VALUES ('a'), ('b') RETURNING id");
      expect(returning).toMatchObject({ rows: [[1n], [2n]], affectedRowCount: 2, lastInsertRowid: 2n });
      const silent = await conn.execute(stmt("SELECT * FROM t", [], { wantRows: false }));
      expect(silent.rows).toEqual([]);
      expect(silent.columns.map((c) => c.name)).toEqual(["id", "v"]);
    });
  });

  describe("errors", () => {
    it("reports a constraint violation as SQLITE_CONSTRAINT", async () => {
      await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
      await run(conn, "INSERT INTO t VALUES (1)");
      const error = await gatewayError(run(conn, "INSERT INTO t VALUES (1)"));
      expect(error.code).toBe("SQLITE_CONSTRAINT");
      expect(error.message).toMatch(/^SQLite error: UNIQUE constraint failed: t\.id/);
      // Through RETURNING the error surfaces while stepping, not while running.
      const returning = await gatewayError(run(conn, "INSERT INTO t VALUES (1) RETURNING id"));
      expect(returning.code).toBe("SQLITE_CONSTRAINT");
    });

    it.each([
      ["SELEC 1", "SQL_PARSE_ERROR"],
      ["SELECT 'abc", "SQL_PARSE_ERROR"],
      ["SELECT 1; SELECT 2", "SQL_MANY_STATEMENTS"],
      ["", "SQL_NO_STATEMENT"],
      ["  -- only a comment\n;", "SQL_NO_STATEMENT"],
      ["SELECT * FROM missing", "SQLITE_ERROR"],
    ])("reports %j as %s", async (sql, code) => {
      expect((await gatewayError(run(conn, sql))).code).toBe(code);
    });

    it("never runs the second statement of a text it refuses", async () => {
      // libsql itself would run the first statement and drop the rest without a word.
      await run(conn, "CREATE TABLE t(a)");
      expect((await gatewayError(run(conn, "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)"))).code).toBe(
        "SQL_MANY_STATEMENTS",
      );
      expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
    });
  });

  describe("describe", () => {
    it("describes parameters, columns and the kind of statement", async () => {
      await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
      expect(await conn.describe("SELECT id, name, ?2 + :x AS e FROM t WHERE id = @y")).toEqual({
        params: [null, "?2", ":x", "@y"],
        columns: [
          { name: "id", decltype: "INTEGER" },
          { name: "name", decltype: "TEXT" },
          { name: "e", decltype: null },
        ],
        isExplain: false,
        isReadonly: true,
        isDdl: false,
      });
      expect(await conn.describe("INSERT INTO t(name) VALUES (?)")).toMatchObject({ isReadonly: false, columns: [] });
      expect(await conn.describe("EXPLAIN INSERT INTO t(name) VALUES (1)")).toMatchObject({ isExplain: true, isReadonly: false });
      expect(await conn.describe("CREATE TABLE u(a)")).toMatchObject({ isDdl: true, isReadonly: false });
      expect(await conn.describe("BEGIN")).toMatchObject({ isReadonly: true });
      expect((await gatewayError(conn.describe("SELEC"))).code).toBe("SQL_PARSE_ERROR");
    });

    it("names TCL-style parameters as libSQL's SQLite does", async () => {
      expect((await conn.describe("SELECT $a::b")).params).toEqual(["$a::b"]);
      expect((await conn.execute(stmt("SELECT $a::b", [], { namedArgs: [{ name: "a::b", value: 7n }] }))).rows).toEqual([[7n]]);
    });
  });

  describe("transactions", () => {
    it("keeps a transaction across separate execute calls, with autocommit tracked", async () => {
      await run(conn, "CREATE TABLE t(a)");
      expect(conn.isAutocommit()).toBe(true);
      await run(conn, "BEGIN");
      expect(conn.isAutocommit()).toBe(false);
      expect(conn.holdsSessionState()).toBe(true);
      await run(conn, "INSERT INTO t VALUES (1)");
      await gatewayError(run(conn, "INSERT INTO missing VALUES (1)"));
      await run(conn, "INSERT INTO t VALUES (2)");
      const other = await database.acquire();
      expect(await rows(other, "SELECT count(*) FROM t")).toEqual([[0n]]);
      await run(conn, "COMMIT");
      expect(conn.isAutocommit()).toBe(true);
      expect(conn.holdsSessionState()).toBe(false);
      expect(await rows(other, "SELECT count(*) FROM t")).toEqual([[2n]]);
      await database.release(other);
    });

    it("rolls back on release, and frees the write lock for others", async () => {
      await run(conn, "CREATE TABLE t(a)");
      await run(conn, "BEGIN IMMEDIATE");
      await run(conn, "INSERT INTO t VALUES (1)");
      await database.release(conn);
      const next = await database.acquire();
      expect(next.isAutocommit()).toBe(true);
      expect(await rows(next, "SELECT count(*) FROM t")).toEqual([[0n]]);
      const writer = await database.acquire();
      await run(writer, "BEGIN IMMEDIATE");
      await run(writer, "INSERT INTO t VALUES (2)");
      await run(writer, "COMMIT");
      expect(await rows(next, "SELECT a FROM t")).toEqual([[2n]]);
    });

    it("closes a tainted connection on release instead of reusing it", async () => {
      await run(conn, "CREATE TABLE t(a)");
      await run(conn, "PRAGMA cache_size = 100");
      await run(conn, "BEGIN IMMEDIATE");
      await run(conn, "INSERT INTO t VALUES (1)");
      await database.release(conn);
      const writer = await database.acquire();
      expect(writer).not.toBe(conn);
      await run(writer, "INSERT INTO t VALUES (2)");
      expect(await rows(writer, "SELECT a FROM t")).toEqual([[2n]]);
    });

    it("releases a write lock at once when shut down with a transaction open", async () => {
      // libsql frees a closed connection only once its statements are garbage-collected; the
      // driver rolls back before closing, so the lock does not wait for the collector.
      await run(conn, "CREATE TABLE t(a)");
      await run(conn, "BEGIN IMMEDIATE");
      await run(conn, "INSERT INTO t VALUES (1)");
      const first = cleanups.pop();
      await first?.();
      const again = await (await adapter({ url: `file:${directory}`, busyTimeoutMs: 200 }).database("tenant")).acquire();
      await run(again, "INSERT INTO t VALUES (2)");
      expect(await rows(again, "SELECT a FROM t")).toEqual([[2n]]);
    });

    it("waits for another connection's write lock instead of failing", async () => {
      await run(conn, "CREATE TABLE t(a)");
      await run(conn, "BEGIN IMMEDIATE");
      const other = await database.acquire();
      const waiting = run(other, "INSERT INTO t VALUES (2)");
      await new Promise((resolve) => setTimeout(resolve, 30));
      await run(conn, "INSERT INTO t VALUES (1)");
      await run(conn, "COMMIT");
      await waiting;
      expect(await rows(other, "SELECT a FROM t ORDER BY a")).toEqual([[1n], [2n]]);
      await database.release(other);
    });

    it("commits after an EXPLAIN of a write in the same transaction", async () => {
      // An EXPLAIN left unreset would make COMMIT fail: "SQL statements in progress".
      await run(conn, "CREATE TABLE t(a)");
      await run(conn, "BEGIN");
      await run(conn, "EXPLAIN INSERT INTO t VALUES (1)");
      await conn.execute(stmt("EXPLAIN UPDATE t SET a = 2", [], { wantRows: false }));
      await conn.describe("DELETE FROM t");
      await run(conn, "INSERT INTO t VALUES (1)");
      await run(conn, "COMMIT");
      expect(conn.isAutocommit()).toBe(true);
    });

    it("runs a script up to its first failure", async () => {
      await conn.executeScript(`
        CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);
        CREATE TABLE log(msg TEXT);
        CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('a;b'); END;
        INSERT INTO t(v) VALUES ('x');
      `);
      expect(await rows(conn, "SELECT msg FROM log")).toEqual([["a;b"]]);
      const error = await gatewayError(conn.executeScript("INSERT INTO t VALUES (1, 'dup'); INSERT INTO t(v) VALUES ('later')"));
      expect(error.code).toBe("SQLITE_CONSTRAINT");
      expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[1n]]);
    });
  });
});

describe("file:PATH.db", () => {
  it("serves the default namespace from one file and no other namespace", async () => {
    const directory = temp();
    const file = join(directory, "nested", "app.db");
    const libsql = adapter({ url: `file:${file}`, name: "local" });
    expect(libsql).toMatchObject({ name: "local", dialect: "libsql" });
    await libsql.ping();
    const database = await libsql.database("default");
    expect(await libsql.database("default")).toBe(database);
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t(a)");
    expect(existsSync(file)).toBe(true);
    expect((await gatewayError(libsql.database("other"))).code).toBe("NAMESPACE_NOT_FOUND");
    await database.release(conn);
  });

  it("serves a configured default namespace, and takes file:// URLs and existing files", async () => {
    const directory = temp();
    const file = join(directory, "data");
    writeFileSync(file, "");
    const libsql = adapter({ url: `file://${file}`, defaultNamespace: "main" });
    const conn = await (await libsql.database("main")).acquire();
    expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
    expect((await gatewayError(libsql.database("default"))).code).toBe("NAMESPACE_NOT_FOUND");
  });

  it("reports a file it cannot open", async () => {
    const directory = temp();
    const blocker = join(directory, "blocker");
    writeFileSync(blocker, "");
    const libsql = adapter({ url: `file:${join(blocker, "app.db")}` });
    expect((await gatewayError(libsql.ping())).code).toBe("SQLITE_CANTOPEN");
    expect((await gatewayError(libsql.database("default"))).code).toBe("SQLITE_CANTOPEN");
  });

  it("reports a file that is not a database", async () => {
    const directory = temp();
    const file = join(directory, "junk.db");
    writeFileSync(file, "not a database ".repeat(100));
    const libsql = adapter({ url: `file:${file}` });
    const error = await gatewayError((await libsql.database("default")).acquire());
    expect(error.code).toBe("SQLITE_NOTADB");
  });
});

describe("file: ping", () => {
  it("pings a writable directory and reports one it cannot create", async () => {
    const directory = temp();
    await expect(adapter({ url: `file:${join(directory, "data")}` }).ping()).resolves.toBeUndefined();
    writeFileSync(join(directory, "file"), "");
    const broken = adapter({ url: `file:${join(directory, "file", "data")}` });
    expect((await gatewayError(broken.ping())).code).toBe("SQLITE_CANTOPEN");
  });
});
