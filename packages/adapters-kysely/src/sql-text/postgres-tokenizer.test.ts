import { describe, expect, it } from "vitest";
import { classifyPostgresStatement } from "./postgres-classifier.js";
import { toPostgresPlaceholders } from "./postgres-placeholders.js";
import { splitPostgresStatements } from "./postgres-splitter.js";
import { significantPostgresTokens, tokenizePostgres } from "./postgres-tokenizer.js";
import type { TokenKind } from "./sqlite-tokenizer.js";

const kinds = (sql: string): [TokenKind, string][] => significantPostgresTokens(sql).map((t) => [t.kind, t.text]);
const parameters = (sql: string): string[] => significantPostgresTokens(sql).filter((t) => t.kind === "parameter").map((t) => t.text);
const rewrite = (sql: string): string => toPostgresPlaceholders(sql, tokenizePostgres(sql)).text;

describe("tokenizePostgres", () => {
  it("round-trips: the tokens concatenate back to the text", () => {
    const sql = "SELECT E'a\\'b', $$x$$, $t$ $$ $t$, \"c\"\"d\", U&'\\0041', -- c ?\n/* /* :x */ */ ?1, :a, @b, $c, $1, 1.5e-3::float8; ";
    expect(tokenizePostgres(sql).map((t) => t.text).join("")).toBe(sql);
  });

  it("reads standard strings with doubled quotes, where a backslash is an ordinary character", () => {
    expect(kinds("'it''s ? :x \\' ?")).toEqual([
      ["string", "'it''s ? :x \\'"],
      ["parameter", "?"],
    ]);
  });

  it("reads E'…' strings, where a backslash escapes a quote", () => {
    expect(kinds("E'it\\'s ? \\\\' ?")).toEqual([
      ["string", "E'it\\'s ? \\\\'"],
      ["parameter", "?"],
    ]);
    expect(kinds("e'a''b'")).toEqual([["string", "e'a''b'"]]);
  });

  it("reads B'', X'', N'' and U&'' strings and U&\"\" identifiers", () => {
    expect(kinds("B'0?1' X'1F' N'?' U&'d\\0061t?' U&\"?\"")).toEqual([
      ["string", "B'0?1'"],
      ["string", "X'1F'"],
      ["string", "N'?'"],
      ["string", "U&'d\\0061t?'"],
      ["quoted", 'U&"?"'],
    ]);
  });

  it("reads dollar quotes with and without a tag as one string", () => {
    expect(kinds("$$ it's ? :a $$ $fn$ $$ ? $x $fn$ $a")).toEqual([
      ["string", "$$ it's ? :a $$"],
      ["string", "$fn$ $$ ? $x $fn$"],
      ["parameter", "$a"],
    ]);
    expect(kinds("$$ never closed")[0]?.[0]).toBe("illegal");
  });

  it("treats comments as trivia, block comments nesting", () => {
    expect(kinds("SELECT -- ? :a\n 1 /* ? /* :b */ @c */ 2")).toEqual([
      ["word", "SELECT"],
      ["number", "1"],
      ["number", "2"],
    ]);
    expect(kinds("/* /* */ ?")[0]?.[0]).toBe("illegal");
  });

  it("reads quoted identifiers with doubled quotes", () => {
    expect(kinds('"a""?:b"')).toEqual([["quoted", '"a""?:b"']]);
    expect(kinds('"open')[0]?.[0]).toBe("illegal");
  });

  it("knows Hrana's parameters and Postgres's $1", () => {
    expect(parameters("? ?12 :a @b $c $1 $23 :a_1$ @é")).toEqual(["?", "?12", ":a", "@b", "$c", "$1", "$23", ":a_1$", "@é"]);
  });

  it("does not take casts, slices, assignments or operators for parameters", () => {
    expect(parameters("x::int a[1:2] b[:3] f(a := 1) j @> k j <@k t @@q @ -1 $ ::text")).toEqual([]);
    expect(parameters("a=@b x<:c")).toEqual(["@b", ":c"]);
  });

  it("keeps $ inside identifiers and reads words with digits", () => {
    expect(kinds("a$b t2 _x")).toEqual([
      ["word", "a$b"],
      ["word", "t2"],
      ["word", "_x"],
    ]);
  });

  it("stops reading at a NUL, as SQLite does", () => {
    expect(kinds("SELECT 1\u0000; DROP TABLE t")).toEqual([
      ["word", "SELECT"],
      ["number", "1"],
    ]);
  });
});

describe("toPostgresPlaceholders", () => {
  it("numbers parameters as SQLite does and rewrites them to $n", () => {
    expect(rewrite("SELECT ?, ?, ?5, ?, :a, @b, :a, $c")).toBe("SELECT $1, $2, $5, $6, $7, $8, $7, $9");
    const { parameters: table } = toPostgresPlaceholders("SELECT ?3, :a, ?", tokenizePostgres("SELECT ?3, :a, ?"));
    expect(table.names).toEqual([null, null, "?3", ":a", null]);
    expect(table.referenced).toEqual([false, false, true, true, true]);
  });

  it("keeps Postgres's own $n and mixes it with ?", () => {
    expect(rewrite("SELECT $2, $1, ?")).toBe("SELECT $2, $1, $3");
  });

  it("leaves strings, comments, dollar quotes and casts untouched", () => {
    const sql = "SELECT '?', E'\\'?', $$ ? $$, \"?\", ?::int /* ? */ -- :a";
    expect(rewrite(sql)).toBe("SELECT '?', E'\\'?', $$ ? $$, \"?\", $1::int /* ? */ -- :a");
  });

  it("keeps a rewritten parameter apart from neighbouring words", () => {
    expect(rewrite("SELECT 1 LIMIT?")).toBe("SELECT 1 LIMIT $1");
    expect(rewrite("SELECT ?1a")).toBe("SELECT $1 a");
    expect(rewrite("f(?,?)")).toBe("f($1,$2)");
  });

  it("leaves parameters SQLite would refuse as they are, for Postgres to reject", () => {
    expect(rewrite("SELECT ?0, $0")).toBe("SELECT ?0, $0");
  });
});

describe("splitPostgresStatements", () => {
  it("splits on top-level semicolons and drops empty statements", () => {
    expect(splitPostgresStatements(" SELECT ';'; ;; SELECT $$;$$ -- x;\n ; /* ; */ SELECT 3")).toEqual(["SELECT ';'", "SELECT $$;$$", "SELECT 3"]);
  });

  it("keeps BEGIN ATOMIC … END and CASE … END bodies whole, not the BEGIN statement", () => {
    const fn = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END";
    expect(splitPostgresStatements(`BEGIN; ${fn}; COMMIT`)).toEqual(["BEGIN", fn, "COMMIT"]);
  });

  it("does not split inside parentheses (rule actions)", () => {
    const rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
    expect(splitPostgresStatements(`${rule}; SELECT 1`)).toEqual([rule, "SELECT 1"]);
  });
});

describe("classifyPostgresStatement", () => {
  const classify = (sql: string) => classifyPostgresStatement(significantPostgresTokens(sql));

  it("recognises transaction control", () => {
    const control = (sql: string) => classify(sql).control;
    expect(["BEGIN", "START TRANSACTION", "begin isolation level serializable"].map(control)).toEqual(["begin", "begin", "begin"]);
    expect(["COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE TRANSACTION 'x'"].map(control)).toEqual(["end", "end", "end", "end", "end"]);
    expect(["SAVEPOINT a", "RELEASE a", "ROLLBACK TO a", "ROLLBACK TRANSACTION TO SAVEPOINT a"].map(control)).toEqual([
      "savepoint",
      "release",
      "rollback-to",
      "rollback-to",
    ]);
    expect(["COMMIT PREPARED 'x'", "PREPARE q AS SELECT 1", "SELECT 1"].map(control)).toEqual([null, null, null]);
    expect(classify("END").isCommit).toBe(true);
  });

  it("knows what leaves session state behind", () => {
    const tainting = (sql: string) => classify(sql).isTainting;
    for (const sql of [
      "SET search_path = x",
      "SET SESSION statement_timeout = 1",
      "SET ROLE r",
      "LISTEN c",
      "PREPARE q AS SELECT 1",
      "DECLARE c CURSOR WITH HOLD FOR SELECT 1",
      "CREATE TEMP TABLE t(a int)",
      "CREATE GLOBAL TEMPORARY TABLE t(a int)",
      "CREATE OR REPLACE TEMP VIEW v AS SELECT 1",
      "CREATE TABLE pg_temp.t(a int)",
      "SELECT 1 INTO TEMP t",
      "SELECT pg_advisory_lock(1)",
      "SELECT set_config('x.y', '1', false)",
    ]) {
      expect([sql, tainting(sql)]).toEqual([sql, true]);
    }
    for (const sql of ["SET LOCAL x = 1", "SET TRANSACTION READ ONLY", "SET CONSTRAINTS ALL DEFERRED", "SELECT pg_advisory_xact_lock(1)", "CREATE TABLE temp(a int)", "SELECT 'set_config'"]) {
      expect([sql, tainting(sql)]).toEqual([sql, false]);
    }
    expect(classify("RESET ALL").resetsSession).toBe(true);
    expect(classify("DISCARD ALL").resetsSession).toBe(true);
  });

  it("says when the kind alone decides readonly, and when the plan must", () => {
    const readonly = (sql: string) => classify(sql).readonly;
    expect(["SELECT 1", "WITH x AS (SELECT 1) SELECT * FROM x", "VALUES (1)", "TABLE t", "(SELECT 1)"].map(readonly)).toEqual([
      "plan",
      "plan",
      "plan",
      "plan",
      "plan",
    ]);
    expect(["SELECT 1 INTO t", "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "SELECT * FROM t FOR UPDATE"].map(readonly)).toEqual([false, false, false]);
    expect(["SHOW x", "BEGIN", "COMMIT", "EXPLAIN SELECT 1"].map(readonly)).toEqual([true, true, true, true]);
    expect(["EXPLAIN ANALYZE SELECT 1", "INSERT INTO t VALUES (1)", "CREATE TABLE t(a int)", "VACUUM"].map(readonly)).toEqual([false, false, false, false]);
    expect(classify("CREATE TABLE t(a int)").isDdl).toBe(true);
    expect(classify("explain select 1").isExplain).toBe(true);
  });
});
