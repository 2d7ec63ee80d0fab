// The libsql driver against better-sqlite3 where both are real SQLite: what the shared
// connection code reads from a driver must agree.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { betterSqlite3Driver, type SqliteDatabaseLike } from "../sqlite/sqlite-driver.js";
import { sqliteCodeOf } from "../sqlite/sqlite-errors.js";
import { tempDirectory } from "../test-support/temp-directory.js";
import { libsqlDriver } from "./libsql-driver.js";

const SCHEMA = "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); CREATE VIEW w AS SELECT v FROM t";

let remove: () => void;
let libsql: SqliteDatabaseLike;
let reference: SqliteDatabaseLike;

beforeEach(() => {
  const directory = tempDirectory("baton-libsql-driver-");
  remove = directory.remove;
  libsql = libsqlDriver.open(join(directory.path, "libsql.db"));
  reference = betterSqlite3Driver.open(join(directory.path, "reference.db"));
  for (const db of [libsql, reference]) {
    db.pragma("journal_mode = WAL");
    db.exec(SCHEMA);
  }
});
afterEach(() => {
  libsql.close();
  reference.close();
  remove();
});

describe("readonly", () => {
  it.each([
    "SELECT 1",
    "SELECT * FROM t WHERE id = ?",
    "WITH x AS (SELECT 1) SELECT * FROM x",
    "SELECT * FROM w",
    "VALUES (1), (2)",
    "INSERT INTO t(v) VALUES ('a')",
    "INSERT INTO t(v) VALUES ('a') RETURNING id",
    "WITH x AS (SELECT 'b' AS v) INSERT INTO t(v) SELECT v FROM x",
    "UPDATE t SET v = 'c'",
    "DELETE FROM t",
    "REPLACE INTO t VALUES (1, 'd')",
    "CREATE TABLE u(a)",
    "CREATE TEMP TABLE scratch(a)",
    "CREATE INDEX i ON t(v)",
    "DROP VIEW w",
    "ALTER TABLE t ADD COLUMN x",
    "BEGIN",
    "BEGIN DEFERRED",
    "BEGIN IMMEDIATE",
    "BEGIN EXCLUSIVE",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT s",
    "RELEASE s",
    "PRAGMA user_version",
    "PRAGMA user_version = 3",
    "PRAGMA journal_mode",
    "PRAGMA journal_mode = WAL",
    "PRAGMA wal_checkpoint",
    "PRAGMA table_info(t)",
    "VACUUM",
    "ANALYZE",
    "REINDEX",
    "ATTACH ':memory:' AS aux",
    "EXPLAIN SELECT 1",
    "EXPLAIN INSERT INTO t(v) VALUES (1)",
    "EXPLAIN QUERY PLAN SELECT * FROM t",
    "EXPLAIN QUERY PLAN UPDATE t SET v = 1",
    "  -- a comment first\n  explain   query plan delete from t",
  ])("agrees with better-sqlite3 on %j", (sql) => {
    expect(libsql.prepare(sql).readonly).toBe(reference.prepare(sql).readonly);
  });
});

describe("prepare", () => {
  it.each([
    ["", "contains no statements"],
    [" -- nothing\n ; ;", "contains no statements"],
    ["SELECT 1; SELECT 2", "more than one statement"],
  ])("refuses %j with better-sqlite3's RangeError", (sql, message) => {
    expect(() => libsql.prepare(sql)).toThrow(RangeError);
    expect(() => libsql.prepare(sql)).toThrow(message);
    expect(() => reference.prepare(sql)).toThrow(RangeError);
  });

  it("reports syntax errors as SqliteErrors, as better-sqlite3 does", () => {
    for (const db of [libsql, reference]) {
      const error = captured(() => db.prepare("SELEC 1"));
      expect(sqliteCodeOf(error)).toBe("SQLITE_ERROR");
      expect((error as Error).message).toBe('near "SELEC": syntax error');
    }
  });

  it("reports errors met while stepping as SqliteErrors with the extended code", () => {
    for (const db of [libsql, reference]) {
      db.prepare("INSERT INTO t VALUES (1, 'x')").run();
      const statement = db.prepare("INSERT INTO t VALUES (1, 'y') RETURNING id");
      expect(sqliteCodeOf(captured(() => [...statement.iterate()]))).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
    }
  });
});

describe("connections", () => {
  it("reports rowids beyond 2^53 exactly", () => {
    const run = libsql.prepare("INSERT INTO t VALUES (?, 'big')").run([2n ** 62n + 1n]);
    expect(run).toEqual({ changes: 1, lastInsertRowid: 2n ** 62n + 1n });
  });

  it("reports inTransaction, also after close (where libsql itself would abort the process)", () => {
    expect(libsql.inTransaction).toBe(false);
    libsql.exec("BEGIN");
    expect(libsql.inTransaction).toBe(true);
    libsql.close();
    expect(libsql.open).toBe(false);
    expect(libsql.inTransaction).toBe(false);
  });

  it("reports a file it cannot open as SQLITE_CANTOPEN", () => {
    const error = captured(() => libsqlDriver.open("/nonexistent-dir/for/sure/x.db"));
    expect(sqliteCodeOf(error)).toBe("SQLITE_CANTOPEN");
  });
});

function captured(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
