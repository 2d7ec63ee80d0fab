import { describe, expect, it } from "vitest";
import { identifierValue, significantTokens, tokenize, type TokenKind } from "./sqlite-tokenizer.js";

const kinds = (sql: string, tcl = false): [TokenKind, string][] =>
  significantTokens(sql, { tclVariables: tcl }).map((t) => [t.kind, t.text]);

describe("tokenize", () => {
  it("round-trips: the tokens concatenate back to the text", () => {
    const sql = "SELECT 'a''b', \"c\"\"d\", [e f], `g`, x'00ff', -- c ?\n/* :x */ ?1, :a, @b, $c, 1.5e-3; ";
    expect(tokenize(sql).map((t) => t.text).join("")).toBe(sql);
  });

  it("reads string literals with doubled quotes as one token", () => {
    expect(kinds("'it''s ? :x'")).toEqual([["string", "'it''s ? :x'"]]);
  });

  it("reads the three kinds of quoted identifiers", () => {
    expect(kinds(`"a""?" [b ?;] \`c:x\``)).toEqual([
      ["quoted", `"a""?"`],
      ["quoted", "[b ?;]"],
      ["quoted", "`c:x`"],
    ]);
  });

  it("reads blob literals, and x not followed by a quote as a word", () => {
    expect(kinds("x'0aFF' X'' xy")).toEqual([
      ["blob", "x'0aFF'"],
      ["blob", "X''"],
      ["word", "xy"],
    ]);
    expect(kinds("x'abc'")[0]?.[0]).toBe("illegal");
  });

  it("treats comments as trivia, including an unterminated block comment", () => {
    expect(kinds("SELECT -- ? :a\n 1 /* ? */ /* ? ")).toEqual([
      ["word", "SELECT"],
      ["number", "1"],
    ]);
  });

  it("reads every parameter form", () => {
    expect(kinds("? ?12 :a @b_1 $c #d :é")).toEqual([
      ["parameter", "?"],
      ["parameter", "?12"],
      ["parameter", ":a"],
      ["parameter", "@b_1"],
      ["parameter", "$c"],
      ["parameter", "#d"],
      ["parameter", ":é"],
    ]);
  });

  it("reads TCL variable syntax only when asked to", () => {
    expect(kinds("$a::b(c d)", true)).toEqual([["illegal", "$a::b(c"], ["word", "d"], ["punct", ")"]]);
    expect(kinds("$a::b(c)", true)).toEqual([["parameter", "$a::b(c)"]]);
    expect(kinds("$a::b")).toEqual([["parameter", "$a"], ["illegal", ":"], ["parameter", ":b"]]);
  });

  it("reads numbers, and digits glued to letters as illegal", () => {
    expect(kinds("1 1.5 .5 1e10 1.5E-3 0x1F 1_000 12abc")).toEqual([
      ["number", "1"],
      ["number", "1.5"],
      ["number", ".5"],
      ["number", "1e10"],
      ["number", "1.5E-3"],
      ["number", "0x1F"],
      ["number", "1_000"],
      ["illegal", "12abc"],
    ]);
  });

  it("marks unterminated strings and identifiers illegal up to the end", () => {
    expect(kinds("SELECT 'abc")).toEqual([["word", "SELECT"], ["illegal", "'abc"]]);
    expect(kinds('SELECT "abc')).toEqual([["word", "SELECT"], ["illegal", '"abc']]);
    expect(kinds("SELECT [abc")).toEqual([["word", "SELECT"], ["illegal", "[abc"]]);
  });

  it("ignores everything after a NUL, as SQLite does", () => {
    expect(kinds("SELECT 1\u0000; SELECT :x")).toEqual([["word", "SELECT"], ["number", "1"]]);
  });
});

describe("identifierValue", () => {
  it("removes quotes and undoes doubled quotes", () => {
    const [a, b, c, d] = significantTokens(`"a""b" [c"d] \`e\`\`f\` plain`);
    expect([a, b, c, d].map((t) => identifierValue(t!))).toEqual(['a"b', 'c"d', "e`f", "plain"]);
  });
});
