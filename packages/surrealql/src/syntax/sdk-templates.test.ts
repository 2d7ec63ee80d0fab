// The SurrealQL the official JS SDK 2.0.8 sends through `query` (surreal-rpc.md sections 11.1 and
// 11.2), exactly as it writes it: every template must parse to the tree Baton runs.
import { Duration, NONE, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./parser.js";
import { bin, field, lit, param, statement } from "./test-support/syntax-builders.js";

const b = (n: number) => param(`bind__${n}`);
const all = { kind: "fields", items: [{ kind: "all" }] };
const typeFields = (n: number) => ({ kind: "call", name: "type::fields", args: [b(n)] });
const FIVE_SECONDS = lit(Duration.parse("5s"));

describe("11.1 statement templates", () => {
  it("SELECT with every optional part", () => {
    expect(
      statement(
        "SELECT type::fields($bind__1) FROM ONLY $bind__2 WHERE age > $bind__3 START $bind__4 LIMIT $bind__5 FETCH type::fields($bind__6) TIMEOUT TIMEOUT 5s VERSION $bind__7",
      ),
    ).toEqual({
      kind: "select",
      projection: { kind: "fields", items: [{ kind: "expr", expr: typeFields(1) }] },
      only: true,
      from: [b(2)],
      where: bin(">", field("age"), b(3)),
      start: b(4),
      limit: b(5),
      fetch: [typeFields(6)],
      timeout: FIVE_SECONDS,
      version: b(7),
    });
  });

  it("SELECT projections", () => {
    expect(statement("SELECT * FROM $bind__1")).toEqual({ kind: "select", projection: all, only: false, from: [b(1)] });
    expect(statement("SELECT VALUE type::field($bind__1) FROM ONLY $bind__2")).toEqual({
      kind: "select",
      projection: { kind: "value", expr: { kind: "call", name: "type::field", args: [b(1)] } },
      only: true,
      from: [b(2)],
    });
    expect(statement("SELECT type::fields($bind__1) FROM $bind__2 WHERE age > $bind__3 LIMIT $bind__4")).toMatchObject({
      projection: { kind: "fields", items: [{ kind: "expr", expr: typeFields(1) }] },
      where: bin(">", field("age"), b(3)),
      limit: b(4),
    });
    expect(statement("SELECT * FROM ONLY $auth")).toEqual({ kind: "select", projection: all, only: true, from: [param("auth")] });
  });

  it("CREATE", () => {
    expect(statement("CREATE ONLY $bind__8 CONTENT $bind__9")).toEqual({
      kind: "create",
      only: true,
      targets: [b(8)],
      data: { kind: "content", value: b(9) },
    });
    expect(statement("CREATE ONLY $bind__1")).toEqual({ kind: "create", only: true, targets: [b(1)] });
    expect(statement("CREATE $bind__1 PATCH $bind__2 RETURN DIFF TIMEOUT TIMEOUT 5s VERSION $bind__3")).toEqual({
      kind: "create",
      only: false,
      targets: [b(1)],
      data: { kind: "patch", value: b(2) },
      output: { kind: "diff" },
      timeout: FIVE_SECONDS,
      version: b(3),
    });
  });

  it("INSERT", () => {
    expect(statement("INSERT RELATION IGNORE INTO $bind__1 $bind__2 RETURN AFTER TIMEOUT TIMEOUT 5s VERSION $bind__3")).toEqual({
      kind: "insert",
      relation: true,
      ignore: true,
      into: b(1),
      data: { kind: "value", value: b(2) },
      output: { kind: "after" },
      timeout: FIVE_SECONDS,
      version: b(3),
    });
    expect(statement("INSERT INTO $bind__1 $bind__2")).toMatchObject({ relation: false, ignore: false, into: b(1), data: { kind: "value", value: b(2) } });
    expect(statement("INSERT $bind__1")).toEqual({ kind: "insert", relation: false, ignore: false, data: { kind: "value", value: b(1) } });
    expect(statement("INSERT RELATION INTO $bind__1 $bind__2")).toMatchObject({ relation: true, into: b(1) });
  });

  it.each(["CONTENT", "MERGE", "REPLACE", "PATCH"])("UPDATE and UPSERT … %s", (keyword) => {
    for (const verb of ["UPDATE", "UPSERT"]) {
      expect(statement(`${verb} ONLY $bind__1 ${keyword} $bind__2 WHERE a = $bind__3 RETURN NULL TIMEOUT TIMEOUT 5s`)).toEqual({
        kind: verb.toLowerCase(),
        only: true,
        targets: [b(1)],
        data: { kind: keyword.toLowerCase(), value: b(2) },
        where: bin("=", field("a"), b(3)),
        output: { kind: "null" },
        timeout: FIVE_SECONDS,
      });
    }
    expect(statement(`UPDATE $bind__1 ${keyword} $bind__2`)).toMatchObject({ only: false });
  });

  it("DELETE", () => {
    expect(statement("DELETE ONLY $bind__1 RETURN BEFORE TIMEOUT TIMEOUT 5s VERSION $bind__2")).toEqual({
      kind: "delete",
      only: true,
      targets: [b(1)],
      output: { kind: "before" },
      timeout: FIVE_SECONDS,
      version: b(2),
    });
    expect(statement("DELETE $bind__146 RETURN BEFORE")).toEqual({ kind: "delete", only: false, targets: [b(146)], output: { kind: "before" } });
  });

  it("RELATE, with the SDK's two spaces", () => {
    expect(statement("RELATE  ONLY $bind__1->$bind__2->$bind__3 CONTENT $bind__4 RETURN AFTER TIMEOUT TIMEOUT 5s VERSION $bind__5")).toEqual({
      kind: "relate",
      only: true,
      from: b(1),
      edge: b(2),
      to: b(3),
      unique: false,
      data: { kind: "content", value: b(4) },
      output: { kind: "after" },
      timeout: FIVE_SECONDS,
      version: b(5),
    });
    expect(statement("RELATE  $bind__1->$bind__2->$bind__3")).toEqual({ kind: "relate", only: false, from: b(1), edge: b(2), to: b(3), unique: false });
  });

  it("LIVE SELECT with each projection", () => {
    expect(statement("LIVE SELECT * FROM $bind__97")).toEqual({ kind: "live", projection: all, from: b(97) });
    expect(statement("LIVE SELECT DIFF FROM $bind__1 WHERE a = $bind__2 FETCH type::fields($bind__3)")).toEqual({
      kind: "live",
      projection: "diff",
      from: b(1),
      where: bin("=", field("a"), b(2)),
      fetch: [typeFields(3)],
    });
    expect(statement("LIVE SELECT type::fields($bind__1) FROM $bind__2")).toMatchObject({ projection: { kind: "fields" } });
    expect(statement("LIVE SELECT VALUE type::field($bind__1) FROM $bind__2")).toMatchObject({ projection: { kind: "value" } });
  });

  it("KILL", () => {
    const id = "c1164c4a-0c1c-4e5b-9d1f-6b8d0d4f0a11";
    expect(statement(`KILL u"${id}"`)).toEqual({ kind: "kill", id: lit(Uuid.parse(id)) });
  });

  it("run: functions with a trailing comma after every argument, and model versions", () => {
    expect(statement("time::now()")).toEqual({ kind: "expression", expr: { kind: "call", name: "time::now", args: [] } });
    expect(statement("math::sum($bind__88, )")).toEqual({ kind: "expression", expr: { kind: "call", name: "math::sum", args: [b(88)] } });
    expect(statement("fn::greet($bind__1, $bind__2, )")).toEqual({
      kind: "expression",
      expr: { kind: "call", name: "fn::greet", args: [b(1), b(2)] },
    });
    expect(statement("ml::model<1.0.0>($bind__3, )")).toEqual({
      kind: "expression",
      expr: { kind: "call", name: "ml::model", version: "1.0.0", args: [b(3)] },
    });
    expect(statement("fn::missing()")).toEqual({ kind: "expression", expr: { kind: "call", name: "fn::missing", args: [] } });
    expect(statement("api::invoke($bind__1, $bind__2)")).toEqual({
      kind: "expression",
      expr: { kind: "call", name: "api::invoke", args: [b(1), b(2)] },
    });
  });

  it("THROW and the multi-statement query of section 12", () => {
    expect(statement('THROW "boom"')).toEqual({ kind: "throw", value: lit("boom") });
    expect(parseQuery("SELECT * FROM p WHERE n > $m; SELECT * FROM nosuch; RETURN $m").statements.map((s) => s.kind)).toEqual([
      "select",
      "select",
      "return",
    ]);
  });

  it("SurrealDB's own example of text that parses as an expression", () => {
    expect(statement("SELEC * FROMM")).toEqual({ kind: "expression", expr: bin("*", field("SELEC"), field("FROMM")) });
  });
});

describe("11.2 WHERE expressions", () => {
  const where = (condition: string) => (statement(`SELECT * FROM $bind__1 WHERE ${condition}`) as { where: unknown }).where;

  it.each([
    ["age = $bind__2", "="],
    ["age == $bind__2", "=="],
    ["age != $bind__2", "!="],
    ["age > $bind__2", ">"],
    ["age >= $bind__2", ">="],
    ["age < $bind__2", "<"],
    ["age <= $bind__2", "<="],
    ["age CONTAINS $bind__2", "CONTAINS"],
    ["age CONTAINSANY $bind__2", "CONTAINSANY"],
    ["age CONTAINSALL $bind__2", "CONTAINSALL"],
    ["age CONTAINSNONE $bind__2", "CONTAINSNONE"],
    ["age INSIDE $bind__2", "INSIDE"],
    ["age OUTSIDE $bind__2", "OUTSIDE"],
    ["age INTERSECTS $bind__2", "INTERSECTS"],
  ] as const)("%s", (condition, op) => {
    expect(where(condition)).toEqual(bin(op, field("age"), b(2)));
  });

  it("dotted field paths", () => {
    expect(where("address.city.name = $bind__2")).toEqual(bin("=", field("address", "city", "name"), b(2)));
  });

  it("between, and, or, not", () => {
    const between = bin("and", bin(">=", field("age"), b(2)), bin("<=", field("age"), b(3)));
    expect(where("(age >= $bind__2 AND age <= $bind__3)")).toEqual(between);
    expect(where("(a = $bind__2 AND b = $bind__3 AND c = $bind__4)")).toEqual(
      bin("and", bin("and", bin("=", field("a"), b(2)), bin("=", field("b"), b(3))), bin("=", field("c"), b(4))),
    );
    expect(where("(a = $bind__2 OR (age >= $bind__3 AND age <= $bind__4))")).toEqual(
      bin("or", bin("=", field("a"), b(2)), bin("and", bin(">=", field("age"), b(3)), bin("<=", field("age"), b(4)))),
    );
    expect(where("NOT(a = $bind__2)")).toEqual({ kind: "unary", op: "not", operand: bin("=", field("a"), b(2)) });
    expect(where("NOT((a = $bind__2 OR b = $bind__3))")).toEqual({
      kind: "unary",
      op: "not",
      operand: bin("or", bin("=", field("a"), b(2)), bin("=", field("b"), b(3))),
    });
  });

  it("raw fragments", () => {
    expect(where("deleted_at IS NONE AND tags CONTAINS 'x'")).toEqual(
      bin("and", bin("=", field("deleted_at"), lit(NONE)), bin("CONTAINS", field("tags"), lit("x"))),
    );
  });

  it("full-text matches and nearest-neighbour searches are refused by name", () => {
    expect(() => where("body @@ $bind__2")).toThrow(/`@@` is not supported by Baton/);
    expect(() => where("body @1@ $bind__2")).toThrow(/`@@` is not supported by Baton/);
    expect(() => where("embedding <|3|> $bind__2")).toThrow(/is not supported by Baton/);
    expect(() => where("embedding <|3,COSINE|> $bind__2")).toThrow(/is not supported by Baton/);
  });
});
