import { Duration, NONE } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./parser.js";
import { bin, field, idiom, lit, param, parseFailure, statement, statements, table } from "./test-support/syntax-builders.js";

const reason = (text: string): string => parseFailure(text).reason;

const rid = (tableName: string, key: unknown) => ({ kind: "record-id", table: tableName, key: { kind: "value", value: lit(key) } });
const all = { kind: "fields", items: [{ kind: "all" }] };

describe("query structure", () => {
  it("statements separated by `;`, the last one optional, empty ones ignored", () => {
    expect(statements(";;RETURN 1;; RETURN 2;")).toEqual([
      { kind: "return", value: lit(1) },
      { kind: "return", value: lit(2) },
    ]);
    expect(statements("")).toEqual([]);
    expect(statements(" ; -- only a comment\n")).toEqual([]);
  });

  it("spans cover each statement's text without the `;`", () => {
    const text = "  SELECT * FROM a ;\nRETURN 1;time::now()";
    const spans = parseQuery(text).statements.map((s) => text.slice(s.span.start, s.span.end));
    expect(spans).toEqual(["SELECT * FROM a", "RETURN 1", "time::now()"]);
  });

  it("keywords in any letter case", () => {
    expect(statement("select * from person where age > 1")).toEqual(statement("SELECT * FROM person WHERE age > 1"));
  });

  it("comments of every kind", () => {
    expect(statements("-- a\nRETURN 1; # b\n// c\n/* d */ RETURN /* e */ 2")).toEqual([
      { kind: "return", value: lit(1) },
      { kind: "return", value: lit(2) },
    ]);
  });

  it("refuses a statement followed by more than a `;`", () => {
    expect(reason("RETURN 1 2")).toBe("Unexpected token `2`, expected `;`");
  });
});

describe("SELECT", () => {
  it("the simplest", () => {
    expect(statement("SELECT * FROM person")).toEqual({ kind: "select", projection: all, only: false, from: [table("person")] });
  });

  it("fields, aliases and ONLY", () => {
    expect(statement("SELECT name, age AS years, *, count() AS n FROM ONLY $b")).toEqual({
      kind: "select",
      projection: {
        kind: "fields",
        items: [
          { kind: "expr", expr: field("name") },
          { kind: "expr", expr: field("age"), alias: field("years") },
          { kind: "all" },
          { kind: "expr", expr: { kind: "call", name: "count", args: [] }, alias: field("n") },
        ],
      },
      only: true,
      from: [param("b")],
    });
  });

  it("VALUE and OMIT", () => {
    expect(statement("SELECT VALUE name FROM person")).toMatchObject({ projection: { kind: "value", expr: field("name") } });
    expect(statement("SELECT * OMIT password, secret.key FROM person")).toMatchObject({
      projection: { kind: "fields", items: [{ kind: "all" }], omit: [field("password"), field("secret", "key")] },
    });
  });

  it("every clause", () => {
    const text =
      "SELECT * FROM person, person:tobie WITH INDEX idx_a, idx_b WHERE age > 18 SPLIT ON tags GROUP BY city ORDER BY age DESC, name ASC " +
      "LIMIT 10 START 5 FETCH friends, best.friend VERSION d'2024-01-01' TIMEOUT 5s PARALLEL TEMPFILES EXPLAIN FULL";
    expect(() => parseQuery(text)).toThrow(/SPLIT and GROUP are mutually exclusive/);
    expect(statement(text.replace("SPLIT ON tags ", ""))).toEqual({
      kind: "select",
      projection: all,
      only: false,
      from: [table("person"), rid("person", "tobie")],
      where: bin(">", field("age"), lit(18)),
      group: { all: false, fields: [field("city")] },
      order: [
        { expr: field("age"), descending: true },
        { expr: field("name"), descending: false },
      ],
      limit: lit(10),
      start: lit(5),
      fetch: [field("friends"), field("best", "friend")],
      version: { kind: "literal", value: expect.anything() },
      timeout: lit(Duration.parse("5s")),
      parallel: true,
      explain: true,
    });
  });

  it("SPLIT, GROUP ALL, ORDER BY RAND(), COLLATE NUMERIC", () => {
    expect(statement("SELECT * FROM t SPLIT tags, other")).toMatchObject({ split: [field("tags"), field("other")] });
    expect(statement("SELECT count() FROM t GROUP ALL")).toMatchObject({ group: { all: true, fields: [] } });
    expect(statement("SELECT * FROM t ORDER BY RAND()")).toMatchObject({ order: "random" });
    expect(statement("SELECT * FROM t ORDER name COLLATE NUMERIC DESCENDING")).toMatchObject({
      order: [{ expr: field("name"), collate: true, numeric: true, descending: true }],
    });
  });

  it("START and LIMIT in either order, with AT and BY", () => {
    const expected = { limit: lit(5), start: lit(2) };
    expect(statement("SELECT * FROM t LIMIT 5 START 2")).toMatchObject(expected);
    expect(statement("SELECT * FROM t START 2 LIMIT 5")).toMatchObject(expected);
    expect(statement("SELECT * FROM t START AT 2 LIMIT BY 5")).toMatchObject(expected);
  });

  it("WITH NOINDEX and WITH NO INDEX", () => {
    expect(statement("SELECT * FROM t WITH NOINDEX WHERE a = 1")).toMatchObject({ where: bin("=", field("a"), lit(1)) });
    expect(statement("SELECT * FROM t WITH NO INDEX")).toMatchObject({ from: [table("t")] });
  });

  it("targets: ranges, arrays, subqueries, calls", () => {
    expect(statement("SELECT * FROM person:1..5, [person:a], (SELECT * FROM x), type::table($t)")).toMatchObject({
      from: [
        { kind: "record-id", key: { kind: "range" } },
        { kind: "array", items: [rid("person", "a")] },
        { kind: "subquery" },
        { kind: "call", name: "type::table" },
      ],
    });
  });

  it("refuses a repeated clause and a missing FROM", () => {
    expect(reason("SELECT * FROM t WHERE a WHERE b")).toBe("Unexpected token `WHERE`, expected `;`");
    expect(reason("SELECT * person")).toBe("Unexpected token `person`, expected `FROM`");
  });
});

describe("CREATE, UPDATE, UPSERT, DELETE", () => {
  it("CREATE with each data clause", () => {
    expect(statement("CREATE person:tobie SET name = 'Tobie', age += 1, tags -= 'x', seen +?= 2")).toEqual({
      kind: "create",
      only: false,
      targets: [rid("person", "tobie")],
      data: {
        kind: "set",
        assignments: [
          { target: field("name"), op: "=", value: lit("Tobie") },
          { target: field("age"), op: "+=", value: lit(1) },
          { target: field("tags"), op: "-=", value: lit("x") },
          { target: field("seen"), op: "+?=", value: lit(2) },
        ],
      },
    });
    for (const kind of ["CONTENT", "MERGE", "REPLACE", "PATCH"]) {
      expect(statement(`CREATE person ${kind} $d`)).toMatchObject({ data: { kind: kind.toLowerCase(), value: param("d") } });
    }
    expect(statement("UPDATE person UNSET a, b.c")).toMatchObject({ data: { kind: "unset", fields: [field("a"), field("b", "c")] } });
  });

  it("CREATE ONLY with RETURN, TIMEOUT and VERSION", () => {
    expect(statement("CREATE ONLY person CONTENT { a: 1 } RETURN AFTER TIMEOUT 1s VERSION $v")).toEqual({
      kind: "create",
      only: true,
      targets: [table("person")],
      data: { kind: "content", value: { kind: "object", entries: [{ key: "a", value: lit(1) }] } },
      output: { kind: "after" },
      timeout: lit(Duration.parse("1s")),
      version: param("v"),
    });
  });

  it("RETURN outputs", () => {
    for (const kind of ["none", "null", "before", "after", "diff"]) {
      expect(statement(`DELETE person RETURN ${kind.toUpperCase()}`)).toMatchObject({ output: { kind } });
    }
    expect(statement("UPDATE person SET a = 1 RETURN a, b AS c")).toMatchObject({
      output: { kind: "fields", projection: { kind: "fields", items: [{ kind: "expr", expr: field("a") }, { kind: "expr", expr: field("b"), alias: field("c") }] } },
    });
    expect(statement("UPDATE person SET a = 1 RETURN VALUE a")).toMatchObject({
      output: { kind: "fields", projection: { kind: "value", expr: field("a") } },
    });
  });

  it("UPDATE and UPSERT with WHERE", () => {
    expect(statement("UPDATE person MERGE $m WHERE age > 1 RETURN NONE")).toEqual({
      kind: "update",
      only: false,
      targets: [table("person")],
      data: { kind: "merge", value: param("m") },
      where: bin(">", field("age"), lit(1)),
      output: { kind: "none" },
    });
    expect(statement("UPSERT ONLY person:a SET n = 1")).toMatchObject({ kind: "upsert", only: true, targets: [rid("person", "a")] });
  });

  it("DELETE with FROM, ONLY and WHERE", () => {
    expect(statement("DELETE FROM ONLY person:a WHERE x = NONE RETURN BEFORE")).toEqual({
      kind: "delete",
      only: true,
      targets: [rid("person", "a")],
      where: bin("=", field("x"), lit(NONE)),
      output: { kind: "before" },
    });
  });

  it("refuses two data clauses", () => {
    expect(reason("CREATE person SET a = 1 CONTENT {}")).toBe("Unexpected token `CONTENT`, expected `;`");
  });
});

describe("INSERT", () => {
  it("a value, INTO a table or parameter", () => {
    expect(statement("INSERT INTO person { name: 'a' }")).toEqual({
      kind: "insert",
      relation: false,
      ignore: false,
      into: table("person"),
      data: { kind: "value", value: { kind: "object", entries: [{ key: "name", value: lit("a") }] } },
    });
    expect(statement("INSERT $b")).toEqual({ kind: "insert", relation: false, ignore: false, data: { kind: "value", value: param("b") } });
  });

  it("fields and VALUES rows", () => {
    expect(statement("INSERT INTO t (a, b.c) VALUES (1, 2), (3, 4)")).toMatchObject({
      into: table("t"),
      data: { kind: "values", fields: [field("a"), field("b", "c")], rows: [[lit(1), lit(2)], [lit(3), lit(4)]] },
    });
    expect(reason("INSERT INTO t (a, b) VALUES (1)")).toMatch(/Expected 2 values/);
  });

  it("IGNORE, RELATION, ON DUPLICATE KEY UPDATE", () => {
    expect(statement("INSERT IGNORE INTO t [{ a: 1 }] ON DUPLICATE KEY UPDATE n += 1, seen = $input.seen RETURN NONE")).toMatchObject({
      ignore: true,
      onDuplicate: [
        { target: field("n"), op: "+=", value: lit(1) },
        { target: field("seen"), op: "=", value: idiom(param("input"), { kind: "field", name: "seen" }) },
      ],
      output: { kind: "none" },
    });
    expect(statement("INSERT RELATION INTO likes { in: person:a, out: post:b }")).toMatchObject({ relation: true, into: table("likes") });
  });

  it("a subquery as the data", () => {
    expect(statement("INSERT INTO t (SELECT * FROM s)")).toMatchObject({ data: { kind: "value", value: { kind: "subquery" } } });
  });
});

describe("RELATE", () => {
  it("from, edge and to", () => {
    expect(statement("RELATE person:a->knows->person:b SET since = 2020")).toEqual({
      kind: "relate",
      only: false,
      from: rid("person", "a"),
      edge: table("knows"),
      to: rid("person", "b"),
      unique: false,
      data: { kind: "set", assignments: [{ target: field("since"), op: "=", value: lit(2020) }] },
    });
  });

  it("ends written backwards are put in order", () => {
    expect(statement("RELATE person:b<-knows<-person:a")).toMatchObject({ from: rid("person", "a"), to: rid("person", "b") });
  });

  it("parameters, arrays, subqueries, calls and edge record ids", () => {
    expect(statement("RELATE [person:a, person:b]->likes:1->(SELECT * FROM post) UNIQUE")).toMatchObject({
      from: { kind: "array" },
      edge: rid("likes", 1),
      to: { kind: "subquery" },
      unique: true,
    });
    expect(statement("RELATE type::thing('a', 1)->e->$b")).toMatchObject({ from: { kind: "call", name: "type::thing" }, to: param("b") });
  });

  it("refuses mixed arrows", () => {
    expect(reason("RELATE $a->e<-$b")).toBe("Unexpected token `<-`, expected `->`");
  });
});

describe("small statements", () => {
  it("LET with and without a type", () => {
    expect(statement("LET $x = 1")).toEqual({ kind: "let", name: "x", value: lit(1) });
    expect(statement("LET $x: int = 1")).toEqual({ kind: "let", name: "x", type: { kind: "named", name: "int" }, value: lit(1) });
    expect(reason("LET x = 1")).toMatch(/written with `\$`/);
  });

  it("RETURN with FETCH, THROW", () => {
    expect(statement("RETURN $p FETCH friends")).toEqual({ kind: "return", value: param("p"), fetch: [field("friends")] });
    expect(statement('THROW "boom"')).toEqual({ kind: "throw", value: lit("boom") });
  });

  it("transactions", () => {
    expect(statements("BEGIN; BEGIN TRANSACTION; COMMIT; COMMIT TRANSACTION; CANCEL; CANCEL TRANSACTION")).toEqual(
      ["begin", "begin", "commit", "commit", "cancel", "cancel"].map((kind) => ({ kind })),
    );
    expect(reason("{ BEGIN }")).toMatch(/only allowed at the top level/);
  });

  it("USE", () => {
    expect(statement("USE NS a DB b")).toEqual({ kind: "use", namespace: "a", database: "b" });
    expect(statement("USE NAMESPACE a")).toEqual({ kind: "use", namespace: "a" });
    expect(statement("USE DATABASE `b c`")).toEqual({ kind: "use", database: "b c" });
    expect(reason("USE")).toBe("Unexpected end of file, expected `NS` or `DB`");
  });

  it("INFO", () => {
    expect(statement("INFO FOR DB")).toEqual({ kind: "info", level: "database", structure: false });
    expect(statement("INFO FOR NAMESPACE")).toEqual({ kind: "info", level: "namespace", structure: false });
    expect(statement("INFO FOR ROOT STRUCTURE")).toEqual({ kind: "info", level: "root", structure: true });
    expect(statement("INFO FOR TABLE person")).toEqual({ kind: "info", level: "table", table: "person", structure: false });
    expect(reason("INFO FOR USER root")).toMatch(/not supported by Baton/);
  });

  it("LIVE and KILL", () => {
    expect(statement("LIVE SELECT * FROM person WHERE age > 1 FETCH friends")).toEqual({
      kind: "live",
      projection: all,
      from: table("person"),
      where: bin(">", field("age"), lit(1)),
      fetch: [field("friends")],
    });
    expect(statement("LIVE SELECT DIFF FROM $b")).toEqual({ kind: "live", projection: "diff", from: param("b") });
    expect(statement("KILL $id")).toEqual({ kind: "kill", id: param("id") });
  });

  it("expression statements", () => {
    expect(statement("time::now()")).toEqual({ kind: "expression", expr: { kind: "call", name: "time::now", args: [] } });
    expect(statement("person:tobie")).toEqual({ kind: "expression", expr: rid("person", "tobie") });
  });
});

describe("DEFINE and REMOVE", () => {
  it("DEFINE TABLE with every clause", () => {
    expect(statement("DEFINE TABLE person")).toEqual({ kind: "define-table", mode: "create", name: "person", drop: false, schemafull: false, tableType: "any" });
    expect(
      statement("DEFINE TABLE OVERWRITE likes DROP SCHEMAFULL TYPE RELATION IN person | user OUT post PERMISSIONS FOR select FULL, FOR create, update WHERE $auth.id = in COMMENT 'edges'"),
    ).toEqual({
      kind: "define-table",
      mode: "overwrite",
      name: "likes",
      drop: true,
      schemafull: true,
      tableType: "relation",
      relationIn: ["person", "user"],
      relationOut: ["post"],
      comment: "edges",
    });
    expect(statement("DEFINE TABLE IF NOT EXISTS e TYPE RELATION FROM a TO b SCHEMALESS PERMISSIONS NONE")).toMatchObject({
      mode: "if-not-exists",
      relationIn: ["a"],
      relationOut: ["b"],
    });
    expect(statement("DEFINE TABLE n TYPE NORMAL")).toMatchObject({ tableType: "normal" });
    expect(reason("DEFINE TABLE v AS SELECT * FROM t")).toBe("`AS` is not supported by Baton");
  });

  it("DEFINE FIELD with every clause", () => {
    expect(
      statement("DEFINE FIELD email ON TABLE user TYPE string DEFAULT ALWAYS 'x' VALUE string::lowercase($value) ASSERT $value != NONE READONLY PERMISSIONS FULL COMMENT 'e'"),
    ).toEqual({
      kind: "define-field",
      mode: "create",
      field: field("email"),
      table: "user",
      flexible: false,
      type: { kind: "named", name: "string" },
      default: lit("x"),
      defaultAlways: true,
      value: { kind: "call", name: "string::lowercase", args: [param("value")] },
      assert: bin("!=", param("value"), lit(NONE)),
      readonly: true,
      comment: "e",
    });
    expect(statement("DEFINE FIELD tags[*] ON t FLEXIBLE TYPE object")).toMatchObject({
      field: idiom(undefined, { kind: "field", name: "tags" }, { kind: "all" }),
      flexible: true,
    });
    expect(statement("DEFINE FIELD meta ON t TYPE option<object> FLEXIBLE")).toMatchObject({ flexible: true, type: { kind: "option" } });
  });

  it("DEFINE INDEX", () => {
    expect(statement("DEFINE INDEX email_idx ON user FIELDS email UNIQUE")).toEqual({
      kind: "define-index",
      mode: "create",
      name: "email_idx",
      table: "user",
      fields: [field("email")],
      unique: true,
    });
    expect(statement("DEFINE INDEX i ON TABLE t COLUMNS a, b.c")).toMatchObject({ fields: [field("a"), field("b", "c")], unique: false });
    expect(reason("DEFINE INDEX i ON t FIELDS a SEARCH ANALYZER x")).toBe("`SEARCH` is not supported by Baton");
    expect(reason("DEFINE INDEX i ON t UNIQUE")).toMatch(/at least one column/);
  });

  it("DEFINE FUNCTION and DEFINE PARAM", () => {
    expect(statement("DEFINE FUNCTION fn::greet::loud($name: string, $n) -> string { RETURN $name; } PERMISSIONS FULL COMMENT 'hi'")).toEqual({
      kind: "define-function",
      mode: "create",
      name: "greet::loud",
      params: [{ name: "name", type: { kind: "named", name: "string" } }, { name: "n" }],
      returns: { kind: "named", name: "string" },
      body: { statements: [{ kind: "return", value: param("name") }] },
      comment: "hi",
    });
    expect(statement("DEFINE PARAM $limit VALUE 10")).toEqual({ kind: "define-param", mode: "create", name: "limit", value: lit(10) });
    expect(reason("DEFINE FUNCTION greet() {}")).toMatch(/starting with `fn::`/);
  });

  it("keeps a definition's text in its span", () => {
    const text = "DEFINE FIELD a ON t TYPE int; RETURN 1";
    const [define] = parseQuery(text).statements;
    expect(text.slice(define?.span.start, define?.span.end)).toBe("DEFINE FIELD a ON t TYPE int");
  });

  it("REMOVE", () => {
    expect(statement("REMOVE TABLE person")).toEqual({ kind: "remove", what: "table", name: "person", ifExists: false });
    expect(statement("REMOVE FIELD IF EXISTS name.first ON TABLE person")).toEqual({
      kind: "remove",
      what: "field",
      name: "name.first",
      table: "person",
      ifExists: true,
    });
    expect(statement("REMOVE FIELD tags[*] ON t")).toMatchObject({ name: "tags[*]" });
    expect(statement("REMOVE INDEX i ON t")).toEqual({ kind: "remove", what: "index", name: "i", table: "t", ifExists: false });
    expect(statement("REMOVE FUNCTION fn::greet")).toEqual({ kind: "remove", what: "function", name: "greet", ifExists: false });
    expect(statement("REMOVE FUNCTION fn::a::b()")).toMatchObject({ name: "a::b" });
    expect(statement("REMOVE PARAM $x")).toEqual({ kind: "remove", what: "param", name: "x", ifExists: false });
  });
});

describe("statements Baton does not have", () => {
  it.each([
    ["FOR $x IN [1] { }", "The `FOR` statement is not supported by Baton"],
    ["ALTER TABLE t", "The `ALTER` statement is not supported by Baton"],
    ["SLEEP 1s", "The `SLEEP` statement is not supported by Baton"],
    ["OPTION IMPORT", "The `OPTION` statement is not supported by Baton"],
    ["SHOW CHANGES FOR TABLE t", "The `SHOW` statement is not supported by Baton"],
    ["REBUILD INDEX i ON t", "The `REBUILD` statement is not supported by Baton"],
    ["LET $x = FOR", "The `FOR` statement is not supported by Baton"],
    ["DEFINE USER u ON ROOT PASSWORD 'p'", "`DEFINE USER` is not supported by Baton"],
    ["DEFINE ACCESS a ON DATABASE TYPE RECORD", "`DEFINE ACCESS` is not supported by Baton"],
    ["DEFINE EVENT e ON t WHEN true THEN {}", "`DEFINE EVENT` is not supported by Baton"],
    ["DEFINE ANALYZER a", "`DEFINE ANALYZER` is not supported by Baton"],
    ["DEFINE NAMESPACE n", "`DEFINE NAMESPACE` is not supported by Baton"],
    ["REMOVE USER u ON ROOT", "`REMOVE USER` is not supported by Baton"],
  ])("%s", (text, message) => {
    expect(reason(text)).toBe(message);
  });

  it("sleep(…) stays a function call", () => {
    expect(statement("sleep(10ms)")).toMatchObject({ kind: "expression", expr: { kind: "call", name: "sleep" } });
  });
});
