// Parsing of the two forms that open with `|`: mock record ids and closures.
import { describe, expect, it } from "vitest";
import type { ClosureExpr } from "./ast.js";
import { bin, expr, field, idiom, lit, param, parseFailure, statement, table } from "./test-support/syntax-builders.js";

describe("mock record ids", () => {
  it("a count of generated ids", () => {
    expect(expr("|person:5|")).toEqual({ kind: "mock", table: "person", ids: { kind: "count", count: 5 } });
  });

  it("an inclusive range of int ids, written `..` or `..=`", () => {
    expect(expr("|person:1..5|")).toEqual({ kind: "mock", table: "person", ids: { kind: "range", from: 1, to: 5 } });
    expect(expr("|person:1..=5|")).toEqual({ kind: "mock", table: "person", ids: { kind: "range", from: 1, to: 5 } });
    expect(expr("|`odd name`:2..3|")).toMatchObject({ table: "odd name" });
  });

  it("as the target of CREATE, where bare names are tables", () => {
    expect(statement("CREATE |person:5| SET age = 20 RETURN VALUE age")).toMatchObject({
      kind: "create",
      targets: [{ kind: "mock", table: "person", ids: { kind: "count", count: 5 } }],
    });
  });

  it("refuses a mock without a number, with a negative one, or left open", () => {
    expect(parseFailure("|person:|").message).toContain("expected a count or a range");
    expect(parseFailure("|person:-1|").message).toContain("expected a count or a range");
    expect(parseFailure("|person:5").message).toContain("`|`");
    expect(parseFailure("|person :5|").message).toContain("`:` right after the table name");
  });
});

const closure = (options: Omit<ClosureExpr, "kind">): ClosureExpr => ({ kind: "closure", ...options });

describe("closures", () => {
  it("one untyped parameter and an expression body", () => {
    expect(expr("|$x| $x * 2")).toEqual(closure({ params: [{ name: "x" }], body: bin("*", param("x"), lit(2)) }));
  });

  it("typed parameters, a union in angle brackets, and no parameters", () => {
    expect(expr("|$a: int, $b: option<string>| $a")).toEqual(
      closure({
        params: [
          { name: "a", type: { kind: "named", name: "int" } },
          { name: "b", type: { kind: "option", inner: { kind: "named", name: "string" } } },
        ],
        body: param("a"),
      }),
    );
    expect(expr("|$v: <int | string>| $v")).toMatchObject({ params: [{ name: "v", type: { kind: "union" } }] });
    expect(expr("|| 1")).toEqual(closure({ params: [], body: lit(1) }));
  });

  it("a return type before a block body", () => {
    expect(expr("|$x: int| -> int { $x + 1 }")).toEqual(
      closure({
        params: [{ name: "x", type: { kind: "named", name: "int" } }],
        returns: { kind: "named", name: "int" },
        body: { kind: "block", block: { statements: [statement("$x + 1")] } },
      }),
    );
  });

  it("as a method argument and a function argument, bare names in the body being fields", () => {
    expect(expr("[1, 2, 3].some(|$num| $num > 2)")).toEqual(
      idiom(
        { kind: "array", items: [lit(1), lit(2), lit(3)] },
        { kind: "method", name: "some", args: [closure({ params: [{ name: "num" }], body: bin(">", param("num"), lit(2)) })] },
      ),
    );
    expect(statement("SELECT * FROM person WHERE array::any(tags, |$t| $t = name)")).toMatchObject({
      from: [table("person")],
      where: { kind: "call", args: [field("tags"), closure({ params: [{ name: "t" }], body: bin("=", param("t"), field("name")) })] },
    });
  });

  it("a call of a closure held in a parameter, which a path may continue", () => {
    expect(expr("$double(2)")).toEqual(idiom(param("double"), { kind: "call", args: [lit(2)] }));
    expect(expr("$f(1, 2).len()")).toEqual(
      idiom(param("f"), { kind: "call", args: [lit(1), lit(2)] }, { kind: "method", name: "len", args: [] }),
    );
  });

  it("refuses a parameter that is not a `$name` and an unclosed parameter list", () => {
    expect(parseFailure("|$x, y| 1").message).toContain("a closure parameter");
    expect(parseFailure("|$x 1").message).toContain("`|`");
  });
});
