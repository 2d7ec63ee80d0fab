// Graph edges through the SDK: relate compiles to `RELATE  [ONLY ]$b->$b->$b [CONTENT $b]` (one
// edge object for single ends, an array otherwise) and insert(…).relation() to
// `INSERT RELATION INTO $b $b` (always an array); edges carry id, in, out and their data.
import { RecordId, Table } from "surrealdb";
import { describe, expect, it } from "vitest";
import { RANDOM_KEY, uniqueTable, withoutId, type SdkFixture } from "./sdk-fixture.js";

export function relateCases(baton: SdkFixture): void {
  describe("relate and insert relation", () => {
    /** Three people and an edge table name. */
    const people = async (db: Awaited<ReturnType<SdkFixture["connect"]>>) => {
      const [person, likes] = [uniqueTable("person"), uniqueTable("likes")];
      const [a, b, c] = ["a", "b", "c"].map((key) => new RecordId(person, key)) as [RecordId, RecordId, RecordId];
      for (const rid of [a, b, c]) await db.create(rid).content({ name: rid.toString() });
      return { likes, a, b, c };
    };

    it("relate(a, table, b, data) answers one edge with a generated id, in, out and the data", async () => {
      const db = await baton.connect();
      const { likes, a, b } = await people(db);
      const edge = await db.relate<{ id: RecordId; weight: number }>(a, new Table(likes), b, { weight: 1 });
      expect(edge).toBeTypeOf("object");
      expect(Array.isArray(edge)).toBe(false);
      const { id, ...rest } = edge;
      expect(id).toBeInstanceOf(RecordId);
      expect(id.table.name).toBe(likes);
      expect(id.id).toMatch(RANDOM_KEY);
      expect(rest).toEqualValue({ in: a, out: b, weight: 1 });
      expect(await db.select(new Table(likes))).toEqualValue([edge]);
    });

    it("relate with a RecordId edge uses that id; without data the edge holds only id, in and out", async () => {
      const db = await baton.connect();
      const { likes, a, c } = await people(db);
      const edgeId = new RecordId(likes, "given");
      expect(await db.relate(a, edgeId, c)).toEqualValue({ id: edgeId, in: a, out: c });
      expect(await db.select(edgeId)).toEqualValue({ id: edgeId, in: a, out: c });
    });

    it("relate([a, b], table, [c]) answers an array with one edge per pair", async () => {
      const db = await baton.connect();
      const { likes, a, b, c } = await people(db);
      const edges = await db.relate([a, b], new Table(likes), [c], { since: 2024 });
      expect(Array.isArray(edges)).toBe(true);
      expect(edges).toHaveLength(2);
      const shapes = edges.map((edge) => withoutId(edge)).sort((x, y) => String(x["in"]).localeCompare(String(y["in"])));
      expect(shapes).toEqualValue([
        { in: a, out: c, since: 2024 },
        { in: b, out: c, since: 2024 },
      ]);
      expect(await db.select(new Table(likes))).toHaveLength(2);
    });

    it("insert(table, edges).relation() answers an array of edges", async () => {
      const db = await baton.connect();
      const { likes, a, b, c } = await people(db);
      const one = await db.insert(new Table(likes), { in: a, out: b, w: 2 }).relation();
      expect(one).toHaveLength(1);
      expect(withoutId(one[0])).toEqualValue({ in: a, out: b, w: 2 });
      expect(one[0]?.id.table.name).toBe(likes);
      const many = await db.insert(new Table(likes), [{ id: "r9", in: b, out: c }, { in: c, out: a, w: 3 }]).relation();
      expect(many).toHaveLength(2);
      expect(many[0]).toEqualValue({ id: new RecordId(likes, "r9"), in: b, out: c });
      expect(withoutId(many[1])).toEqualValue({ in: c, out: a, w: 3 });
      expect(await db.select(new Table(likes))).toHaveLength(3);
    });

    it("the edges are reachable from SurrealQL: `->likes->person` from a record", async () => {
      const db = await baton.connect();
      const { likes, a, b, c } = await people(db);
      await db.relate(a, new Table(likes), b);
      await db.relate(a, new Table(likes), c);
      const [out] = await db.query(`SELECT VALUE ->${likes}->? FROM ONLY $a`, { a }).collect<[RecordId[]]>();
      expect([...out].sort((x, y) => x.toString().localeCompare(y.toString()))).toEqualValue([b, c]);
    });
  });
}
