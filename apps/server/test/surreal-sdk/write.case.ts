// insert, update, upsert and delete through the SDK's builders (reference 11.1 and 11.3): INSERT
// always answers an array, UPDATE ONLY of a missing record undefined, UPSERT creates, DELETE
// answers the state before.
import { AlreadyExistsError, BoundIncluded, gte, RecordId, RecordIdRange, Table } from "surrealdb";
import { describe, expect, it } from "vitest";
import { RANDOM_KEY, rejection, uniqueTable, withoutId, type SdkFixture } from "./sdk-fixture.js";

export function insertCases(baton: SdkFixture): void {
  describe("insert", () => {
    it("insert(table, object) inserts one record and answers an array of it; a plain id becomes the key", async () => {
      const db = await baton.connect();
      const t = uniqueTable("ins");
      expect(await db.insert(new Table(t), { id: "i1", n: 10 })).toEqualValue([{ id: new RecordId(t, "i1"), n: 10 }]);
      expect(await db.select(new RecordId(t, "i1"))).toEqualValue({ id: new RecordId(t, "i1"), n: 10 });
    });

    it("insert(table, array) inserts in bulk, generating the ids not given", async () => {
      const db = await baton.connect();
      const t = uniqueTable("bulk");
      const inserted = await db.insert(new Table(t), [{ id: "a", n: 1 }, { n: 2 }, { id: "c", n: 3 }]);
      expect(inserted).toHaveLength(3);
      expect(inserted[0]).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
      expect(inserted[1]?.id.table.name).toBe(t);
      expect(inserted[1]?.id.id).toMatch(RANDOM_KEY);
      expect(withoutId(inserted[1])).toEqualValue({ n: 2 });
      expect(inserted[2]).toEqualValue({ id: new RecordId(t, "c"), n: 3 });
      expect(await db.select(new Table(t))).toHaveLength(3);
    });

    it("insert(data) without a table takes each record's table from its RecordId", async () => {
      const db = await baton.connect();
      const [t, u] = [uniqueTable("left"), uniqueTable("right")];
      const inserted = await db.insert([{ id: new RecordId(t, "x"), n: 1 }, { id: new RecordId(u, "y"), n: 2 }]);
      expect(inserted).toEqualValue([{ id: new RecordId(t, "x"), n: 1 }, { id: new RecordId(u, "y"), n: 2 }]);
      expect(await db.select(new RecordId(u, "y"))).toEqualValue({ id: new RecordId(u, "y"), n: 2 });
    });

    it("inserting an existing id is AlreadyExistsError; .ignore() skips it and keeps the stored record", async () => {
      const db = await baton.connect();
      const t = uniqueTable("insdup");
      await db.insert(new Table(t), { id: "a", n: 1 });
      const error = await rejection(db.insert(new Table(t), { id: "a", n: 2 }));
      expect(error).toBeInstanceOf(AlreadyExistsError);
      expect(error).toMatchObject({ kind: "AlreadyExists", details: { kind: "Record", details: { id: `${t}:a` } } });
      expect(await db.insert(new Table(t), [{ id: "a", n: 3 }, { id: "b", n: 4 }]).ignore()).toEqualValue([
        { id: new RecordId(t, "b"), n: 4 },
      ]);
      expect(await db.select(new Table(t))).toEqualValue([
        { id: new RecordId(t, "a"), n: 1 },
        { id: new RecordId(t, "b"), n: 4 },
      ]);
    });
  });
}

export function updateCases(baton: SdkFixture): void {
  describe("update", () => {
    it("content replaces the whole record, keeping its id", async () => {
      const db = await baton.connect();
      const t = uniqueTable("upd");
      const rid = new RecordId(t, "a");
      await db.create(rid).content({ name: "A", age: 30, tags: ["x"] });
      expect(await db.update(rid).content({ name: "B" })).toEqualValue({ id: rid, name: "B" });
      expect(await db.select(rid)).toEqualValue({ id: rid, name: "B" });
    });

    it("merge deep-merges objects and keeps the other fields", async () => {
      const db = await baton.connect();
      const t = uniqueTable("merge");
      const rid = new RecordId(t, "a");
      await db.create(rid).content({ name: "B", address: { city: "X", zip: "1" } });
      expect(await db.update(rid).merge({ address: { city: "Y" }, age: 31 })).toEqualValue({
        id: rid,
        name: "B",
        address: { city: "Y", zip: "1" },
        age: 31,
      });
    });

    it("replace replaces the whole record", async () => {
      const db = await baton.connect();
      const t = uniqueTable("repl");
      const rid = new RecordId(t, "a");
      await db.create(rid).content({ name: "B", age: 31 });
      expect(await db.update(rid).replace({ name: "C" })).toEqualValue({ id: rid, name: "C" });
      expect(await db.select(rid)).toEqualValue({ id: rid, name: "C" });
    });

    it("patch applies JSON Patch operations", async () => {
      const db = await baton.connect();
      const t = uniqueTable("patch");
      const rid = new RecordId(t, "a");
      await db.create(rid).content({ name: "C", tags: ["x"], gone: true });
      const patched = await db.update(rid).patch([
        { op: "replace", path: "/name", value: "D" },
        { op: "add", path: "/age", value: 1 },
        { op: "add", path: "/tags/-", value: "y" },
        { op: "remove", path: "/gone" },
      ]);
      expect(patched).toEqualValue({ id: rid, name: "D", age: 1, tags: ["x", "y"] });
    });

    it("a missing record is undefined and is not created", async () => {
      const db = await baton.connect();
      const t = uniqueTable("ghost");
      await db.create(new RecordId(t, "real")).content({ n: 0 });
      expect(await db.update(new RecordId(t, "ghost")).merge({ n: 1 })).toBeUndefined();
      expect(await db.update(new RecordId(t, "ghost")).content({ n: 1 })).toBeUndefined();
      expect(await db.select(new RecordId(t, "ghost"))).toBeUndefined();
    });

    it(".output('diff') answers the JSON Patch of the change; .output('before') the old record", async () => {
      const db = await baton.connect();
      const t = uniqueTable("diff");
      const rid = new RecordId(t, "a");
      await db.create(rid).content({ name: "A", age: 32 });
      expect(await db.update(rid).merge({ age: 33 }).output("diff")).toEqualValue([{ op: "replace", path: "/age", value: 33 }]);
      expect(await db.update(rid).merge({ age: 34 }).output("before")).toEqualValue({ id: rid, name: "A", age: 33 });
      expect(await db.select(rid)).toEqualValue({ id: rid, name: "A", age: 34 });
    });

    it("update(table).merge() changes every record and answers them all in id order", async () => {
      const db = await baton.connect();
      const t = uniqueTable("updall");
      for (const key of ["b", "a"]) await db.create(new RecordId(t, key)).content({ key });
      expect(await db.update(new Table(t)).merge({ flag: true })).toEqualValue([
        { id: new RecordId(t, "a"), key: "a", flag: true },
        { id: new RecordId(t, "b"), key: "b", flag: true },
      ]);
    });
  });

  describe("update where", () => {
    it("update(table).merge().where() changes only the matching records and answers them", async () => {
      const db = await baton.connect();
      const t = uniqueTable("updw");
      for (const [key, age] of [["a", 10], ["b", 20], ["c", 30]] as const) await db.create(new RecordId(t, key)).content({ age });
      expect(await db.update(new Table(t)).merge({ adult: true }).where(gte("age", 20))).toEqualValue([
        { id: new RecordId(t, "b"), age: 20, adult: true },
        { id: new RecordId(t, "c"), age: 30, adult: true },
      ]);
      expect(await db.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), age: 10 });
    });

    it("delete of a record id range removes only that range", async () => {
      const db = await baton.connect();
      const t = uniqueTable("delr");
      for (const n of [1, 2, 3, 4]) await db.create(new RecordId(t, n)).content({ n });
      expect(await db.delete(new RecordIdRange(t, new BoundIncluded(2), new BoundIncluded(3)))).toEqualValue([
        { id: new RecordId(t, 2), n: 2 },
        { id: new RecordId(t, 3), n: 3 },
      ]);
      expect((await db.select(new Table(t))).map((record) => record.id)).toEqualValue([new RecordId(t, 1), new RecordId(t, 4)]);
    });
  });

  describe("upsert", () => {
    it("upsert creates a missing record and updates an existing one", async () => {
      const db = await baton.connect();
      const t = uniqueTable("ups");
      const rid = new RecordId(t, "u1");
      expect(await db.upsert(rid).content({ n: 1 })).toEqualValue({ id: rid, n: 1 });
      expect(await db.upsert(rid).merge({ m: 2 })).toEqualValue({ id: rid, n: 1, m: 2 });
      expect(await db.upsert(rid).content({ k: 3 })).toEqualValue({ id: rid, k: 3 });
      expect(await db.upsert(rid).replace({ r: 4 })).toEqualValue({ id: rid, r: 4 });
      expect(await db.select(new Table(t))).toEqualValue([{ id: rid, r: 4 }]);
    });

    it("upsert of a missing record with merge creates it from the merged data", async () => {
      const db = await baton.connect();
      const t = uniqueTable("upsm");
      const rid = new RecordId(t, "fresh");
      expect(await db.upsert(rid).merge({ a: { b: 1 } })).toEqualValue({ id: rid, a: { b: 1 } });
    });
  });

  describe("delete", () => {
    it("delete(recordId) answers the record as it was; again, undefined", async () => {
      const db = await baton.connect();
      const t = uniqueTable("del");
      const rid = new RecordId(t, "a");
      await db.create(rid).content({ n: 7 });
      await db.create(new RecordId(t, "b")).content({ n: 8 });
      expect(await db.delete(rid)).toEqualValue({ id: rid, n: 7 });
      expect(await db.delete(rid)).toBeUndefined();
      expect(await db.select(rid)).toBeUndefined();
      expect(await db.select(new Table(t))).toEqualValue([{ id: new RecordId(t, "b"), n: 8 }]);
    });

    it("delete(table) answers every deleted record in id order, then the table is empty", async () => {
      const db = await baton.connect();
      const t = uniqueTable("delall");
      for (const key of ["b", "a"]) await db.create(new RecordId(t, key)).content({ key });
      expect(await db.delete(new Table(t))).toEqualValue([
        { id: new RecordId(t, "a"), key: "a" },
        { id: new RecordId(t, "b"), key: "b" },
      ]);
      expect(await db.select(new Table(t))).toEqualValue([]);
      expect(await db.delete(new Table(t))).toEqualValue([]);
    });
  });
}
