import { describe, expect, it } from "vitest";
import { mysqlIdentifierValue, significantMysqlTokens, tokenizeMysql, type MysqlTokenKind } from "./mysql-tokenizer.js";

const kinds = (sql: string, backslashEscapes = true): [MysqlTokenKind, string][] =>
  significantMysqlTokens(sql, { backslashEscapes }).map((t) => [t.kind, t.text]);

const parameters = (sql: string): string[] =>
  significantMysqlTokens(sql).filter((t) => t.kind === "parameter").map((t) => t.text);

describe("tokenizeMysql", () => {
  it("round-trips: the tokens concatenate back to the text", () => {
    const sql = "SELECT 'a''b\\'c', \"d\", `e``f`, # c ?\n -- :x\n/* @y */ /*!50000 ? */ ?1, :a, @b, $c, @`u`, @@v; ";
    expect(tokenizeMysql(sql).map((t) => t.text).join("")).toBe(sql);
  });

  it("reads strings with doubled quotes and backslash escapes as one token", () => {
    expect(kinds("'it''s ? :x' 'a\\'b ?' \"q\\\"?\" \"x\"\"y\"")).toEqual([
      ["string", "'it''s ? :x'"],
      ["string", "'a\\'b ?'"],
      ["string", '"q\\"?"'],
      ["string", '"x""y"'],
    ]);
  });

  it("reads a backslash literally under NO_BACKSLASH_ESCAPES", () => {
    expect(kinds("'C:\\' ? 'x'", false)).toEqual([
      ["string", "'C:\\'"],
      ["parameter", "?"],
      ["string", "'x'"],
    ]);
  });

  it("reads backtick names, doubled backticks included, and gives their value", () => {
    const [token] = significantMysqlTokens("`a``b ?`");
    expect(token).toMatchObject({ kind: "quoted", text: "`a``b ?`" });
    expect(mysqlIdentifierValue(token!)).toBe("a`b ?");
  });

  it("reads #, -- and /* */ comments, and -- only before whitespace or the end", () => {
    expect(kinds("SELECT 1 # ?\n, 2 -- :a\n, 3 /* $b */")).toEqual([
      ["word", "SELECT"],
      ["number", "1"],
      ["punct", ","],
      ["number", "2"],
      ["punct", ","],
      ["number", "3"],
    ]);
    expect(kinds("1--1")).toEqual([
      ["number", "1"],
      ["punct", "-"],
      ["punct", "-"],
      ["number", "1"],
    ]);
    expect(kinds("1 --\t?")).toEqual([["number", "1"]]);
    expect(kinds("1 --")).toEqual([["number", "1"]]);
  });

  it("keeps executable comments as one significant token", () => {
    expect(kinds("/*!40101 SET @x = ? */ /*M!100100 :a */ /*+ hint */")).toEqual([
      ["executable", "/*!40101 SET @x = ? */"],
      ["executable", "/*M!100100 :a */"],
    ]);
  });

  it("marks unterminated strings, names and comments as illegal", () => {
    expect(kinds("'abc")).toEqual([["illegal", "'abc"]]);
    expect(kinds("`abc")).toEqual([["illegal", "`abc"]]);
    expect(kinds("/* abc")).toEqual([["illegal", "/* abc"]]);
  });

  it("finds Hrana's parameter forms", () => {
    expect(parameters("SELECT ?, ?12, :a, @b, $c, :a1$, @é")).toEqual(["?", "?12", ":a", "@b", "$c", ":a1$", "@é"]);
  });

  it("reads system and quoted user variables, not parameters", () => {
    expect(kinds("@@sql_mode @@session.x @'u' @\"v\" @`w`")).toEqual([
      ["variable", "@@sql_mode"],
      ["variable", "@@session"],
      ["punct", "."],
      ["word", "x"],
      ["variable", "@'u'"],
      ["variable", '@"v"'],
      ["variable", "@`w`"],
    ]);
  });

  it("reads user@host and label: as punctuation, not parameters", () => {
    expect(parameters("CREATE DEFINER = root@localhost PROCEDURE p() lbl:LOOP LEAVE lbl; END LOOP")).toEqual([]);
    expect(parameters("GRANT ALL ON *.* TO 'u'@'%', `v`@`h`")).toEqual([]);
    expect(parameters("SELECT a FROM t WHERE b=:b AND c = @c")).toEqual([":b", "@c"]);
  });

  it("reads := as punctuation", () => {
    expect(kinds("SET x:=1")).toEqual([
      ["word", "SET"],
      ["word", "x"],
      ["punct", ":"],
      ["punct", "="],
      ["number", "1"],
    ]);
  });

  it("reads names with $ and names starting with digits as words", () => {
    expect(kinds("a$b 1st 0x1F 0b01 1.5e-3 .5 12")).toEqual([
      ["word", "a$b"],
      ["word", "1st"],
      ["number", "0x1F"],
      ["number", "0b01"],
      ["number", "1.5e-3"],
      ["number", ".5"],
      ["number", "12"],
    ]);
  });

  it("reads t.col as three tokens", () => {
    expect(kinds("t.col")).toEqual([
      ["word", "t"],
      ["punct", "."],
      ["word", "col"],
    ]);
  });
});
