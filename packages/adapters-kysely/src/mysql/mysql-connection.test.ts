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
});
afterEach(() => fixture.dispose());

describe("results", () => {
  it("reports names and declared types for table columns, null for expressions", async () => {
    await run(
      conn,
      `CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, n INT UNSIGNED, flag BOOLEAN, price DECIMAL(10,2),
        score DOUBLE, f FLOAT, name VARCHAR(20), code CHAR(2), body TEXT, tiny TINYTEXT, big LONGBLOB, raw VARBINARY(4),
        doc JSON, at DATETIME, d DATE, ts TIMESTAMP NULL, tm TIME, y YEAR, bits BIT(3), e ENUM('a'), s SET('x'), u UUID)`,
    );
    const result = await run(conn, "SELECT id, n AS number, flag, price, score, f, name, code, body, tiny, big, raw, doc, at, d, ts, tm, y, bits, e, s, u, 1 + 1 AS two FROM t");
    expect(result.columns).toEqual([
      { name: "id", decltype: "BIGINT" },
      { name: "number", decltype: "INT UNSIGNED" },
      { name: "flag", decltype: "TINYINT(1)" },
      { name: "price", decltype: "DECIMAL(10,2)" },
      { name: "score", decltype: "DOUBLE" },
      { name: "f", decltype: "FLOAT" },
      { name: "name", decltype: "VARCHAR" },
      { name: "code", decltype: "CHAR" },
      { name: "body", decltype: "TEXT" },
      { name: "tiny", decltype: "TINYTEXT" },
      { name: "big", decltype: "LONGBLOB" },
      { name: "raw", decltype: "VARBINARY" },
      { name: "doc", decltype: "JSON" },
      { name: "at", decltype: "DATETIME" },
      { name: "d", decltype: "DATE" },
      { name: "ts", decltype: "TIMESTAMP" },
      { name: "tm", decltype: "TIME" },
      { name: "y", decltype: "YEAR" },
      { name: "bits", decltype: "BIT" },
      { name: "e", decltype: "ENUM" },
      { name: "s", decltype: "SET" },
      { name: "u", decltype: "UUID" },
      { name: "two", decltype: null },
    ]);
    expect(result.rows).toEqual([]);
  });

  it("keeps duplicate column names as separate columns", async () => {
    const result = await run(conn, "SELECT 1 AS a, 2 AS a");
    expect(result.columns.map((c) => c.name)).toEqual(["a", "a"]);
    expect(result.rows).toEqual([[1n, 2n]]);
  });

  it("reports affected rows and the insert id of writes", async () => {
    await run(conn, "CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)");
    expect(await run(conn, "INSERT INTO t (v) VALUES (1)")).toMatchObject({ affectedRowCount: 1, lastInsertRowid: 1n, rowsWritten: 1 });
    // MySQL reports the first id a multi-row insert generated.
    expect(await run(conn, "INSERT INTO t (v) VALUES (2), (3)")).toMatchObject({ affectedRowCount: 2, lastInsertRowid: 2n });
    expect(await run(conn, "INSERT INTO t VALUES (9223372036854775806, 4)")).toMatchObject({ lastInsertRowid: 9223372036854775806n });
    expect(await run(conn, "UPDATE t SET v = v + 1 WHERE id > 1")).toMatchObject({ affectedRowCount: 3, lastInsertRowid: null });
    // Rows matched, as SQLite counts them, not only rows whose value changed.
    expect((await run(conn, "UPDATE t SET v = v WHERE id = 1")).affectedRowCount).toBe(1);
    expect((await run(conn, "CREATE TABLE u (a INT)")).affectedRowCount).toBe(0);
  });

  it("reports no changes and no insert id for a query", async () => {
    await run(conn, "CREATE TABLE t (id INT PRIMARY KEY)");
    await run(conn, "INSERT INTO t VALUES (7)");
    expect(await run(conn, "SELECT * FROM t")).toMatchObject({ affectedRowCount: 0, lastInsertRowid: null, rowsRead: 1 });
  });

  it("handles INSERT … RETURNING: rows and affected count", async () => {
    await run(conn, "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v TEXT)");
    const result = await run(conn, "INSERT INTO t (v) VALUES ('a'), ('b') RETURNING id, v");
    expect(result.rows).toEqual([
      [1n, "a"],
      [2n, "b"],
    ]);
    expect(result.affectedRowCount).toBe(2);
    const none = await conn.execute(stmt("DELETE FROM t WHERE id > 100 RETURNING id", [], { wantRows: false }));
    expect(none).toMatchObject({ affectedRowCount: 0, rows: [] });
  });

  it("returns the first result set of a procedure", async () => {
    await run(conn, "CREATE PROCEDURE p(IN x INT) BEGIN SELECT x AS a; SELECT x + 1 AS b; END");
    const result = await run(conn, "CALL p(?)", [5n]);
    expect(result.rows).toEqual([[5n]]);
    expect(result.columns).toEqual([{ name: "a", decltype: null }]);
  });

  it("accepts a trailing semicolon and comment", async () => {
    expect(await rows(conn, "SELECT 1; -- done")).toEqual([[1n]]);
  });

  it("lets function names be column names (no IGNORE_SPACE)", async () => {
    await run(conn, "CREATE TABLE t (count INT, now INT)");
    await run(conn, "INSERT INTO t (count, now) VALUES (1, 2)");
    expect(await rows(conn, "SELECT count, now FROM t")).toEqual([[1n, 2n]]);
  });
});

describe("errors", () => {
  it("reports a duplicate key as SQLITE_CONSTRAINT with errno, SQLSTATE and message", async () => {
    await run(conn, "CREATE TABLE t (id INT PRIMARY KEY)");
    await run(conn, "INSERT INTO t VALUES (1)");
    const error = await gatewayError(run(conn, "INSERT INTO t VALUES (1)"));
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect(error.message).toBe("MySQL error 1062 (23000): Duplicate entry '1' for key 'PRIMARY'");
    expect((error.cause as { errno?: number }).errno).toBe(1062);
  });

  it("reports foreign key, NOT NULL and CHECK violations as SQLITE_CONSTRAINT", async () => {
    await run(conn, "CREATE TABLE parent (id INT PRIMARY KEY)");
    await run(conn, "CREATE TABLE child (id INT PRIMARY KEY, p INT NOT NULL, c INT CHECK (c > 0), FOREIGN KEY (p) REFERENCES parent (id))");
    await run(conn, "INSERT INTO parent VALUES (1)");
    await run(conn, "INSERT INTO child VALUES (1, 1, 1)");
    const cases: [string, number][] = [
      ["INSERT INTO child VALUES (2, 99, 1)", 1452],
      ["DELETE FROM parent", 1451],
      ["INSERT INTO child VALUES (3, NULL, 1)", 1048],
      ["INSERT INTO child VALUES (4, 1, -1)", 4025],
    ];
    for (const [sql, errno] of cases) {
      const error = await gatewayError(run(conn, sql));
      expect(error.code).toBe("SQLITE_CONSTRAINT");
      expect(error.message).toMatch(new RegExp(`^MySQL error ${errno} \\(\\w{5}\\): `));
    }
  });

  it.each([
    ["SELEC 1", "SQL_PARSE_ERROR", /^MySQL error 1064 \(42000\): You have an error in your SQL syntax/],
    ["SELECT 'abc", "SQL_PARSE_ERROR", /1064/],
    ["SELECT * FROM missing", "SQLITE_ERROR", /^MySQL error 1146 \(42S02\): Table '.*\.missing' doesn't exist$/],
    ["SELECT nope FROM (SELECT 1 AS a) x", "SQLITE_ERROR", /^MySQL error 1054 \(42S22\): Unknown column 'nope'/],
    ["SELECT 1; SELECT 2", "SQL_MANY_STATEMENTS", /more than one statement/],
    ["", "SQL_NO_STATEMENT", /any statement/],
    ["  -- only a comment\n /* and another */ ;", "SQL_NO_STATEMENT", /any statement/],
    ["PRAGMA journal_mode", "SQLITE_ERROR", /PRAGMA journal_mode is not supported by the MySQL adapter/],
  ])("reports %j as %s", async (sql, code, message) => {
    const error = await gatewayError(run(conn, sql));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("reports a value too long for its column as SQLITE_TOOBIG", async () => {
    await run(conn, "CREATE TABLE t (v VARCHAR(2))");
    const error = await gatewayError(run(conn, "INSERT INTO t VALUES (?)", ["abc"]));
    expect(error.code).toBe("SQLITE_TOOBIG");
    expect(error.message).toMatch(/^MySQL error 1406 /);
  });

  it("keeps the connection usable after an error", async () => {
    await gatewayError(run(conn, "SELEC 1"));
    expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
  });
});

describe("describe", () => {
  it("describes parameters, columns and the kind of statement", async () => {
    await run(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)");
    const described = await conn.describe("SELECT id, name, ?2 + :x AS e FROM t WHERE id = @y");
    expect(described).toEqual({
      params: [null, "?2", ":x", "@y"],
      columns: [
        { name: "id", decltype: "BIGINT" },
        { name: "name", decltype: "TEXT" },
        { name: "e", decltype: null },
      ],
      isExplain: false,
      isReadonly: true,
      isDdl: false,
    });
  });

  it("recognises writes, EXPLAIN and DDL", async () => {
    await run(conn, "CREATE TABLE t (a INT)");
    expect(await conn.describe("INSERT INTO t VALUES (?)")).toMatchObject({ params: [null], isReadonly: false, columns: [] });
    expect(await conn.describe("EXPLAIN SELECT 1")).toMatchObject({ isExplain: true, isReadonly: true });
    expect(await conn.describe("CREATE TABLE u (a INT)")).toMatchObject({ isDdl: true, isReadonly: false });
    expect(await conn.describe("BEGIN IMMEDIATE")).toMatchObject({ params: [], isReadonly: false, columns: [] });
  });

  it("does not run the statement", async () => {
    await run(conn, "CREATE TABLE t (a INT)");
    await conn.describe("INSERT INTO t VALUES (1)");
    expect(await rows(conn, "SELECT COUNT(*) FROM t")).toEqual([[0n]]);
  });

  it("reports errors as execute does", async () => {
    expect((await gatewayError(conn.describe("SELEC"))).code).toBe("SQL_PARSE_ERROR");
    expect((await gatewayError(conn.describe("SELECT * FROM missing"))).code).toBe("SQLITE_ERROR");
    expect((await gatewayError(conn.describe("SELECT 1; SELECT 2"))).code).toBe("SQL_MANY_STATEMENTS");
  });
});

describe("executeScript", () => {
  it("runs statements in order, including a trigger body with semicolons", async () => {
    await conn.executeScript(`
      CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v TEXT);
      CREATE TABLE log (msg TEXT);
      CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN
        INSERT INTO log VALUES (CONCAT('inserted ', NEW.v));
        INSERT INTO log VALUES ('a;b');
      END;
      INSERT INTO t (v) VALUES ('x'); -- done
      # and a MySQL comment
    `);
    expect(await rows(conn, "SELECT msg FROM log")).toEqual([["inserted x"], ["a;b"]]);
  });

  it("stops at the first failure and reports it", async () => {
    const error = await gatewayError(
      conn.executeScript("CREATE TABLE t (a INT UNIQUE); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)"),
    );
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect(await rows(conn, "SELECT a FROM t")).toEqual([[1n]]);
  });

  it("runs client-generated SQLite statements too", async () => {
    await conn.executeScript("CREATE TABLE t (a INT); BEGIN IMMEDIATE; INSERT INTO t VALUES (1); END TRANSACTION;");
    expect(conn.isAutocommit()).toBe(true);
    expect(await rows(conn, "SELECT a FROM t")).toEqual([[1n]]);
  });

  it("accepts an empty script", async () => {
    await expect(conn.executeScript("  -- nothing\n")).resolves.toBeUndefined();
  });
});

describe("concurrency", () => {
  it("refuses concurrent use of one connection", async () => {
    const first = run(conn, "SELECT SLEEP(0.05)");
    const second = gatewayError(run(conn, "SELECT 2"));
    await first;
    expect((await second).code).toBe("INTERNAL_ERROR");
  });
});
