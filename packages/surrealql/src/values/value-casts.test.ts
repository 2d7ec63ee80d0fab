import { Datetime, Decimal, Duration, GeometryPoint, NONE, Range, RecordId, StringRecordId, Table, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "./expect-failure.js";
import type { Expr, TypeExpr } from "../syntax/ast.js";
import { canCast, castValue, coerceValue, matchesType, tryCoerceValue } from "./value-casts.js";
import { typeText } from "./type-text.js";

const failure = failureMessage;

const named = (name: string): TypeExpr => ({ kind: "named", name });
const option = (inner: TypeExpr): TypeExpr => ({ kind: "option", inner });
const array = (inner?: TypeExpr, max?: number): TypeExpr => ({ kind: "array", inner, max });
const set = (inner?: TypeExpr, max?: number): TypeExpr => ({ kind: "set", inner, max });
const record = (...tables: string[]): TypeExpr => ({ kind: "record", tables });
const literal = (value: Expr): TypeExpr => ({ kind: "literal", value });
const lit = (value: unknown): Expr => ({ kind: "literal", value });
const INT = named("int");
const STRING = named("string");

describe("castValue", () => {
  it.each<[string, TypeExpr, unknown, unknown]>([
    ["<int> '5'", INT, "5", 5],
    ["<int> '-12'", INT, "-12", -12],
    ["<int> 5dec", INT, new Decimal("5.0"), 5],
    ["<int> big text", INT, "9223372036854775807", 2n ** 63n - 1n],
    ["<float> '1.5'", named("float"), "1.5", 1.5],
    ["<float> '1e3'", named("float"), "1e3", 1000],
    ["<float> 2dec", named("float"), new Decimal("2.5"), 2.5],
    ["<decimal> '1.50'", named("decimal"), "1.50", new Decimal("1.5")],
    ["<decimal> 3", named("decimal"), 3, new Decimal("3")],
    ["<decimal> 0.1", named("decimal"), 0.1, new Decimal("0.1")],
    ["<number> '7'", named("number"), "7", 7],
    ["<number> '7.5'", named("number"), "7.5", 7.5],
    ["<string> 1", STRING, 1, "1"],
    ["<string> person:1", STRING, new RecordId("person", 1), "person:1"],
    ["<string> NONE", STRING, NONE, "NONE"],
    ["<string> 1dec", STRING, new Decimal("1"), "1"],
    ["<bool> 'true'", named("bool"), "true", true],
    ["<datetime> text", named("datetime"), "2024-01-02T03:04:05Z", Datetime.parse("2024-01-02T03:04:05Z")],
    ["<datetime> date", named("datetime"), "2024-01-02", Datetime.parse("2024-01-02T00:00:00Z")],
    ["<duration> '1h30m'", named("duration"), "1h30m", Duration.parse("1h30m")],
    ["<uuid> text", named("uuid"), "01234567-89ab-cdef-0123-456789abcdef", Uuid.parse("01234567-89ab-cdef-0123-456789abcdef")],
    ["<record> 'person:1'", record(), "person:1", new RecordId("person", 1)],
    ["<record<person>> 'person:tobie'", record("person"), "person:tobie", new RecordId("person", "tobie")],
    ["<record> StringRecordId", record(), new StringRecordId("a:b"), new RecordId("a", "b")],
    ["<array<int>> ['1', 2]", array(INT), ["1", 2], [1, 2]],
    ["<array> set", array(), new Set([2, 1]), [1, 2]],
    ["<array> range", array(), new Range({ begin: { kind: "included", value: 1 }, end: { kind: "included", value: 3 } }), [1, 2, 3]],
    ["<array> bytes", array(), new Uint8Array([1, 2]), [1, 2]],
    ["<set> array", set(), [2, 1, 2], new Set([1, 2])],
    ["<set<int>> ['2', 1]", set(INT), ["2", 1, 1], new Set([1, 2])],
    ["<bytes> 'hi'", named("bytes"), "hi", new Uint8Array([104, 105])],
    ["<bytes> [1, 257]", named("bytes"), [1, 257], new Uint8Array([1, 1])],
    ["<object> {}", named("object"), { a: 1 }, { a: 1 }],
    ["<table> 'person'", named("table"), "person", new Table("person")],
    ["<point> [1, 2]", named("point"), [1, 2], new GeometryPoint(1, 2)],
    ["<option<int>> NONE", option(INT), NONE, NONE],
    ["<int | string> 'x'", { kind: "union", members: [INT, STRING] }, "x", "x"],
    ["<range> [1, 5]", named("range"), [1, 5], new Range({ begin: { kind: "included", value: 1 }, end: { kind: "excluded", value: 5 } })],
  ])("%s", (_name, type, value, expected) => {
    expect(castValue(type, value)).toEqual(expected);
  });

  it.each<[string, TypeExpr, unknown, string]>([
    ["<int> 'x'", INT, "x", "Could not cast into `int` using input `'x'`"],
    ["<int> 1.5", INT, 1.5, "Could not cast into `int` using input `1.5f`"],
    ["<int> '5.0'", INT, "5.0", "Could not cast into `int` using input `'5.0'`"],
    ["<bool> 1", named("bool"), 1, "Could not cast into `bool` using input `1`"],
    ["<datetime> 'x'", named("datetime"), "x", "Could not cast into `datetime` using input `'x'`"],
    ["<record> 'nope'", record(), "nope", "Could not cast into `record` using input `'nope'`"],
    ["<record<person>> 'user:1'", record("person"), "user:1", "Could not cast into `record<person>` using input `'user:1'`"],
    [
      "<array<int>> ['x']",
      array(INT),
      ["x"],
      "Could not cast into `int` using input `'x'` when coercing an element of `array<int>`",
    ],
    ["<array<int, 2>> [1]", array(INT, 2), [1], "Expected `array<int,2>` but found a collection of length `1`"],
    ["<object> []", named("object"), [], "Could not cast into `object` using input `[]`"],
    ["<int | bool> 'x'", { kind: "union", members: [INT, named("bool")] }, "x", "Could not cast into `int | bool` using input `'x'`"],
    ["<none> 1", named("none"), 1, "Could not cast into `none` using input `1`"],
  ])("%s fails", (_name, type, value, message) => {
    expect(failure(() => castValue(type, value))).toBe(message);
  });

  it("canCast answers without throwing", () => {
    expect(canCast(INT, "5")).toBe(true);
    expect(canCast(INT, "five")).toBe(false);
  });
});

describe("coerceValue", () => {
  const subject = "field `age` of `person:1`";

  it.each<[string, TypeExpr, unknown, unknown]>([
    ["int", INT, 5, 5],
    ["int from integral decimal", INT, new Decimal("5.00"), 5],
    ["int from an integral float saturates", INT, 1e20, 2n ** 63n - 1n],
    ["float from int", named("float"), 5, 5],
    ["decimal from int", named("decimal"), 5, new Decimal("5")],
    ["number", named("number"), new Decimal("1.5"), new Decimal("1.5")],
    ["option<int> NONE", option(INT), NONE, NONE],
    ["option<int> 1", option(INT), 1, 1],
    ["array<string>", array(STRING), ["a"], ["a"]],
    ["set<int>", set(INT), new Set([2, 1]), new Set([1, 2])],
    ["record<person>", record("person"), new RecordId("person", 1), new RecordId("person", 1)],
    ["table from string", named("table"), "person", new Table("person")],
    ["any", named("any"), NONE, NONE],
    ["literal 'a' | 'b'", { kind: "union", members: [literal(lit("a")), literal(lit("b"))] }, "b", "b"],
    [
      "literal object",
      literal({ kind: "object", entries: [{ key: "a", value: { kind: "table", name: "int" } }] }),
      { a: 1 },
      { a: 1 },
    ],
  ])("%s", (_name, type, value, expected) => {
    expect(coerceValue(type, value, subject)).toEqual(expected);
  });

  it.each<[string, TypeExpr, unknown, string]>([
    ["'5' is not an int", INT, "5", "Expected `int` but found `'5'`"],
    ["1.5 is not an int", INT, 1.5, "Expected `int` but found `1.5f`"],
    ["NONE is not an int", INT, NONE, "Expected `int` but found `NONE`"],
    ["NULL is not option<int>", option(INT), null, "Expected `none | int` but found `NULL`"],
    ["string is not a record", record(), "person:1", "Expected `record` but found `'person:1'`"],
    ["wrong table", record("person", "user"), new RecordId("post", 1), "Expected `record<person|user>` but found `post:1`"],
    ["array element", array(INT), [1, "x"], "Expected `int` but found `'x'` when coercing an element of `array<int>`"],
    ["array is not a set", set(), [1], "Expected `set` but found `[1]`"],
    ["literal", literal(lit("a")), "c", "Expected `'a'` but found `'c'`"],
  ])("%s", (_name, type, value, message) => {
    expect(failure(() => coerceValue(type, value, subject))).toBe(`Couldn't coerce value for ${subject}: ${message}`);
  });

  it("tryCoerceValue and matchesType report without throwing", () => {
    expect(tryCoerceValue(INT, "x")).toEqual({ error: "Expected `int` but found `'x'`" });
    expect(tryCoerceValue(INT, 1)).toEqual({ value: 1 });
    expect(matchesType(option(STRING), NONE)).toBe(true);
    expect(matchesType(STRING, 1)).toBe(false);
  });
});

describe("typeText", () => {
  it.each<[TypeExpr, string]>([
    [INT, "int"],
    [option(INT), "none | int"],
    [array(STRING), "array<string>"],
    [array(STRING, 3), "array<string, 3>"],
    [array(), "array"],
    [record("a", "b"), "record<a | b>"],
    [{ kind: "named", name: "point" }, "geometry<point>"],
    [literal(lit("a")), "'a'"],
  ])("%o is %s", (type, text) => {
    expect(typeText(type)).toBe(text);
  });
});
