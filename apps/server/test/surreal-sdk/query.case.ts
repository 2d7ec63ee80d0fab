// SurrealQL sent as the application writes it: db.query with bindings and several statements
// (`.collect()`, `.responses()`), the `surql` tag, let/unset variables, run(), and errors that
// leave the connection usable (reference sections 4 and 11).
import {
  DateTime,
  InternalError,
  NotFoundError,
  RecordId,
  surql,
  Table,
  ThrownError,
  ValidationError,
} from "surrealdb";
import { describe, expect, it } from "vitest";
import { rejection, uniqueTable, type SdkFixture } from "./sdk-fixture.js";

export function queryCases(baton: SdkFixture): void {
  describe("query", () => {
    it("bindings reach the statements; several statements answer one value each, in order", async () => {
      const db = await baton.connect();
      const t = uniqueTable("q");
      const rid = new RecordId(t, "a");
      const results = await db
        .query("CREATE $rid CONTENT $data; CREATE ONLY $other CONTENT { n: $n }; SELECT * FROM $tb WHERE n > $min; RETURN $n + 1", {
          rid,
          other: new RecordId(t, "b"),
          data: { n: 5 },
          n: 20,
          tb: new Table(t),
          min: 10,
        })
        .collect();
      expect(results).toEqualValue([
        [{ id: rid, n: 5 }],
        { id: new RecordId(t, "b"), n: 20 },
        [{ id: new RecordId(t, "b"), n: 20 }],
        21,
      ]);
    });

    it(".collect(i, j) picks statements by index", async () => {
      const db = await baton.connect();
      expect(await db.query("RETURN 'a'; RETURN 'b'; RETURN 'c'").collect(2, 0)).toEqualValue(["c", "a"]);
    });

    it("awaiting the query itself is .collect()", async () => {
      const db = await baton.connect();
      expect(await db.query("RETURN 1; RETURN [1, 2]; RETURN { a: 'b' }; RETURN NONE; RETURN NULL")).toEqualValue([
        1,
        [1, 2],
        { a: "b" },
        undefined,
        null,
      ]);
    });

    it(".responses() reports each statement: a failing one does not stop the next", async () => {
      const db = await baton.connect();
      const never = uniqueTable("nosuch");
      const responses = await db.query(`RETURN 1; THROW "boom"; SELECT * FROM ${never}; RETURN 2`).responses();
      expect(responses).toHaveLength(4);
      expect(responses[0]).toMatchObject({ success: true, result: 1, type: "other" });
      expect(responses[1]).toMatchObject({ success: false });
      const thrown = (responses[1] as { error: Error }).error;
      expect(thrown).toBeInstanceOf(ThrownError);
      expect(thrown.message).toBe("An error occurred: boom");
      expect(responses[2]).toMatchObject({ success: false });
      const missing = (responses[2] as { error: Error }).error;
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(missing).toMatchObject({ kind: "NotFound", details: { kind: "Table", details: { name: never } } });
      expect(responses[3]).toMatchObject({ success: true, result: 2, type: "other" });
    });

    it(".collect() rejects with the first failing statement's error", async () => {
      const db = await baton.connect();
      const error = await rejection(db.query('RETURN 1; THROW "boom"; RETURN 2').collect());
      expect(error).toBeInstanceOf(ThrownError);
      expect(error.message).toBe("An error occurred: boom");
    });

    it("the surql tag binds its interpolated values", async () => {
      const db = await baton.connect();
      const t = uniqueTable("tag");
      const rid = new RecordId(t, "x");
      const stamp = new DateTime([1_714_979_289n, 123_456_789n]);
      await db.query(surql`CREATE ${rid} CONTENT ${{ at: stamp, n: 3 }}`).collect();
      const [records, value] = await db.query(surql`SELECT * FROM ${new Table(t)} WHERE n >= ${3}; RETURN ${"it's \"quoted\""}`).collect();
      expect(records).toEqualValue([{ id: rid, at: stamp, n: 3 }]);
      expect(value).toBe("it's \"quoted\"");
    });

    it("a statement that writes and one that reads it in the same query see each other", async () => {
      const db = await baton.connect();
      const t = uniqueTable("seq");
      const [, , count] = await db
        .query(`CREATE ${t}:one SET n = 1; UPDATE ${t}:one SET n += 1; RETURN (SELECT VALUE n FROM ONLY ${t}:one)`)
        .collect();
      expect(count).toBe(2);
    });
  });

  describe("query: what applications write", () => {
    /** Five people p1..p5, aged 5, 15, 25, 35, 45, tagged "even"/"odd" by their number. */
    const seed = async (db: Awaited<ReturnType<SdkFixture["connect"]>>) => {
      const t = uniqueTable("app");
      for (let i = 1; i <= 5; i += 1) {
        const parity = i % 2 === 0 ? "even" : "odd";
        await db.create(new RecordId(t, `p${i}`)).content({ name: `p${i}`, age: i * 10 - 5, parity, tags: [parity] });
      }
      return t;
    };

    it("ORDER BY, LIMIT, IN, CONTAINS and a table named by type::table($tb)", async () => {
      const db = await baton.connect();
      const tb = await seed(db);
      const [oldest, chosen, even] = await db
        .query(
          "SELECT name, age FROM type::table($tb) ORDER BY age DESC LIMIT 2;" +
            " SELECT VALUE name FROM type::table($tb) WHERE name IN $names;" +
            " SELECT VALUE name FROM type::table($tb) WHERE tags CONTAINS 'even'",
          { tb, names: ["p1", "p3", "nobody"] },
        )
        .collect();
      expect(oldest).toEqualValue([{ name: "p5", age: 45 }, { name: "p4", age: 35 }]);
      expect(chosen).toEqualValue(["p1", "p3"]);
      expect(even).toEqualValue(["p2", "p4"]);
    });

    it("count() with GROUP ALL and GROUP BY, and math over a subquery", async () => {
      const db = await baton.connect();
      const tb = await seed(db);
      const [all, grouped, total] = await db
        .query(
          "SELECT count() FROM type::table($tb) GROUP ALL;" +
            " SELECT parity, count() AS n FROM type::table($tb) GROUP BY parity;" +
            " RETURN math::sum(SELECT VALUE age FROM type::table($tb))",
          { tb },
        )
        .collect();
      expect(all).toEqualValue([{ count: 5 }]);
      expect(grouped).toEqualValue([{ parity: "even", n: 2 }, { parity: "odd", n: 3 }]);
      expect(total).toBe(125);
    });

    it("UPDATE … SET … WHERE … RETURN AFTER, and LET statements inside the query", async () => {
      const db = await baton.connect();
      const tb = await seed(db);
      const results = await db
        .query("LET $young = 20; UPDATE type::table($tb) SET age += 1 WHERE age < $young RETURN AFTER; RETURN $young", { tb })
        .collect();
      expect(results).toEqualValue([
        undefined,
        [
          { id: new RecordId(tb, "p1"), name: "p1", age: 6, parity: "odd", tags: ["odd"] },
          { id: new RecordId(tb, "p2"), name: "p2", age: 16, parity: "even", tags: ["even"] },
        ],
        20,
      ]);
    });

    it("BEGIN … COMMIT in the text commits together; a failure inside cancels every statement of it", async () => {
      const db = await baton.connect();
      const t = uniqueTable("txtext");
      await db.create(new RecordId(t, "seed")).content({ n: 0 });
      await db.query(`BEGIN TRANSACTION; CREATE ${t}:a SET n = 1; UPDATE ${t}:a SET n = 2; COMMIT TRANSACTION;`).collect();
      expect(await db.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), n: 2 });
      const error = await rejection(
        db.query(`BEGIN TRANSACTION; CREATE ${t}:b SET n = 1; CREATE ${t}:a SET n = 3; COMMIT TRANSACTION;`).collect(),
      );
      expect(error).toMatchObject({ kind: expect.any(String) as string });
      expect(await db.select(new RecordId(t, "b"))).toBeUndefined();
      expect(await db.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), n: 2 });
    });

    it("many queries in flight on one connection each get their own answer", async () => {
      const db = await baton.connect();
      const t = uniqueTable("flight");
      await db.create(new RecordId(t, "seed")).content({ i: -1 });
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => db.create<{ i: number }>(new RecordId(t, `k${String(i).padStart(2, "0")}`)).content({ i })),
      );
      expect(created.map((record) => record.i)).toEqualValue(Array.from({ length: 20 }, (_, i) => i));
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => db.query("RETURN $i * 2", { i }).collect()));
      expect(answers).toEqualValue(Array.from({ length: 20 }, (_, i) => [i * 2]));
      const read = await Promise.all(Array.from({ length: 20 }, (_, i) => db.select<{ i: number }>(new RecordId(t, `k${String(i).padStart(2, "0")}`))));
      expect(read.map((record) => record?.i)).toEqualValue(Array.from({ length: 20 }, (_, i) => i));
      expect(await db.select(new Table(t))).toHaveLength(21);
    });

    it("concurrent first writes to a table that does not exist yet all succeed", async () => {
      const db = await baton.connect();
      const t = uniqueTable("race");
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => db.create<{ i: number }>(new RecordId(t, `k${String(i).padStart(2, "0")}`)).content({ i })),
      );
      expect(created.map((record) => record.i)).toEqualValue(Array.from({ length: 20 }, (_, i) => i));
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => db.query("RETURN $i * 2", { i }).collect()));
      expect(answers).toEqualValue(Array.from({ length: 20 }, (_, i) => [i * 2]));
      expect(await db.select(new Table(t))).toHaveLength(20);
    });

    it(".json() gives SurrealDB's JSON forms of the values", async () => {
      const db = await baton.connect();
      const t = uniqueTable("json");
      const rid = new RecordId(t, "j");
      await db.create(rid).content({ at: new DateTime([1_714_979_289n, 123_456_789n]), n: 1 });
      expect(await db.select(rid).json()).toEqualValue({ id: `${t}:j`, at: "2024-05-06T07:08:09.123456789Z", n: 1 });
    });
  });

  describe("let and unset", () => {
    it("a variable set with let is seen by later queries as $name; unset removes it", async () => {
      const db = await baton.connect();
      await db.set("x", 5);
      expect(db.parameters).toEqualValue({ x: 5 });
      expect(await db.query("RETURN $x").collect()).toEqualValue([5]);
      await db.unset("x");
      expect(await db.query("RETURN $x").collect()).toEqualValue([undefined]);
    });

    it("variables hold typed values, and a query binding of the same name wins for that query", async () => {
      const db = await baton.connect();
      const t = uniqueTable("vars");
      const rid = new RecordId(t, "v");
      await db.create(rid).content({ n: 1 });
      await db.set("rec", rid);
      expect(await db.query("SELECT * FROM ONLY $rec").collect()).toEqualValue([{ id: rid, n: 1 }]);
      expect(await db.query("RETURN $rec", { rec: "override" }).collect()).toEqualValue(["override"]);
      expect(await db.query("RETURN $rec").collect()).toEqualValue([rid]);
    });
  });

  describe("run", () => {
    it("run('time::now') answers the server's current DateTime", async () => {
      const db = await baton.connect();
      const before = Date.now();
      const now = await db.run<DateTime>("time::now");
      const after = Date.now();
      expect(now).toBeInstanceOf(DateTime);
      const ms = now.toDate().getTime();
      expect(ms).toBeGreaterThanOrEqual(before - 1);
      expect(ms).toBeLessThanOrEqual(after + 1);
    });

    it("run('math::sum', [[1, 2, 3]]) answers 6; string functions take their arguments", async () => {
      const db = await baton.connect();
      expect(await db.run("math::sum", [[1, 2, 3]])).toBe(6);
      expect(await db.run("string::uppercase", ["abc"])).toBe("ABC");
      expect(await db.run("array::len", [[1, 2, 3, 4]])).toBe(4);
    });

    it("run('fn::missing') is an error naming the function, and the connection stays usable", async () => {
      const db = await baton.connect();
      const error = await rejection(db.run("fn::missing"));
      expect(error).toBeInstanceOf(InternalError);
      expect(error.message).toBe("Function 'fn::missing' not found: The function 'fn::missing' does not exist");
      expect(await db.run("math::sum", [[4, 5]])).toBe(9);
    });
  });

  describe("errors leave the connection usable", () => {
    it("a parse error fails the whole call as a ValidationError; the next query runs", async () => {
      const db = await baton.connect();
      const error = await rejection(db.query("SELECT * FROM person WHERE (").collect());
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/^Parse error: /);
      expect((error as ValidationError).isParseError).toBe(true);
      expect(await db.query("RETURN 'still here'").collect()).toEqualValue(["still here"]);
    });

    it("a thrown error, a duplicate and a missing table in turn; each time the next call works", async () => {
      const db = await baton.connect();
      const t = uniqueTable("err");
      expect(await rejection(db.query('THROW "first"').collect())).toBeInstanceOf(ThrownError);
      await db.create(new RecordId(t, "a")).content({ n: 1 });
      expect(await rejection(db.create(new RecordId(t, "a")).content({ n: 2 }))).toMatchObject({ kind: "AlreadyExists" });
      expect(await rejection(db.select(new Table(uniqueTable("gone"))))).toMatchObject({ kind: "NotFound" });
      expect(await db.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
      expect(db.isConnected).toBe(true);
    });
  });
}
