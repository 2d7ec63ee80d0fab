import { describe, expect, it } from "vitest";
import { mysqlPlaceholders } from "../sql-text/mysql-placeholders.js";
import { tokenizeMysql } from "../sql-text/mysql-tokenizer.js";
import { inlineArguments, mysqlLiteral } from "./mysql-literals.js";

const escapes = { backslashEscapes: true };
const literal = (value: Parameters<typeof mysqlLiteral>[0]) => mysqlLiteral(value, escapes);

describe("mysqlLiteral", () => {
  it("writes integers as integer literals", () => {
    expect(literal(-(2n ** 63n))).toBe("-9223372036854775808");
    expect(literal(42n)).toBe("42");
  });

  it("writes floats with an exponent, so MySQL reads a DOUBLE", () => {
    expect(literal(2)).toBe("2e+0");
    expect(literal(0.1)).toBe("1e-1");
    expect(literal(-0)).toBe("-0e0");
    expect(Number(literal(Math.PI))).toBe(Math.PI);
  });

  it("writes a whole float as an integer where only an integer is allowed", () => {
    expect(mysqlLiteral(10, { ...escapes, integerOnly: true })).toBe("10");
    expect(mysqlLiteral(1.5, { ...escapes, integerOnly: true })).toBe("1.5e+0");
  });

  it("escapes strings for the session's backslash mode", () => {
    expect(literal("it's a \\ \0")).toBe("'it''s a \\\\ \\0'");
    expect(mysqlLiteral("it's a \\ \0", { backslashEscapes: false })).toBe("'it''s a \\ \0'");
  });

  it("writes bytes as a hex literal, and NULL", () => {
    expect(literal(new Uint8Array([0, 255, 16]))).toBe("X'00ff10'");
    expect(literal(new Uint8Array(0))).toBe("X''");
    expect(literal(null)).toBe("NULL");
  });
});

describe("inlineArguments", () => {
  it("puts each occurrence's value in place, by index", () => {
    const sql = "SELECT :a, ?2, :a, 'keep :a' LIMIT ?";
    const text = inlineArguments(mysqlPlaceholders(sql, tokenizeMysql(sql)), ["x", 2.5, 3], escapes);
    expect(text).toBe("SELECT 'x', 2.5e+0, 'x', 'keep :a' LIMIT 3");
  });
});
