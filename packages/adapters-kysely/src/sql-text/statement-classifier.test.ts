import { describe, expect, it } from "vitest";
import { classifyStatement, firstKeywords, hasStarToken } from "./statement-classifier.js";

describe("firstKeywords", () => {
  it("upper-cases leading keywords and skips comments", () => {
    expect(firstKeywords("  -- hi\n /* x */ explain query plan select 1")).toEqual(["EXPLAIN", "QUERY"]);
    expect(firstKeywords("select 1", 3)).toEqual(["SELECT"]);
    expect(firstKeywords("(select 1)")).toEqual([]);
  });
});

describe("classifyStatement", () => {
  const traits = (sql: string) => classifyStatement(sql);

  it("recognises EXPLAIN", () => {
    expect(traits("EXPLAIN SELECT 1").isExplain).toBe(true);
    expect(traits("/* c */ explain query plan SELECT 1").isExplain).toBe(true);
    expect(traits("SELECT 'EXPLAIN'").isExplain).toBe(false);
  });

  it("recognises DDL", () => {
    for (const sql of ["CREATE TABLE t(a)", "drop table t", "ALTER TABLE t ADD b"]) {
      expect(traits(sql).isDdl).toBe(true);
    }
    expect(traits("INSERT INTO t VALUES (1)").isDdl).toBe(false);
  });

  it("recognises statements that leave connection state", () => {
    for (const sql of [
      "PRAGMA foreign_keys = ON",
      "pragma table_info(t)",
      "ATTACH 'x.db' AS x",
      "DETACH x",
      "CREATE TEMP TABLE t(a)",
      "create temporary view v as select 1",
      "CREATE TABLE temp.t(a)",
      'CREATE INDEX "temp".i ON t(a)',
    ]) {
      expect(traits(sql).isTainting, sql).toBe(true);
    }
    for (const sql of ["CREATE TABLE t(temp)", "SELECT * FROM temp_x", "EXPLAIN PRAGMA x", "VACUUM"]) {
      expect(traits(sql).isTainting, sql).toBe(false);
    }
  });
});

describe("hasStarToken", () => {
  it("finds a `*` in the SQL itself, multiplication included", () => {
    for (const sql of ["SELECT * FROM t", "SELECT t.* FROM t", "INSERT INTO t VALUES (1) RETURNING *", "SELECT a*2 FROM t"]) {
      expect(hasStarToken(sql), sql).toBe(true);
    }
  });

  it("ignores a `*` inside strings, quoted names and comments", () => {
    for (const sql of ["SELECT '*' FROM t", 'SELECT "a*b" FROM t', "SELECT a /* all * of it */ FROM t", "SELECT a -- *\nFROM t", "SELECT [x*y] FROM t"]) {
      expect(hasStarToken(sql), sql).toBe(false);
    }
  });
});
