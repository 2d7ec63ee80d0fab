import { Datetime, Decimal, Duration, GeometryPoint, NONE, RecordId, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import type { CastExpr, Expr, IdiomPart, RangeExpr, RecordIdExpr, RecordKeyExpr, TypeExpr } from "./ast.js";
import { parseQuery } from "./parser.js";
import { bin, expr, field, idiom, lit, param, parseFailure as parseFails, statement, table } from "./test-support/syntax-builders.js";

const UUID = "0190c6b0-7c6f-7000-8000-0000000000ab";

describe("literals", () => {
  it.each([
    ["42", 42],
    ["0", 0],
    ["007", 7],
    ["9007199254740991", 9007199254740991],
    ["9007199254740993", 9007199254740993n],
    ["9223372036854775807", 9223372036854775807n],
    ["-9223372036854775808", -9223372036854775808n],
    ["-5", -5],
    ["+5", 5],
    ["1.5", 1.5],
    ["-1.5", -1.5],
    ["1e3", 1000],
    ["2.5E-1", 0.25],
    ["1.5f", 1.5],
    ["3f", 3],
    ["true", true],
    ["FALSE", false],
    ["null", null],
    ["NONE", NONE],
    ["none", NONE],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("%s", (text, value) => {
    expect(expr(text)).toEqual(lit(value));
  });

  it("NaN", () => {
    const parsed = expr("NaN");
    expect(parsed.kind === "literal" && Number.isNaN(parsed.value)).toBe(true);
  });

  it("decimals", () => {
    expect(expr("1.5dec")).toEqual(lit(new Decimal("1.5")));
    expect(expr("-2dec")).toEqual(lit(new Decimal("-2")));
  });

  it("durations, every unit", () => {
    expect(expr("1h30m")).toEqual(lit(Duration.parse("1h30m")));
    const all = expr("1y2w3d4h5m6s7ms8us9ns");
    expect(all).toEqual(lit(Duration.parse("1y2w3d4h5m6s7ms8us9ns")));
    expect(String((all as { value: Duration }).value)).toBe("1y2w3d4h5m6s7ms8µs9ns");
    expect(expr("5µs")).toEqual(lit(Duration.parse("5us")));
  });

  it("a sign against a duration is an operator (durations are never negative)", () => {
    expect(expr("-1h")).toEqual({ kind: "unary", op: "negate", operand: lit(Duration.parse("1h")) });
  });

  it("a sign apart from its number is an operator", () => {
    expect(expr("- 5")).toEqual({ kind: "unary", op: "negate", operand: lit(5) });
    expect(expr("+ $x")).toEqual({ kind: "unary", op: "plus", operand: param("x") });
  });

  it("refuses ints beyond 64 bits and malformed numbers", () => {
    expect(parseFails("9223372036854775808").reason).toMatch(/64-bit/);
    expect(parseFails("123abc").reason).toBe("Invalid number");
    expect(parseFails("1h30").reason).toMatch(/duration unit/);
  });

  it("strings with escapes, in either quote", () => {
    expect(expr(String.raw`'it\'s'`)).toEqual(lit("it's"));
    expect(expr(String.raw`"a\"b\\c\/d\n\t\r\b\f"`)).toEqual(lit('a"b\\c/d\n\t\r\b\f'));
    expect(expr(String.raw`"\u00e9\u{1F600}"`)).toEqual(lit("é😀"));
    expect(expr(String.raw`"\uD83D\uDE00"`)).toEqual(lit("😀"));
    expect(expr('"multi\nline"')).toEqual(lit("multi\nline"));
    expect(parseFails(String.raw`"\q"`).reason).toBe("Invalid escape character `q`");
  });

  it("prefixed strings", () => {
    expect(expr('s"plain"')).toEqual(lit("plain"));
    expect(expr('d"2024-01-02T03:04:05.5Z"')).toEqual(lit(Datetime.parse("2024-01-02T03:04:05.5Z")));
    expect(expr("d'2024-01-02'")).toEqual(lit(Datetime.parse("2024-01-02T00:00:00Z")));
    expect(expr(`u"${UUID}"`)).toEqual(lit(Uuid.parse(UUID)));
    expect(expr('r"person:tobie"')).toEqual(lit(new RecordId("person", "tobie")));
    expect(expr("r'person:[1, 2]'")).toEqual(lit(new RecordId("person", [1, 2])));
    expect(expr('b"0aff"')).toEqual(lit(Uint8Array.from([0x0a, 0xff])));
  });

  it("refuses prefixed strings whose content is no such value", () => {
    expect(parseFails('d"yesterday"').reason).toMatch(/^Invalid datetime/);
    expect(parseFails('u"nope"').reason).toMatch(/^Invalid UUID/);
    expect(parseFails('r"person"').reason).toMatch(/^Invalid record id/);
    expect(parseFails('b"abc"').reason).toMatch(/^Invalid bytes/);
  });

  it("arrays, with a trailing comma", () => {
    expect(expr("[]")).toEqual({ kind: "array", items: [] });
    expect(expr("[1, $x, [2],]")).toEqual({ kind: "array", items: [lit(1), param("x"), { kind: "array", items: [lit(2)] }] });
  });

  it("objects with names, keywords, quoted names, strings and numbers as keys", () => {
    expect(expr("{ a: 1, select: 2, `b c`: 3, 'd': 4, \"e\": 5, 6: 7, }")).toEqual({
      kind: "object",
      entries: [
        { key: "a", value: lit(1) },
        { key: "select", value: lit(2) },
        { key: "b c", value: lit(3) },
        { key: "d", value: lit(4) },
        { key: "e", value: lit(5) },
        { key: "6", value: lit(7) },
      ],
    });
    expect(expr("{a:1}")).toEqual({ kind: "object", entries: [{ key: "a", value: lit(1) }] });
  });

  it("an empty {} is an object; braces around statements are a block", () => {
    expect(expr("{}")).toEqual({ kind: "object", entries: [] });
    expect(expr("{ $a + 1 }")).toEqual({
      kind: "block",
      block: { statements: [{ kind: "expression", expr: bin("+", param("a"), lit(1)) }] },
    });
    expect(expr("{ LET $a = 1; $a; }")).toEqual({
      kind: "block",
      block: { statements: [{ kind: "let", name: "a", value: lit(1) }, { kind: "expression", expr: param("a") }] },
    });
  });

  it("geometry points", () => {
    expect(expr("(51.5, -0.1)")).toEqual(lit(new GeometryPoint(51.5, -0.1)));
    expect(expr("(1, 2)")).toEqual(lit(new GeometryPoint(1, 2)));
  });
});

describe("parameters and names", () => {
  it("parameters", () => {
    for (const name of ["bind__12", "auth", "this", "parent", "value", "input", "before", "after"]) {
      expect(expr(`$${name}`)).toEqual(param(name));
    }
  });

  it("bare names are fields; quoted names too", () => {
    expect(expr("name")).toEqual(field("name"));
    expect(expr("`first name`")).toEqual(field("first name"));
    expect(expr("⟨first name⟩")).toEqual(field("first name"));
    expect(expr("value")).toEqual(field("value"));
  });

  it("bare names are tables where targets are listed", () => {
    expect(statement("SELECT * FROM person, `my table`")).toMatchObject({ from: [table("person"), table("my table")] });
  });
});

describe("idioms", () => {
  it("field paths", () => {
    expect(expr("a.b.c")).toEqual(field("a", "b", "c"));
  });

  it("index, last, all and conditions", () => {
    expect(expr("a[0]")).toEqual(idiom(undefined, { kind: "field", name: "a" }, { kind: "index", index: lit(0) }));
    expect(expr("a[$]")).toEqual(idiom(undefined, { kind: "field", name: "a" }, { kind: "last" }));
    expect(expr("a[*]")).toEqual(idiom(undefined, { kind: "field", name: "a" }, { kind: "all" }));
    expect(expr("a.*")).toEqual(idiom(undefined, { kind: "field", name: "a" }, { kind: "all" }));
    expect(expr("a['key']")).toEqual(idiom(undefined, { kind: "field", name: "a" }, { kind: "index", index: lit("key") }));
    const where = { kind: "where", condition: bin(">", field("x"), lit(1)) } as const;
    expect(expr("a[WHERE x > 1]")).toEqual(idiom(undefined, { kind: "field", name: "a" }, where));
    expect(expr("a[? x > 1]")).toEqual(idiom(undefined, { kind: "field", name: "a" }, where));
    expect(expr("a[$i]")).toEqual(idiom(undefined, { kind: "field", name: "a" }, { kind: "index", index: param("i") }));
  });

  it("method calls", () => {
    expect(expr("name.len()")).toEqual(idiom(undefined, { kind: "field", name: "name" }, { kind: "method", name: "len", args: [] }));
    expect(expr('"a".concat("b", )')).toEqual(idiom(lit("a"), { kind: "method", name: "concat", args: [lit("b")] }));
  });

  it("graph hops in every direction and form", () => {
    const hop = (direction: "out" | "in" | "both", tables: string[], extra: { condition?: Expr; alias?: string } = {}): IdiomPart => ({
      kind: "graph",
      direction,
      tables,
      ...extra,
    });
    expect(expr("->knows->person")).toEqual(idiom(undefined, hop("out", ["knows"]), hop("out", ["person"])));
    expect(expr("<-knows<-person")).toEqual(idiom(undefined, hop("in", ["knows"]), hop("in", ["person"])));
    expect(expr("<->knows")).toEqual(idiom(undefined, hop("both", ["knows"])));
    expect(expr("->(knows, likes)")).toEqual(idiom(undefined, hop("out", ["knows", "likes"])));
    expect(expr("->(knows WHERE since > 2020)")).toEqual(
      idiom(undefined, hop("out", ["knows"], { condition: bin(">", field("since"), lit(2020)) })),
    );
    expect(expr("->(knows AS friends)")).toEqual(idiom(undefined, hop("out", ["knows"], { alias: "friends" })));
    expect(expr("->?")).toEqual(idiom(undefined, hop("out", [])));
    expect(expr("->(?)")).toEqual(idiom(undefined, hop("out", [])));
    expect(expr("person:tobie->knows->person.name")).toEqual(
      idiom({ kind: "record-id", table: "person", key: { kind: "value", value: lit("tobie") } }, hop("out", ["knows"]), hop("out", ["person"]), {
        kind: "field",
        name: "name",
      }),
    );
  });

  it("paths from a parameter, a record id, a subquery and a call", () => {
    expect(expr("$person.name")).toEqual(idiom(param("person"), { kind: "field", name: "name" }));
    expect(expr("person:1.name")).toEqual(
      idiom({ kind: "record-id", table: "person", key: { kind: "value", value: lit(1) } }, { kind: "field", name: "name" }),
    );
    const sub = expr("(SELECT * FROM person)[0]");
    expect(sub).toMatchObject({ kind: "idiom", root: { kind: "subquery", statement: { kind: "select" } }, parts: [{ kind: "index", index: lit(0) }] });
    expect(expr("array::first($a).name")).toEqual(
      idiom({ kind: "call", name: "array::first", args: [param("a")] }, { kind: "field", name: "name" }),
    );
  });

  it("refuses the path forms Baton does not have", () => {
    expect(parseFails("a...").reason).toMatch(/not supported by Baton/);
    expect(parseFails("a.{b, c}").reason).toMatch(/not supported by Baton/);
    expect(parseFails("->(SELECT * FROM knows)").reason).toMatch(/not supported by Baton/);
  });
});

describe("record ids", () => {
  const rid = (tableName: string, key: RecordKeyExpr): RecordIdExpr => ({ kind: "record-id", table: tableName, key });
  const value = (v: unknown): RecordKeyExpr => ({ kind: "value", value: lit(v) });

  it.each([
    ["t:k", rid("t", value("k"))],
    ["t:⟨k ey⟩", rid("t", value("k ey"))],
    ["t:`k`", rid("t", value("k"))],
    ["t:123", rid("t", value(123))],
    ["t:-5", rid("t", value(-5))],
    ["t:+5", rid("t", value(5))],
    ["t:123abc", rid("t", value("123abc"))],
    ["t:99999999999999999999", rid("t", value("99999999999999999999"))],
    ["t:9007199254740993", rid("t", value(9007199254740993n))],
    [`t:u"${UUID}"`, rid("t", value(Uuid.parse(UUID)))],
    ["`my table`:1", rid("my table", value(1))],
    ["t:rand()", rid("t", { kind: "generate", generator: "rand" })],
    ["t:ulid()", rid("t", { kind: "generate", generator: "ulid" })],
    ["t:uuid()", rid("t", { kind: "generate", generator: "uuid" })],
    ["t:rand", rid("t", value("rand"))],
  ])("%s", (text, expected) => {
    expect(expr(text)).toEqual(expected);
  });

  it("array and object keys", () => {
    expect(expr("t:[1, $x]")).toEqual(rid("t", { kind: "value", value: { kind: "array", items: [lit(1), param("x")] } }));
    expect(expr("t:{a: 1}")).toEqual(rid("t", { kind: "value", value: { kind: "object", entries: [{ key: "a", value: lit(1) }] } }));
  });

  it("key ranges", () => {
    const bound = (v: unknown, inclusive: boolean) => ({ value: lit(v), inclusive });
    expect(expr("t:1..5")).toEqual(rid("t", { kind: "range", from: bound(1, true), to: bound(5, false) }));
    expect(expr("t:1..=5")).toEqual(rid("t", { kind: "range", from: bound(1, true), to: bound(5, true) }));
    expect(expr("t:1>..5")).toEqual(rid("t", { kind: "range", from: bound(1, false), to: bound(5, false) }));
    expect(expr("t:..")).toEqual(rid("t", { kind: "range" }));
    expect(expr("t:..5")).toEqual(rid("t", { kind: "range", to: bound(5, false) }));
    expect(expr("t:a..")).toEqual(rid("t", { kind: "range", from: bound("a", true) }));
    expect(expr("t:[1]..=[2]")).toEqual(
      rid("t", {
        kind: "range",
        from: { value: { kind: "array", items: [lit(1)] }, inclusive: true },
        to: { value: { kind: "array", items: [lit(2)] }, inclusive: true },
      }),
    );
  });

  it("a record id then an operator", () => {
    expect(expr("person:a = person:b")).toEqual(bin("=", rid("person", value("a")), rid("person", value("b"))));
  });

  it("refuses whitespace around the colon and parameters as keys", () => {
    expect(parseFails("t: k").reason).toMatch(/whitespace/);
    expect(parseFails("t :k").reason).toMatch(/whitespace/);
    expect(parseFails("t:$k").reason).toMatch(/type::record/);
  });
});

describe("operators", () => {
  it.each([
    ["a AND b", "and"],
    ["a && b", "and"],
    ["a OR b", "or"],
    ["a || b", "or"],
    ["a = b", "="],
    ["a IS b", "="],
    ["a == b", "=="],
    ["a != b", "!="],
    ["a IS NOT b", "!="],
    ["a *= b", "*="],
    ["a ?= b", "?="],
    ["a < b", "<"],
    ["a <= b", "<="],
    ["a > b", ">"],
    ["a >= b", ">="],
    ["a + b", "+"],
    ["a - b", "-"],
    ["a * b", "*"],
    ["a × b", "*"],
    ["a / b", "/"],
    ["a ÷ b", "/"],
    ["a % b", "%"],
    ["a ** b", "**"],
    ["a ?? b", "??"],
    ["a ?: b", "?:"],
    ["a ~ b", "~"],
    ["a !~ b", "!~"],
    ["a ?~ b", "?~"],
    ["a *~ b", "*~"],
    ["a CONTAINS b", "CONTAINS"],
    ["a ∋ b", "CONTAINS"],
    ["a CONTAINSNOT b", "CONTAINSNOT"],
    ["a ∌ b", "CONTAINSNOT"],
    ["a CONTAINSALL b", "CONTAINSALL"],
    ["a ⊇ b", "CONTAINSALL"],
    ["a CONTAINSANY b", "CONTAINSANY"],
    ["a ⊃ b", "CONTAINSANY"],
    ["a CONTAINSNONE b", "CONTAINSNONE"],
    ["a ⊅ b", "CONTAINSNONE"],
    ["a INSIDE b", "INSIDE"],
    ["a IN b", "INSIDE"],
    ["a ∈ b", "INSIDE"],
    ["a NOTINSIDE b", "NOTINSIDE"],
    ["a NOT IN b", "NOTINSIDE"],
    ["a ∉ b", "NOTINSIDE"],
    ["a ALLINSIDE b", "ALLINSIDE"],
    ["a ⊆ b", "ALLINSIDE"],
    ["a ANYINSIDE b", "ANYINSIDE"],
    ["a ⊂ b", "ANYINSIDE"],
    ["a NONEINSIDE b", "NONEINSIDE"],
    ["a ⊄ b", "NONEINSIDE"],
    ["a OUTSIDE b", "OUTSIDE"],
    ["a INTERSECTS b", "INTERSECTS"],
    ["a and b", "and"],
    ["a contains b", "CONTAINS"],
  ] as const)("%s", (text, op) => {
    expect(expr(text)).toEqual(bin(op, field("a"), field("b")));
  });

  it("x IS NONE is x = NONE", () => {
    expect(expr("x IS NONE")).toEqual(bin("=", field("x"), lit(NONE)));
    expect(expr("x IS NOT NONE")).toEqual(bin("!=", field("x"), lit(NONE)));
  });

  it("prefix operators", () => {
    expect(expr("!a")).toEqual({ kind: "unary", op: "not", operand: field("a") });
    expect(expr("NOT(a = 1)")).toEqual({ kind: "unary", op: "not", operand: bin("=", field("a"), lit(1)) });
    expect(expr("-a.b")).toEqual({ kind: "unary", op: "negate", operand: field("a", "b") });
    expect(expr("!!a")).toEqual({ kind: "unary", op: "not", operand: { kind: "unary", op: "not", operand: field("a") } });
  });

  it("SurrealDB's precedence", () => {
    expect(expr("1 + 2 * 3")).toEqual(bin("+", lit(1), bin("*", lit(2), lit(3))));
    expect(expr("2 * 3 ** 2")).toEqual(bin("*", lit(2), bin("**", lit(3), lit(2))));
    expect(expr("a OR b AND c")).toEqual(bin("or", field("a"), bin("and", field("b"), field("c"))));
    expect(expr("a = 1 AND b > 2")).toEqual(bin("and", bin("=", field("a"), lit(1)), bin(">", field("b"), lit(2))));
    expect(expr("a = b < c")).toEqual(bin("=", field("a"), bin("<", field("b"), field("c"))));
    expect(expr("a ?? b OR c")).toEqual(bin("??", field("a"), bin("or", field("b"), field("c"))));
    expect(expr("a + b CONTAINS c")).toEqual(bin("CONTAINS", bin("+", field("a"), field("b")), field("c")));
    expect(expr("!a AND b")).toEqual(bin("and", { kind: "unary", op: "not", operand: field("a") }, field("b")));
    expect(expr("(1 + 2) * 3")).toEqual(bin("*", bin("+", lit(1), lit(2)), lit(3)));
  });

  it("chains from the left", () => {
    expect(expr("1 - 2 - 3")).toEqual(bin("-", bin("-", lit(1), lit(2)), lit(3)));
    expect(expr("2 ** 3 ** 2")).toEqual(bin("**", bin("**", lit(2), lit(3)), lit(2)));
    expect(expr("a == b == c")).toEqual(bin("==", bin("==", field("a"), field("b")), field("c")));
  });

  it("refuses chained comparisons without parentheses", () => {
    const error = parseFails("a = b = c");
    expect(error.reason).toMatch(/no defined associativity/);
    expect(error.column).toBe(7);
    expect(parseFails("1 < 2 < 3").reason).toMatch(/no defined associativity/);
    expect(expr("(a = b) = c")).toEqual(bin("=", bin("=", field("a"), field("b")), field("c")));
  });

  it("refuses operators Baton does not have and assignments in expressions", () => {
    expect(parseFails("a @@ 'x'").reason).toMatch(/not supported by Baton/);
    expect(parseFails("a <|3|> $v").reason).toMatch(/not supported by Baton/);
    expect(parseFails("SELECT * FROM t WHERE a += 1").reason).toMatch(/only allowed in SET/);
    expect(parseFails("a NOT b").reason).toMatch(/expected `IN` after `NOT`/);
  });
});

describe("ranges", () => {
  const range = (from?: [unknown, boolean], to?: [unknown, boolean]): RangeExpr => ({
    kind: "range",
    ...(from && { from: { value: lit(from[0]), inclusive: from[1] } }),
    ...(to && { to: { value: lit(to[0]), inclusive: to[1] } }),
  });

  it.each([
    ["1..5", range([1, true], [5, false])],
    ["1..=5", range([1, true], [5, true])],
    ["1>..5", range([1, false], [5, false])],
    ["1>..=5", range([1, false], [5, true])],
    ["1..", range([1, true])],
    ["..5", range(undefined, [5, false])],
    ["..=5", range(undefined, [5, true])],
    ["..", range()],
  ])("%s", (text, expected) => {
    expect(expr(text)).toEqual(expected);
  });

  it("binds tighter than arithmetic", () => {
    expect(expr("a + 1..5")).toEqual(bin("+", field("a"), range([1, true], [5, false])));
  });

  it("refuses chained ranges", () => {
    expect(parseFails("1..2..3").reason).toMatch(/Chained range/);
  });
});

describe("casts", () => {
  const cast = (type: TypeExpr, value: Expr): CastExpr => ({ kind: "cast", type, value });
  it.each([
    ["<int> x", { kind: "named", name: "int" }],
    ["<string> x", { kind: "named", name: "string" }],
    ["<datetime> x", { kind: "named", name: "datetime" }],
    ["<record> x", { kind: "record", tables: [] }],
    ["<record<person>> x", { kind: "record", tables: ["person"] }],
    ["<record<person | user>> x", { kind: "record", tables: ["person", "user"] }],
    ["<array> x", { kind: "array" }],
    ["<array<int>> x", { kind: "array", inner: { kind: "named", name: "int" } }],
    ["<array<int, 10>> x", { kind: "array", inner: { kind: "named", name: "int" }, max: 10 }],
    ["<set<string>> x", { kind: "set", inner: { kind: "named", name: "string" } }],
    ["<option<string>> x", { kind: "option", inner: { kind: "named", name: "string" } }],
    ["<geometry<point | polygon>> x", { kind: "geometry", kinds: ["point", "polygon"] }],
    ["<int | string> x", { kind: "union", members: [{ kind: "named", name: "int" }, { kind: "named", name: "string" }] }],
    ["<INT> x", { kind: "named", name: "int" }],
    ['<"a" | "b"> x', { kind: "union", members: [{ kind: "literal", value: lit("a") }, { kind: "literal", value: lit("b") }] }],
  ] satisfies [string, TypeExpr][])("%s", (text, type) => {
    expect(expr(text)).toEqual(cast(type, field("x")));
  });

  it("literal types of numbers, signs, booleans and durations", () => {
    expect(expr("<1 | -1 | true | 1h> x")).toEqual(
      cast(
        {
          kind: "union",
          members: [lit(1), lit(-1), lit(true), lit(Duration.parse("1h"))].map((value): TypeExpr => ({ kind: "literal", value })),
        },
        field("x"),
      ),
    );
  });

  it("binds tighter than arithmetic", () => {
    expect(expr('<int> "5" + 1')).toEqual(bin("+", cast({ kind: "named", name: "int" }, lit("5")), lit(1)));
  });

  it("refuses unknown types", () => {
    expect(parseFails("<integer> x").reason).toBe("Unexpected token `integer`, expected a type name");
  });
});

describe("calls", () => {
  it("paths, plain names and a trailing comma", () => {
    expect(expr("string::len($s)")).toEqual({ kind: "call", name: "string::len", args: [param("s")] });
    expect(expr("math::sum($bind__1, )")).toEqual({ kind: "call", name: "math::sum", args: [param("bind__1")] });
    expect(expr("fn::greet('a', 2)")).toEqual({ kind: "call", name: "fn::greet", args: [lit("a"), lit(2)] });
    expect(expr("type::thing('person', 1)")).toEqual({ kind: "call", name: "type::thing", args: [lit("person"), lit(1)] });
    expect(expr("count()")).toEqual({ kind: "call", name: "count", args: [] });
    expect(expr("rand()")).toEqual({ kind: "call", name: "rand", args: [] });
    expect(expr("sleep(1s)")).toEqual({ kind: "call", name: "sleep", args: [lit(Duration.parse("1s"))] });
    expect(expr("time::now()")).toEqual({ kind: "call", name: "time::now", args: [] });
  });

  it("ml models with a version", () => {
    expect(expr("ml::model<1.0.0>($b, )")).toEqual({ kind: "call", name: "ml::model", version: "1.0.0", args: [param("b")] });
  });

  it("constants", () => {
    expect(expr("math::pi")).toEqual(lit(Math.PI));
    expect(expr("time::epoch")).toEqual(lit(new Datetime(0n)));
    expect(expr("MATH::PI")).toEqual(lit(Math.PI));
    expect(expr("duration::max")).toMatchObject({ kind: "literal", value: expect.any(Duration) });
  });

  it("refuses plain names SurrealDB has no function for", () => {
    expect(parseFails("foo(1)").reason).toMatch(/^Invalid function `foo`/);
    expect(parseFails("string::len").reason).toMatch(/expected `\(`/);
  });
});

describe("statements as values", () => {
  it("subqueries in parentheses", () => {
    expect(expr("(SELECT * FROM person)")).toMatchObject({ kind: "subquery", statement: { kind: "select", from: [table("person")] } });
    expect(expr("(CREATE person)")).toMatchObject({ kind: "subquery", statement: { kind: "create", targets: [table("person")] } });
  });

  it("after LET and RETURN", () => {
    expect(statement("LET $p = SELECT * FROM person")).toMatchObject({ kind: "let", name: "p", value: { kind: "subquery", statement: { kind: "select" } } });
    expect(statement("LET $x = CREATE person")).toMatchObject({ value: { kind: "subquery", statement: { kind: "create" } } });
    expect(statement("RETURN SELECT * FROM person")).toMatchObject({ kind: "return", value: { kind: "subquery", statement: { kind: "select" } } });
  });

  it("a subquery statement keeps its own span", () => {
    const [let_] = parseQuery("LET $p = SELECT * FROM person;").statements;
    expect(let_).toMatchObject({ span: { start: 0, end: 29 }, value: { statement: { span: { start: 9, end: 29 } } } });
  });
});

describe("IF", () => {
  const block = (...exprs: object[]) => ({ statements: exprs.map((e) => ({ kind: "expression", expr: e })) });

  it("THEN … ELSE IF … ELSE … END and braces give the same tree", () => {
    const expected = {
      kind: "if",
      expr: {
        kind: "if",
        branches: [
          { condition: param("a"), body: block(lit(1)) },
          { condition: param("b"), body: block(lit(2)) },
        ],
        otherwise: block(lit(3)),
      },
    };
    expect(statement("IF $a THEN 1 ELSE IF $b THEN 2 ELSE 3 END")).toEqual(expected);
    expect(statement("IF $a { 1 } ELSE IF $b { 2; } ELSE { 3 }")).toEqual(expected);
    expect(statement("if $a { 1 }")).toEqual({ kind: "if", expr: { kind: "if", branches: [{ condition: param("a"), body: block(lit(1)) }] } });
  });

  it("as a value", () => {
    expect(statement("LET $x = IF $a THEN 1 END")).toMatchObject({ value: { kind: "if", branches: [{ condition: param("a") }] } });
  });

  it("statements in branches", () => {
    expect(statement("IF $a THEN CREATE person END")).toMatchObject({
      expr: { branches: [{ body: { statements: [{ kind: "create" }] } }] },
    });
  });

  it("refuses mixed forms and a missing END", () => {
    expect(parseFails("IF $a THEN 1 ELSE { 2 }").reason).toMatch(/Unexpected token `\{`, expected an expression|expected `END`/);
    expect(parseFails("IF $a THEN 1").reason).toBe("Unexpected end of file, expected `END`");
  });
});
