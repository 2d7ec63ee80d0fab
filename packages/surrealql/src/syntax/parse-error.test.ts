import { describe, expect, it } from "vitest";
import { parseQuery } from "./parser.js";
import { parseFailure as parseError } from "./test-support/syntax-builders.js";

describe("parse error messages", () => {
  it("reads as SurrealDB's, with the snippet under it (surreal-rpc.md 4.3)", () => {
    const error = parseError("SELECT * FROM person WHERE (");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SurrealqlParseError");
    expect(error.message).toBe(
      ["Parse error: Unexpected end of file, expected an expression", " --> [1:28]", "  |", "1 | SELECT * FROM person WHERE (", "  |                            ^"].join("\n"),
    );
    expect({ offset: error.offset, line: error.line, column: error.column }).toEqual({ offset: 28, line: 1, column: 28 });
  });

  it("underlines the whole offending token", () => {
    const error = parseError("SELECT * FROMM person");
    expect(error.reason).toBe("Unexpected token `FROMM`, expected `FROM`");
    expect(error.message.split("\n").slice(1)).toEqual([" --> [1:10]", "  |", "1 | SELECT * FROMM person", "  |          ^^^^^"]);
  });

  it("points into later lines, showing the line without its indentation", () => {
    const error = parseError("SELECT *\n  FROM t WHERE a = = 1");
    expect(error.reason).toBe("Unexpected token `=`, expected an expression");
    expect({ line: error.line, column: error.column, offset: error.offset }).toEqual({ line: 2, column: 20, offset: 28 });
    expect(error.message.split("\n").slice(1)).toEqual([" --> [2:20]", "  |", "2 | FROM t WHERE a = = 1", "  |                  ^"]);
  });

  it("widens the gutter for line numbers of two digits", () => {
    const error = parseError(`${"\n".repeat(10)}RETURN )`);
    expect(error.message.split("\n").slice(1)).toEqual(["  --> [11:8]", "   |", "11 | RETURN )", "   |        ^"]);
  });

  it("counts columns in characters, not UTF-16 units or bytes", () => {
    const error = parseError('RETURN "😀😀" ) 1');
    expect(error.reason).toBe("Unexpected token `)`, expected `;`");
    expect({ column: error.column, offset: error.offset }).toEqual({ column: 13, offset: 14 });
    expect(error.message.split("\n").at(-1)).toBe("  |             ^");
  });

  it("points an unexpected end at the last character of the last line, as SurrealDB does", () => {
    expect(parseError("SELECT *\nFROM person\nWHERE age >")).toMatchObject({ line: 3, column: 11, offset: 32 });
    expect(parseError("SELECT (\n")).toMatchObject({ line: 1, column: 8 });
    expect(parseError("(")).toMatchObject({ line: 1, column: 1, reason: "Unexpected end of file, expected an expression" });
  });

  it("cuts long lines around the error", () => {
    const error = parseError(`RETURN ${"a + ".repeat(20)}* 2`);
    const [, location, , source, carets] = error.message.split("\n");
    expect(location).toBe(" --> [1:88]");
    expect(source).toBe("1 | ...+ a + a + * 2");
    expect(carets).toBe(`  | ${" ".repeat(13)}^`);
  });

  it("names unreadable text where it starts", () => {
    expect(parseError('RETURN "abc')).toMatchObject({ reason: 'Unexpected end of file, expected closing `"`', column: 8 });
    expect(parseError("RETURN 1 ^ 2")).toMatchObject({ reason: "Unexpected character `^`", column: 10 });
    expect(parseError("RETURN 1 /* open")).toMatchObject({ reason: "Unexpected end of file, expected `*/` closing a comment", column: 10 });
    expect(parseError("RETURN `a")).toMatchObject({ column: 8 });
    expect(parseError(String.raw`RETURN "a\x"`)).toMatchObject({ reason: "Invalid escape character `x`", column: 10 });
    expect(parseError("RETURN 12ab")).toMatchObject({ reason: "Invalid number", column: 8 });
  });

  it("points at the offending part of record ids, calls and types", () => {
    expect(parseError("RETURN person: 1")).toMatchObject({ column: 15, reason: expect.stringMatching(/whitespace/) });
    expect(parseError("RETURN foo(1)")).toMatchObject({ column: 8, reason: expect.stringMatching(/Invalid function `foo`/) });
    expect(parseError("RETURN <nope> 1")).toMatchObject({ column: 9, reason: "Unexpected token `nope`, expected a type name" });
    expect(parseError("RETURN [1, 2")).toMatchObject({ column: 8, reason: "Unexpected end of file, expected closing delimiter `]`" });
  });

  it("points at refused statements' keywords", () => {
    expect(parseError("RETURN 1;\n  FOR $x IN [] {}")).toMatchObject({ line: 2, column: 3, reason: "The `FOR` statement is not supported by Baton" });
    expect(parseError("DEFINE USER x ON ROOT")).toMatchObject({ column: 8, reason: "`DEFINE USER` is not supported by Baton" });
  });

  it("stops nesting deeper than 256 levels with its own error", () => {
    expect(parseError(`RETURN ${"[".repeat(300)}`).reason).toBe("Exceeded the maximum nesting depth of 256");
    expect(() => parseQuery(`RETURN ${"[".repeat(200)}1${"]".repeat(200)}`)).not.toThrow();
  });
});
