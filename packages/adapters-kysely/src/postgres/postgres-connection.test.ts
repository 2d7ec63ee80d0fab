import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { postgresFixture, type PostgresFixture } from "../test-support/postgres-fixture.js";
import { gatewayError, rows, run, stmt } from "../test-support/sqlite-fixture.js";

let fixture: PostgresFixture;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await postgresFixture();
  conn = await fixture.database.acquire();
});
afterEach(async () => {
  await fixture.database.release(conn);
  await fixture.dispose();
});

describe("placeholders", () => {
  it("binds ?, ?NNN, :a, @a, $a and Postgres's own $1", async () => {
    expect(await rows(conn, "SELECT ?::int8, ?::int8", [1n, 2n])).toEqual([[1n, 2n]]);
    expect(await rows(conn, "SELECT ?2::text, ?1::text, ?2::text", ["a", "b"])).toEqual([["b", "a", "b"]]);
    expect(await rows(conn, "SELECT $2::text, $1::text", ["a", "b"])).toEqual([["b", "a"]]);
    const named = stmt("SELECT :a::text, @b::text, $c::text, :a::text", [], {
      namedArgs: [
        { name: ":a", value: "A" },
        { name: "b", value: "B" },
        { name: "$c", value: "C" },
      ],
    });
    expect((await conn.execute(named)).rows).toEqual([["A", "B", "C", "A"]]);
  });

  it("leaves strings, quoted identifiers, comments, casts and dollar quotes alone", async () => {
    const sql = `SELECT '?' AS "q?", E'\\' ?' , $$ :a ? $$, $t$ $x @y $t$, '1'::int4 /* ? :c */ , ? -- ? @d
      `;
    const result = await run(conn, sql, ["x"]);
    expect(result.columns.map((column) => column.name)).toEqual(["q?", "?column?", "?column?", "?column?", "int4", "?column?"]);
    expect(result.rows).toEqual([["?", "' ?", " :a ? ", " $x @y ", 1n, "x"]]);
  });

  it("keeps `LIMIT?` apart and binds by name without prefix", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "INSERT INTO t SELECT generate_series(1, 5)");
    expect(await rows(conn, "SELECT id FROM t ORDER BY id LIMIT?", [2])).toEqual([[1n], [2n]]);
    const result = await conn.execute(stmt("SELECT count(*) FROM t WHERE id > :min", [], { namedArgs: [{ name: "min", value: 3 }] }));
    expect(result.rows).toEqual([[2n]]);
  });

  it("applies SQLite's binding rules: named wins, missing and surplus are ARGS_INVALID", async () => {
    const both = stmt("SELECT :a::text", ["positional"], { namedArgs: [{ name: "a", value: "named" }] });
    expect((await conn.execute(both)).rows).toEqual([["named"]]);
    expect((await gatewayError(run(conn, "SELECT ?::int, ?::int", [1n]))).code).toBe("ARGS_INVALID");
    expect((await gatewayError(run(conn, "SELECT ?::int", [1n, 2n]))).code).toBe("ARGS_INVALID");
    const unknown = stmt("SELECT :a::int", [], { namedArgs: [{ name: "b", value: 1n }] });
    expect((await gatewayError(conn.execute(unknown))).code).toBe("ARGS_INVALID");
  });

  it("accepts an argument for an index the text does not reference", async () => {
    expect(await rows(conn, "SELECT ?3::text", [null, 5n, "c"])).toEqual([["c"]]);
  });

  it("refuses empty texts and several statements", async () => {
    expect((await gatewayError(run(conn, " -- nothing\n;"))).code).toBe("SQL_NO_STATEMENT");
    expect((await gatewayError(run(conn, "SELECT 1; SELECT 2"))).code).toBe("SQL_MANY_STATEMENTS");
    expect(await rows(conn, "SELECT 1;")).toEqual([[1n]]);
  });
});

describe("results", () => {
  it("reports names and types of every column, also for empty results", async () => {
    await run(conn, "CREATE TABLE t(id int8 PRIMARY KEY, name text, score float8, data bytea, at timestamptz, doc jsonb, ok bool, n numeric)");
    const result = await run(conn, "SELECT id, name AS n, score, data, at, doc, ok, n AS amount, 1 + 1 AS two, 1 AS two FROM t");
    expect(result.columns).toEqual([
      { name: "id", decltype: "int8" },
      { name: "n", decltype: "text" },
      { name: "score", decltype: "float8" },
      { name: "data", decltype: "bytea" },
      { name: "at", decltype: "timestamptz" },
      { name: "doc", decltype: "jsonb" },
      { name: "ok", decltype: "bool" },
      { name: "amount", decltype: "numeric" },
      { name: "two", decltype: "int4" },
      { name: "two", decltype: "int4" },
    ]);
    expect(result.rows).toEqual([]);
  });

  it("counts affected rows for writes and has no last insert rowid", async () => {
    await run(conn, "CREATE TABLE t(id serial PRIMARY KEY, v int)");
    expect(await run(conn, "INSERT INTO t(v) VALUES (1), (2), (3)")).toEqual({
      columns: [],
      rows: [],
      affectedRowCount: 3,
      lastInsertRowid: null,
      rowsRead: 0,
      rowsWritten: 3,
    });
    expect(await run(conn, "UPDATE t SET v = v + 1 WHERE id > 1")).toMatchObject({ affectedRowCount: 2, rowsWritten: 2 });
    expect(await run(conn, "DELETE FROM t WHERE id = 1")).toMatchObject({ affectedRowCount: 1 });
    expect(await run(conn, "SELECT * FROM t")).toMatchObject({ affectedRowCount: 0, rowsRead: 2, rowsWritten: 0 });
    expect(await run(conn, "CREATE TABLE u(a int)")).toMatchObject({ affectedRowCount: 0 });
  });

  it("returns RETURNING rows with the affected count", async () => {
    await run(conn, "CREATE TABLE t(id serial PRIMARY KEY, v text)");
    const result = await run(conn, "INSERT INTO t(v) VALUES ('a'), ('b') RETURNING id, v");
    expect(result).toMatchObject({ rows: [[1n, "a"], [2n, "b"]], affectedRowCount: 2, rowsRead: 2 });
    expect(result.columns).toEqual([
      { name: "id", decltype: "int4" },
      { name: "v", decltype: "text" },
    ]);
  });

  it("returns no rows with wantRows false but runs the statement", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    const result = await conn.execute(stmt("INSERT INTO t SELECT generate_series(1, 3) RETURNING id", [], { wantRows: false }));
    expect(result).toMatchObject({ rows: [], affectedRowCount: 3, rowsRead: 3 });
    expect(result.columns).toHaveLength(1);
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[3n]]);
  });
});

describe("transactions", () => {
  it("continues a transaction across execute calls and commits it", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "BEGIN");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "INSERT INTO t VALUES (1)");
    await run(conn, "INSERT INTO t VALUES (2)");
    await run(conn, "COMMIT");
    expect(conn.isAutocommit()).toBe(true);
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[2n]]);
  });

  it("hides uncommitted rows from another connection, and a rollback leaves nothing", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    const other = await fixture.database.acquire();
    try {
      await run(conn, "BEGIN");
      await run(conn, "INSERT INTO t VALUES (1)");
      expect(await rows(other, "SELECT count(*) FROM t")).toEqual([[0n]]);
      await run(conn, "ROLLBACK");
      expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
      expect(await rows(other, "SELECT count(*) FROM t")).toEqual([[0n]]);
    } finally {
      await fixture.database.release(other);
    }
  });

  it("keeps the transaction alive after a failed statement (SQLite semantics)", async () => {
    await run(conn, "CREATE TABLE t(id int PRIMARY KEY)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    expect((await gatewayError(run(conn, "INSERT INTO t VALUES (1)"))).code).toBe("SQLITE_CONSTRAINT");
    expect((await gatewayError(run(conn, "SELECT * FROM missing_table"))).code).toBe("SQLITE_ERROR");
    expect((await gatewayError(run(conn, "SELEC 1"))).code).toBe("SQL_PARSE_ERROR");
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "INSERT INTO t VALUES (2)");
    await run(conn, "COMMIT");
    expect(await rows(conn, "SELECT id FROM t ORDER BY id")).toEqual([[1n], [2n]]);
  });

  it("keeps the user's savepoints working around the statement guard", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    await run(conn, "SAVEPOINT a");
    await run(conn, "INSERT INTO t VALUES (2)");
    await run(conn, "ROLLBACK TO SAVEPOINT a");
    expect((await gatewayError(run(conn, "RELEASE SAVEPOINT nope"))).message).toMatch(/3B001/);
    expect((await gatewayError(run(conn, "ROLLBACK TO nope"))).message).toMatch(/3B001/);
    await run(conn, "INSERT INTO t VALUES (3)");
    await run(conn, "RELEASE a");
    await run(conn, "COMMIT");
    expect(await rows(conn, "SELECT id FROM t ORDER BY id")).toEqual([[1n], [3n]]);
  });

  it("translates the client's BEGIN forms; BEGIN TRANSACTION READONLY refuses writes", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    for (const begin of ["BEGIN IMMEDIATE", "BEGIN DEFERRED", "BEGIN EXCLUSIVE TRANSACTION", "BEGIN TRANSACTION", "begin deferred transaction tx1"]) {
      await run(conn, begin);
      expect(conn.isAutocommit()).toBe(false);
      await run(conn, "INSERT INTO t VALUES (1)");
      await run(conn, "ROLLBACK");
      expect(conn.isAutocommit()).toBe(true);
    }
    await run(conn, "BEGIN TRANSACTION READONLY");
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
    expect((await gatewayError(run(conn, "INSERT INTO t VALUES (1)"))).code).toBe("SQLITE_READONLY");
    await run(conn, "COMMIT");
    await run(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    expect(await rows(conn, "SHOW transaction_isolation")).toEqual([["serializable"]]);
    await run(conn, "END");
  });

  it("accepts PRAGMA foreign_keys = off|on as a no-op and refuses other PRAGMAs", async () => {
    for (const pragma of ["PRAGMA foreign_keys=off", "PRAGMA foreign_keys = ON", "pragma foreign_keys = 0", "PRAGMA foreign_keys='on'"]) {
      expect(await run(conn, pragma)).toMatchObject({ columns: [], rows: [], affectedRowCount: 0 });
    }
    const error = await gatewayError(run(conn, "PRAGMA journal_mode = WAL"));
    expect(error.code).toBe("SQLITE_ERROR");
    expect(error.message).toMatch(/PRAGMA journal_mode is not supported on Postgres/);
  });

  it("runs @libsql/client's migrate() batch shape", async () => {
    const steps = ["PRAGMA foreign_keys=off", "BEGIN DEFERRED", "CREATE TABLE a(id int PRIMARY KEY)", "CREATE TABLE b(a int REFERENCES a)", "COMMIT", "PRAGMA foreign_keys=on"];
    for (const sql of steps) await conn.execute(stmt(sql, [], { wantRows: false }));
    expect(conn.isAutocommit()).toBe(true);
    expect((await gatewayError(run(conn, "INSERT INTO b VALUES (1)"))).code).toBe("SQLITE_CONSTRAINT");
  });

  it("reports autocommit right after a failed COMMIT (deferred constraint)", async () => {
    await run(conn, "CREATE TABLE p(id int PRIMARY KEY)");
    await run(conn, "CREATE TABLE c(p int REFERENCES p DEFERRABLE INITIALLY DEFERRED)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO c VALUES (1)");
    expect(conn.isAutocommit()).toBe(false);
    expect(conn.holdsSessionState()).toBe(true);
    expect((await gatewayError(run(conn, "COMMIT"))).code).toBe("SQLITE_CONSTRAINT");
    expect(conn.isAutocommit()).toBe(true);
    expect(conn.holdsSessionState()).toBe(false);
    // The client's batch then sends ROLLBACK: a warning for Postgres, not an error.
    await run(conn, "ROLLBACK");
    expect(await rows(conn, "SELECT count(*) FROM c")).toEqual([[0n]]);
  });

  it("refuses to report a COMMIT that Postgres turned into a ROLLBACK", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    // SAVEPOINT cannot be guarded; a broken one aborts the transaction as Postgres does.
    await gatewayError(run(conn, "SAVEPOINT"));
    expect(conn.isAutocommit()).toBe(false);
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SQLITE_ABORT");
    const error = await gatewayError(run(conn, "COMMIT"));
    expect(error.code).toBe("SQLITE_ABORT");
    expect(conn.isAutocommit()).toBe(true);
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
  });

  it("tracks session state: SET pins the connection, SET LOCAL does not", async () => {
    expect(conn.holdsSessionState()).toBe(false);
    await run(conn, "BEGIN");
    await run(conn, "SET LOCAL statement_timeout = 1000");
    await run(conn, "COMMIT");
    expect(conn.holdsSessionState()).toBe(false);
    await run(conn, "SET statement_timeout = 1000");
    expect(conn.holdsSessionState()).toBe(true);
    expect(conn.isAutocommit()).toBe(true);
  });

  it("points search_path at the tenant again after RESET ALL and DISCARD ALL", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "RESET ALL");
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
    await run(conn, "DISCARD ALL");
    expect(await rows(conn, "SELECT current_schema()")).toEqual([[fixture.namespace]]);
  });
});

describe("describe", () => {
  it("reports parameters, columns and kinds from Postgres's own Describe", async () => {
    await run(conn, "CREATE TABLE t(id int8 PRIMARY KEY, name text)");
    expect(await conn.describe("SELECT id, name AS n FROM t WHERE id = ?2 AND name = :name")).toEqual({
      params: [null, "?2", ":name"],
      columns: [
        { name: "id", decltype: "int8" },
        { name: "n", decltype: "text" },
      ],
      isExplain: false,
      isReadonly: true,
      isDdl: false,
    });
    expect(await conn.describe("INSERT INTO t VALUES (?, ?)")).toMatchObject({ params: [null, null], columns: [], isReadonly: false });
    expect(await conn.describe("INSERT INTO t VALUES (@a, $b) RETURNING id")).toMatchObject({
      params: ["@a", "$b"],
      columns: [{ name: "id", decltype: "int8" }],
      isReadonly: false,
    });
    expect(await conn.describe("CREATE TABLE u(a int)")).toMatchObject({ isDdl: true, isReadonly: false });
    expect(await conn.describe("EXPLAIN SELECT 1")).toMatchObject({ isExplain: true, isReadonly: true });
    expect(await conn.describe("SELECT ? IS NULL")).toMatchObject({ params: [null], isReadonly: true });
  });

  it("learns from the plan that a query writes or locks rows", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    expect((await conn.describe("WITH d AS (DELETE FROM t RETURNING id) SELECT * FROM d")).isReadonly).toBe(false);
    expect((await conn.describe("SELECT * FROM t FOR SHARE")).isReadonly).toBe(false);
    expect((await conn.describe("SELECT * INTO u FROM t")).isReadonly).toBe(false);
    expect((await conn.describe("WITH x AS (SELECT 1) SELECT * FROM x")).isReadonly).toBe(true);
    expect(await rows(conn, "SELECT count(*) FROM pg_tables WHERE tablename = 'u'")).toEqual([[0n]]);
  });

  it("fails like execute for bad SQL, without touching an open transaction", async () => {
    await run(conn, "CREATE TABLE t(id int)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    expect((await gatewayError(conn.describe("SELECT nope FROM t"))).code).toBe("SQLITE_ERROR");
    expect((await gatewayError(conn.describe("SELEC"))).code).toBe("SQL_PARSE_ERROR");
    expect(await conn.describe("COMMIT")).toMatchObject({ isReadonly: true });
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "COMMIT");
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[1n]]);
  });

  it("describes the accepted PRAGMA without running anything", async () => {
    expect(await conn.describe("PRAGMA foreign_keys = off")).toEqual({ params: [], columns: [], isExplain: false, isReadonly: false, isDdl: false });
  });
});

describe("executeScript", () => {
  it("runs statements in order, function bodies included, and stops at the first failure", async () => {
    await conn.executeScript(`
      CREATE TABLE t(id int);
      CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT i + 1; END;
      CREATE FUNCTION twice(i int) RETURNS int AS $$ BEGIN RETURN i * 2; END; $$ LANGUAGE plpgsql;
      INSERT INTO t VALUES (add_one(1)), (twice(5));
    `);
    expect(await rows(conn, "SELECT id FROM t ORDER BY id")).toEqual([[2n], [10n]]);
    const error = await gatewayError(conn.executeScript("INSERT INTO t VALUES (3); INSERT INTO nope VALUES (1); INSERT INTO t VALUES (4)"));
    expect(error.code).toBe("SQLITE_ERROR");
    expect(await rows(conn, "SELECT id FROM t ORDER BY id")).toEqual([[2n], [3n], [10n]]);
  });

  it("runs a script transaction and leaves it open on failure for the stream to roll back", async () => {
    await run(conn, "CREATE TABLE t(id int PRIMARY KEY)");
    await gatewayError(conn.executeScript("BEGIN; INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)"));
    expect(conn.isAutocommit()).toBe(false);
    await run(conn, "ROLLBACK");
    expect(await rows(conn, "SELECT count(*) FROM t")).toEqual([[0n]]);
  });
});
