// The executor on a real SQLite store: each statement kind, results per statement, transactions,
// definitions, graph paths and the pushed-down WHERE giving the same records as the evaluated one.
import { NONE, RecordId, Table } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryFixture, type QueryFixture } from "../test-support/query-fixture.js";

let db: QueryFixture;

beforeEach(async () => {
  db = await queryFixture();
});

afterEach(async () => {
  await db.dispose();
});

const person = (key: string | number) => new RecordId("person", key);

describe("results per statement", () => {
  it("gives one OK entry per statement with a time the SDK can parse", async () => {
    const results = await db.query("RETURN 1; RETURN 'two'; 1 + 2");
    expect(results.map((entry) => [entry.status, entry.result])).toEqual([
      ["OK", 1],
      ["OK", "two"],
      ["OK", 3],
    ]);
    for (const entry of results) expect(entry.time).toMatch(/^\d+(\.\d+)?(ns|µs|ms|s)$/);
  });

  it("reports a failing statement and runs the ones after it", async () => {
    const results = await db.query("THROW 'boom'; RETURN 2");
    expect(results[0]).toMatchObject({ status: "ERR", result: "An error occurred: boom", kind: "Thrown" });
    expect(results[1]).toMatchObject({ status: "OK", result: 2 });
  });

  it("binds variables and LET for the rest of the query", async () => {
    expect(await db.value("LET $x = $a * 2; RETURN $x + 1", { a: 20 })).toBe(41);
  });
});

describe("CREATE and SELECT", () => {
  it("creates with given, numeric and generated ids, ONLY giving one object", async () => {
    expect(await db.value("CREATE ONLY person:tobie CONTENT { name: 'Tobie' }")).toEqual({ id: person("tobie"), name: "Tobie" });
    // A table keeps one key kind (docs/record-model.md): numeric ids go to a table of their own.
    expect(await db.value("CREATE numbered:7 SET name = 'Seven', age = 7")).toEqual([{ id: new RecordId("numbered", 7), name: "Seven", age: 7 }]);
    const [generated] = (await db.value("CREATE person SET name = 'Gen'")) as { id: RecordId }[];
    expect(generated?.id.table).toBe("person");
    expect(generated?.id.id as string).toMatch(/^[0-9a-z]{20}$/);
  });

  it("refuses a taken id with SurrealDB's AlreadyExists error", async () => {
    await db.value("CREATE person:a");
    const [entry] = await db.query("CREATE person:a");
    expect(entry).toMatchObject({ status: "ERR", kind: "AlreadyExists", result: "Database record `person:a` already exists" });
  });

  it("selects with WHERE, ORDER, LIMIT, START, projections and VALUE", async () => {
    await db.value("INSERT INTO person [{ id: 1, name: 'a', age: 30 }, { id: 2, name: 'b', age: 20 }, { id: 3, name: 'c', age: 40 }]");
    expect(await db.value("SELECT name FROM person WHERE age > 25 ORDER BY age DESC")).toEqual([{ name: "c" }, { name: "a" }]);
    expect(await db.value("SELECT VALUE name FROM person ORDER BY name LIMIT 2 START 1")).toEqual(["b", "c"]);
    expect(await db.value("SELECT name AS n, age + 1 AS next FROM person:2")).toEqual([{ n: "b", next: 21 }]);
    expect(await db.value("SELECT * FROM ONLY person:3")).toEqual({ id: person(3), name: "c", age: 40 });
    expect(await db.value("SELECT * FROM ONLY person:9")).toBe(NONE);
    expect(await db.value("SELECT type::fields($f) FROM $t WHERE age < $max", { f: ["name"], t: new Table("person"), max: 35 })).toEqual([
      { name: "a" },
      { name: "b" },
    ]);
    expect(await db.value("SELECT VALUE type::field($f) FROM ONLY $r", { f: "age", r: person(1) })).toBe(30);
  });

  it("refuses ONLY with more than one result", async () => {
    await db.value("CREATE person:1; CREATE person:2");
    const [entry] = await db.query("SELECT * FROM ONLY person");
    expect(entry).toMatchObject({ status: "ERR", result: "Expected a single result output when using the ONLY keyword" });
  });

  it("groups with count() and math aggregates", async () => {
    await db.value("INSERT INTO person [{ city: 'x', age: 10 }, { city: 'x', age: 30 }, { city: 'y', age: 5 }]");
    expect(await db.value("SELECT city, count() AS n, math::sum(age) AS total FROM person GROUP BY city")).toEqual([
      { city: "x", n: 2, total: 40 },
      { city: "y", n: 1, total: 5 },
    ]);
    expect(await db.value("SELECT count() FROM person GROUP ALL")).toEqual([{ count: 3 }]);
  });

  it("fetches record links", async () => {
    await db.value("CREATE person:1 SET name = 'a'; CREATE post:1 SET author = person:1");
    expect(await db.value("SELECT * FROM post FETCH author")).toEqual([{ id: new RecordId("post", 1), author: { id: person(1), name: "a" } }]);
    expect(await db.value("SELECT author.name AS name FROM post")).toEqual([{ name: "a" }]);
  });
});

describe("UPDATE, UPSERT, DELETE", () => {
  beforeEach(async () => {
    await db.value("CREATE person:1 SET name = 'a', tags = ['x'], n = 1");
  });

  it("updates with SET operators, MERGE, CONTENT and PATCH", async () => {
    expect(await db.value("UPDATE ONLY person:1 SET n += 2, tags += 'y', tags -= 'x'")).toEqual({ id: person(1), name: "a", tags: ["y"], n: 3 });
    expect(await db.value("UPDATE ONLY person:1 MERGE { extra: { deep: true } }")).toMatchObject({ extra: { deep: true }, n: 3 });
    expect(await db.value("UPDATE ONLY person:1 CONTENT { only: 1 }")).toEqual({ id: person(1), only: 1 });
    expect(await db.value("UPDATE ONLY person:1 PATCH [{ op: 'add', path: '/p', value: 2 }]")).toEqual({ id: person(1), only: 1, p: 2 });
    expect(await db.value("UPDATE ONLY person:1 SET p = 3 RETURN DIFF")).toEqual([{ op: "replace", path: "/p", value: 3 }]);
    expect(await db.value("UPDATE ONLY person:1 SET p = 4 RETURN BEFORE")).toMatchObject({ p: 3 });
    expect(await db.value("UPDATE person:1 SET p = 5 RETURN NONE")).toEqual([]);
  });

  it("never creates with UPDATE; UPSERT creates and updates", async () => {
    expect(await db.value("UPDATE ONLY person:2 SET name = 'b'")).toBe(NONE);
    expect(await db.value("UPSERT ONLY person:2 SET name = 'b'")).toEqual({ id: person(2), name: "b" });
    expect(await db.value("UPSERT ONLY person:2 MERGE { age: 3 }")).toEqual({ id: person(2), name: "b", age: 3 });
  });

  it("updates a table with WHERE and deletes with RETURN BEFORE", async () => {
    await db.value("CREATE person:2 SET name = 'b', n = 5");
    expect(await db.value("UPDATE person SET big = true WHERE n > 2")).toEqual([{ id: person(2), name: "b", n: 5, big: true }]);
    expect(await db.value("DELETE person:2 RETURN BEFORE")).toEqual([{ id: person(2), name: "b", n: 5, big: true }]);
    expect(await db.value("DELETE person")).toEqual([]);
    expect(await db.value("SELECT * FROM person")).toEqual([]);
  });
});

describe("INSERT and RELATE", () => {
  it("inserts objects, VALUES rows, IGNORE and ON DUPLICATE KEY UPDATE", async () => {
    expect(await db.value("INSERT INTO person { id: 'x', n: 1 }")).toEqual([{ id: person("x"), n: 1 }]);
    expect(await db.value("INSERT INTO person (id, n) VALUES ('y', 2), ('z', 3)")).toHaveLength(2);
    expect(await db.value("INSERT IGNORE INTO person { id: 'x', n: 9 }")).toEqual([]);
    expect(await db.value("INSERT INTO person { id: 'x', n: 9 } ON DUPLICATE KEY UPDATE n += $input.n")).toEqual([{ id: person("x"), n: 10 }]);
    const [entry] = await db.query("INSERT INTO person { id: 'x' }");
    expect(entry).toMatchObject({ status: "ERR", kind: "AlreadyExists" });
  });

  it("relates records and walks the graph both ways", async () => {
    await db.value("CREATE person:a, person:b, person:c");
    expect(await db.value("RELATE ONLY person:a->knows->person:b SET since = 2020")).toMatchObject({ in: person("a"), out: person("b"), since: 2020 });
    await db.value("RELATE person:a->knows->person:c; INSERT RELATION INTO knows { in: person:b, out: person:c }");
    // Edges come in the order of their (generated) ids, so compare the ends as sets.
    const ends = (value: unknown) => (value as RecordId[]).map((id) => id.id as string).sort();
    expect(ends(await db.value("SELECT VALUE ->knows->person FROM ONLY person:a"))).toEqual(["b", "c"]);
    expect(ends(await db.value("SELECT VALUE <-knows<-person FROM ONLY person:c"))).toEqual(["a", "b"]);
    expect(await db.value("RETURN person:a->knows->person->knows->person")).toEqual([person("c")]);
    const [row] = (await db.value("SELECT ->knows->person AS friends FROM person:a")) as { friends: RecordId[] }[];
    expect(ends(row?.friends)).toEqual(["b", "c"]);
  });
});

describe("transactions inside a query", () => {
  it("commits every statement of BEGIN … COMMIT", async () => {
    const results = await db.query("BEGIN; CREATE person:1; CREATE person:2; COMMIT;");
    expect(results.map((entry) => entry.status)).toEqual(["OK", "OK"]);
    expect(await db.value("SELECT VALUE id FROM person")).toEqual([person(1), person(2)]);
  });

  it("keeps nothing of a failed or cancelled transaction", async () => {
    const failed = await db.query("BEGIN; CREATE person:1; THROW 'no'; CREATE person:2; COMMIT; RETURN 5");
    expect(failed.map((entry) => entry.status)).toEqual(["ERR", "ERR", "ERR", "OK"]);
    expect(failed[0]?.result).toBe("The query was not executed due to a failed transaction");
    expect(failed[1]?.result).toBe("An error occurred: no");
    const cancelled = await db.query("BEGIN; CREATE person:3; CANCEL");
    expect(cancelled[0]?.result).toBe("The query was not executed due to a cancelled transaction");
    // Nothing was kept, not even the table the transactions made.
    const [select] = await db.query("SELECT * FROM person");
    expect(select).toMatchObject({ status: "ERR", kind: "NotFound", result: "The table 'person' does not exist" });
  });

  it("rolls a failing statement back on its own outside a transaction", async () => {
    await db.query("CREATE person:1 SET n = 1; UPDATE person:1 SET n = 2, m = <int> 'x'");
    expect(await db.value("SELECT VALUE n FROM person:1")).toEqual([1]);
  });
});

describe("definitions", () => {
  it("applies DEFINE FIELD defaults, types and assertions", async () => {
    await db.value("DEFINE TABLE user SCHEMAFULL; DEFINE FIELD name ON user TYPE string; DEFINE FIELD age ON user TYPE int DEFAULT 18 ASSERT $value >= 0");
    expect(await db.value("CREATE ONLY user:1 SET name = 'a'")).toEqual({ id: new RecordId("user", 1), name: "a", age: 18 });
    const [badType] = await db.query("CREATE user:2 SET name = 1");
    expect(badType?.status).toBe("ERR");
    const [badAssert] = await db.query("CREATE user:3 SET name = 'c', age = -1");
    expect(badAssert?.status).toBe("ERR");
    const [undefinedField] = await db.query("CREATE user:4 SET name = 'd', other = 1");
    expect(undefinedField?.result).toBe("Found field 'other', but no such field exists for table 'user'");
    expect(await db.value("SELECT * FROM user")).toHaveLength(1);
  });

  it("enforces UNIQUE indexes", async () => {
    await db.value("DEFINE INDEX email ON person FIELDS email UNIQUE; CREATE person:1 SET email = 'a@x'");
    const [entry] = await db.query("CREATE person:2 SET email = 'a@x'");
    expect(entry).toMatchObject({ status: "ERR", kind: "AlreadyExists" });
    expect(entry?.result).toContain("Database index `email` already contains 'a@x'");
    expect(await db.value("UPDATE ONLY person:1 SET email = 'a@x', n = 1")).toMatchObject({ n: 1 });
  });

  it("runs DEFINE FUNCTION and DEFINE PARAM, and lists them in INFO FOR DB", async () => {
    await db.value("DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hello, ' + $name + '!'; }; DEFINE PARAM $answer VALUE 42");
    expect(await db.value("RETURN fn::greet('Tobie')")).toBe("Hello, Tobie!");
    expect(await db.value("RETURN $answer")).toBe(42);
    const info = (await db.value("INFO FOR DB")) as { functions: Record<string, string>; params: Record<string, string> };
    expect(Object.keys(info.functions)).toEqual(["greet"]);
    expect(Object.keys(info.params)).toEqual(["answer"]);
    const [missing] = await db.query("RETURN fn::nope()");
    expect(missing?.result).toBe("Function 'fn::nope' not found: The function 'fn::nope' does not exist");
  });

  it("defines a table that SELECT sees empty, and removes it", async () => {
    await db.value("DEFINE TABLE empty");
    expect(await db.value("SELECT * FROM empty")).toEqual([]);
    const [again] = await db.query("DEFINE TABLE empty");
    expect(again?.result).toBe("The table 'empty' already exists");
    await db.value("DEFINE TABLE IF NOT EXISTS empty; REMOVE TABLE empty");
    const [gone] = await db.query("REMOVE TABLE empty");
    expect(gone?.result).toBe("The table 'empty' does not exist");
  });
});

describe("expressions", () => {
  it("evaluates IF, blocks, casts, ?? and ?: and paths", async () => {
    expect(await db.value("IF 1 > 2 THEN 'a' ELSE IF 2 > 1 THEN 'b' ELSE 'c' END")).toBe("b");
    expect(await db.value("{ LET $x = 2; RETURN $x * 3; }")).toBe(6);
    expect(await db.value("RETURN <int> '42'")).toBe(42);
    expect(await db.value("RETURN NONE ?? 'x'")).toBe("x");
    expect(await db.value("RETURN 0 ?: 'y'")).toBe("y");
    expect(await db.value("RETURN { a: [{ b: 1 }, { b: 2 }] }.a[*].b")).toEqual([1, 2]);
    expect(await db.value("RETURN [1, 2, 3, 4][WHERE $this > 2]")).toEqual([3, 4]);
    expect(await db.value("RETURN 'abc'.len()")).toBe(3);
  });

  it("answers $auth as NONE for root and runs functions without a tenant", async () => {
    expect(await db.value("SELECT * FROM ONLY $auth")).toBe(NONE);
    expect(await db.value("math::sum([1, 2, 3], )")).toBe(6);
  });
});

describe("pushed-down WHERE", () => {
  it("gives the same records as evaluating WHERE on every record", async () => {
    await db.value(
      "INSERT INTO item [{ id: 1, n: 1 }, { id: 2, n: 2.5 }, { id: 3, n: 'x' }, { id: 4 }, { id: 5, n: NULL }, { id: 6, n: 10 }, { id: 7, n: true }]",
    );
    for (const where of ["n > 2", "n < 3", "n = 1", "n != 1", "n >= 'a'", "!(n > 2)", "n > 2 AND n < 20", "n = 1 OR n = 10", "n <= 2.5 AND id != item:1"]) {
      const pushed = await db.value(`SELECT VALUE id FROM item WHERE ${where}`);
      const evaluated = await db.value(`SELECT VALUE id FROM (SELECT * FROM item) WHERE ${where}`);
      expect({ where, ids: pushed }).toEqual({ where, ids: evaluated });
    }
    // SurrealDB's order puts strings after numbers: 2.5, 'x' and 10 are all > 1.
    expect(await db.value("SELECT VALUE id FROM item WHERE n > 1 LIMIT 1 START 1")).toEqual([new RecordId("item", 3)]);
  });
});

describe("what a query may not do", () => {
  it("refuses USE inside BEGIN … COMMIT, blocks and functions, where the store is already chosen", async () => {
    const inBlock = await db.query("BEGIN; USE NS other DB other; CREATE t:1; COMMIT;");
    expect(inBlock[0]?.result).toContain("USE is allowed only");
    expect(inBlock[1]).toMatchObject({ status: "ERR", result: "The query was not executed due to a failed transaction" });
    await db.value("DEFINE FUNCTION fn::switch() { USE NS other DB other; RETURN 1; }");
    const [call] = await db.query("RETURN fn::switch()");
    expect(call?.result).toContain("USE is allowed only");
    expect(await db.value("USE NS test DB test")).toEqual({ namespace: "test", database: "test" });
  });

  it("stores a DEFINE run inside a function body as its own text", async () => {
    await db.value("RETURN 'a long prefix that shifts every offset of this query'; DEFINE FUNCTION fn::mk() { DEFINE FIELD a ON t TYPE int; RETURN 1; }");
    expect(await db.value("RETURN fn::mk()")).toBe(1);
    const info = (await db.value("INFO FOR TABLE t")) as { fields: Record<string, string> };
    expect(info.fields).toEqual({ a: "DEFINE FIELD a ON t TYPE int PERMISSIONS FULL" });
    expect(await db.value("CREATE ONLY t:1 SET a = 1")).toEqual({ id: new RecordId("t", 1), a: 1 });
  });

  it("reads DEFINE PARAM arrays, objects and record ids back as they were defined", async () => {
    await db.value("DEFINE PARAM $p VALUE [1, 2]; DEFINE PARAM $o VALUE { a: 1 }; DEFINE PARAM $r VALUE person:1");
    expect(await db.value("RETURN [$p, $o, $r]")).toEqual([[1, 2], { a: 1 }, person(1)]);
  });

  it("answers a very long operator chain with a clear error, not an internal one", async () => {
    const [entry] = await db.query(`RETURN ${Array.from({ length: 50_000 }, () => "1").join(" + ")}`);
    expect(entry?.status).toBe("ERR");
    expect(entry).not.toMatchObject({ kind: "Internal" });
  });
});

describe("variables of a transaction that did not commit", () => {
  it("drops the LETs of a failed or cancelled BEGIN block", async () => {
    const results = await db.query("LET $x = 1; BEGIN; LET $x = 5; THROW 'no'; COMMIT; RETURN $x; BEGIN; LET $x = 7; CANCEL; RETURN $x");
    expect(results.filter((entry) => entry.status === "OK").map((entry) => entry.result)).toEqual([NONE, 1, 1]);
  });
});
