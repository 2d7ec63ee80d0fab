import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection, SqlDatabase } from "../executor.js";
import { gatewayError, rows, run, sqliteFixture, stmt } from "../test-support/sqlite-fixture.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>>;
let database: SqlDatabase;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await sqliteFixture();
  database = fixture.database;
  conn = await database.acquire();
});
afterEach(() => fixture.dispose());

describe("values", () => {
  it("round-trips integers at the int64 limits exactly, as bigint", async () => {
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 0n, -1n];
    const [row] = await rows(conn, "SELECT ?, ?, ?, ?, ?", values);
    expect(row).toEqual(values);
  });

  it("keeps floats as numbers, also when they are whole", async () => {
    const [row] = await rows(conn, "SELECT ?, ?, ?, ?, 2.0, typeof(?)", [2.0, 1e308, -0, 0.1, 2.0]);
    expect(row?.slice(0, 5)).toEqual([2, 1e308, -0, 0.1, 2]);
    expect(typeof row?.[0]).toBe("number");
    expect(Object.is(row?.[2], -0)).toBe(true);
    expect(row?.[5]).toBe("real");
  });

  it("round-trips text with emoji, non-BMP characters and NUL", async () => {
    const text = "héllo 👋🏽 𝄞 a\u0000b";
    const [row] = await rows(conn, "SELECT ?, length(?)", [text, text]);
    expect(row?.[0]).toBe(text);
  });

  it("round-trips blobs: empty, a view into a larger buffer, 1 MB", async () => {
    const big = new Uint8Array(1024 * 1024).map((_, i) => i % 251);
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    const view = backing.subarray(1, 4);
    const [row] = await rows(conn, "SELECT ?, ?, ?, typeof(?)", [new Uint8Array(0), view, big, new Uint8Array(0)]);
    expect(row?.[0]).toBeInstanceOf(Uint8Array);
    expect([...(row?.[0] as Uint8Array)]).toEqual([]);
    expect([...(row?.[1] as Uint8Array)]).toEqual([1, 2, 3]);
    expect(Buffer.from(row?.[2] as Uint8Array).equals(Buffer.from(big))).toBe(true);
    expect(row?.[3]).toBe("blob");
  });

  it("round-trips NULL", async () => {
    expect(await rows(conn, "SELECT ?, NULL", [null])).toEqual([[null, null]]);
  });

  it("stores a float bound to an INTEGER column as an integer (column affinity)", async () => {
    await run(conn, "CREATE TABLE t(i INTEGER, r REAL, x)");
    await run(conn, "INSERT INTO t VALUES (?, ?, ?)", [42, 42n, 42]);
    expect(await rows(conn, "SELECT i, r, x, typeof(x) FROM t")).toEqual([[42n, 42, 42, "real"]]);
  });

  it("refuses integers outside int64", async () => {
    const error = await gatewayError(run(conn, "SELECT ?", [2n ** 63n]));
    expect(error.code).toBe("ARGS_INVALID");
  });
});

describe("results", () => {
  it("reports declared types for table columns and null for expressions", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score FLOAT, data BLOB)");
    const result = await run(conn, "SELECT id, name AS n, score, data, 1 + 1 AS two FROM t");
    expect(result.columns).toEqual([
      { name: "id", decltype: "INTEGER" },
      { name: "n", decltype: "TEXT" },
      { name: "score", decltype: "FLOAT" },
      { name: "data", decltype: "BLOB" },
      { name: "two", decltype: null },
    ]);
    expect(result.rows).toEqual([]);
  });

  it("keeps duplicate column names as separate columns", async () => {
    const result = await run(conn, "SELECT 1 AS a, 2 AS a");
    expect(result.columns.map((c) => c.name)).toEqual(["a", "a"]);
    expect(result.rows).toEqual([[1n, 2n]]);
  });

  it("reports affected rows and the last insert rowid for writes", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, v)");
    const insert = await run(conn, "INSERT INTO t(v) VALUES (1), (2), (3)");
    expect(insert).toMatchObject({ affectedRowCount: 3, lastInsertRowid: 3n, rowsWritten: 3 });
    const update = await run(conn, "UPDATE t SET v = v + 1 WHERE id > 1");
    expect(update.affectedRowCount).toBe(2);
    const ddl = await run(conn, "CREATE TABLE u(a)");
    expect(ddl.affectedRowCount).toBe(0);
  });

  it("reports no changes and no rowid for a readonly statement", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
    await run(conn, "INSERT INTO t VALUES (7)");
    const select = await run(conn, "SELECT * FROM t");
    expect(select).toMatchObject({ affectedRowCount: 0, lastInsertRowid: null, rowsRead: 1 });
  });

  it("handles INSERT … RETURNING: rows, affected count and rowid", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
    await run(conn, "INSERT INTO t(v) VALUES ('x')");
    const result = await run(conn, "INSERT INTO t(v) VALUES ('a'), ('b') RETURNING id, v");
    expect(result.rows).toEqual([
      [2n, "a"],
      [3n, "b"],
    ]);
    expect(result.columns).toEqual([
      { name: "id", decltype: "INTEGER" },
      { name: "v", decltype: "TEXT" },
    ]);
    expect(result).toMatchObject({ affectedRowCount: 2, lastInsertRowid: 3n });
    const none = await run(conn, "DELETE FROM t WHERE id > 100 RETURNING id");
    expect(none).toMatchObject({ affectedRowCount: 0, rows: [] });
  });

  it("returns no rows with wantRows false, but runs the statement to completion", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
    const result = await conn.execute(stmt("INSERT INTO t VALUES (1), (2) RETURNING id", [], { wantRows: false }));
    expect(result.rows).toEqual([]);
    expect(result.columns.map((c) => c.name)).toEqual(["id"]);
    expect(result.affectedRowCount).toBe(2);
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[2n]]);
  });

  it("picks up new columns after the schema changes under a cached statement", async () => {
    await run(conn, "CREATE TABLE t(a)");
    expect((await run(conn, "SELECT * FROM t")).columns.length).toBe(1);
    await run(conn, "ALTER TABLE t ADD COLUMN b");
    expect((await run(conn, "SELECT * FROM t")).columns.length).toBe(2);
  });
});

describe("errors", () => {
  it("reports a constraint violation with the base code and sqld's message format", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
    await run(conn, "INSERT INTO t VALUES (1)");
    const error = await gatewayError(run(conn, "INSERT INTO t VALUES (1)"));
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect(error.message).toMatch(/^SQLite error: UNIQUE constraint failed: t\.id/);
    expect((error.cause as { code?: string }).code).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
  });

  it.each([
    ["SELEC 1", "SQL_PARSE_ERROR"],
    ["SELECT (1", "SQL_PARSE_ERROR"],
    ["SELECT 'abc", "SQL_PARSE_ERROR"],
    ["SELECT 1; SELECT 2", "SQL_MANY_STATEMENTS"],
    ["", "SQL_NO_STATEMENT"],
    ["  -- only a comment\n /* and another */ ;", "SQL_NO_STATEMENT"],
    ["SELECT * FROM missing", "SQLITE_ERROR"],
  ])("reports %j as %s", async (sql, code) => {
    expect((await gatewayError(run(conn, sql))).code).toBe(code);
  });

  it("accepts one statement with a trailing semicolon and comment", async () => {
    expect(await rows(conn, "SELECT 1; -- done")).toEqual([[1n]]);
  });

  it("keeps the connection usable after an error", async () => {
    await gatewayError(run(conn, "SELEC 1"));
    expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
  });

  it("keeps foreign keys off, as SQLite, libSQL and sqld do by default", async () => {
    expect(await rows(conn, "PRAGMA foreign_keys")).toEqual([[0n]]);
  });
});

describe("describe", () => {
  it("describes parameters, columns and the kind of statement", async () => {
    await run(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
    const described = await conn.describe("SELECT id, name, ?2 + :x AS e FROM t WHERE id = @y");
    expect(described).toEqual({
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
  });

  it("recognises writes, EXPLAIN and DDL", async () => {
    await run(conn, "CREATE TABLE t(a)");
    expect(await conn.describe("INSERT INTO t VALUES (?)")).toMatchObject({ isReadonly: false, columns: [] });
    expect(await conn.describe("EXPLAIN SELECT 1")).toMatchObject({ isExplain: true, isReadonly: true });
    expect(await conn.describe("CREATE TABLE u(a)")).toMatchObject({ isDdl: true, isReadonly: false });
  });

  it("reports errors as execute does", async () => {
    expect((await gatewayError(conn.describe("SELEC"))).code).toBe("SQL_PARSE_ERROR");
    expect((await gatewayError(conn.describe("SELECT 1; SELECT 2"))).code).toBe("SQL_MANY_STATEMENTS");
  });
});

describe("executeScript", () => {
  it("runs statements in order, including a trigger body with semicolons", async () => {
    await conn.executeScript(`
      CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);
      CREATE TABLE log(msg TEXT);
      CREATE TRIGGER tr AFTER INSERT ON t BEGIN
        INSERT INTO log VALUES ('inserted ' || new.v);
        INSERT INTO log VALUES ('a;b');
      END;
      INSERT INTO t(v) VALUES ('x'); -- done
    `);
    expect(await rows(conn, "SELECT msg FROM log")).toEqual([["inserted x"], ["a;b"]]);
  });

  it("stops at the first failure and reports it", async () => {
    const error = await gatewayError(
      conn.executeScript("CREATE TABLE t(a UNIQUE); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)"),
    );
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect(await rows(conn, "SELECT a FROM t")).toEqual([[1n]]);
  });

  it("accepts an empty script", async () => {
    await expect(conn.executeScript("  -- nothing\n")).resolves.toBeUndefined();
  });
});

describe("transactions and session state", () => {
  it("tracks autocommit across BEGIN and COMMIT", async () => {
    expect(conn.isAutocommit()).toBe(true);
    await run(conn, "BEGIN");
    expect(conn.isAutocommit()).toBe(false);
    expect(conn.holdsSessionState()).toBe(true);
    await run(conn, "COMMIT");
    expect(conn.isAutocommit()).toBe(true);
    expect(conn.holdsSessionState()).toBe(false);
  });

  it("continues a transaction across separate execute calls", async () => {
    await run(conn, "CREATE TABLE t(a)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    await gatewayError(run(conn, "INSERT INTO missing VALUES (1)"));
    await run(conn, "INSERT INTO t VALUES (2)");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "ROLLBACK");
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
  });

  it("marks a connection that ran PRAGMA or created a temporary table as holding session state", async () => {
    await run(conn, "PRAGMA foreign_keys = ON");
    expect(conn.holdsSessionState()).toBe(true);
    const other = await database.acquire();
    await run(other, "CREATE TEMP TABLE scratch(a)");
    expect(other.holdsSessionState()).toBe(true);
    await database.release(other);
  });

  it("refuses concurrent use of one connection", async () => {
    await run(conn, "CREATE TABLE t(a)");
    const first = run(conn, "SELECT 1");
    const second = gatewayError(run(conn, "SELECT 2"));
    await first;
    expect((await second).code).toBe("INTERNAL_ERROR");
  });
});
