// The record store's definitions catalog, table listing and table removal, run against every
// adapter (sqlite.test.ts, libsql.test.ts, postgres.test.ts, mysql.test.ts) on real databases.
import { RecordId } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Definition, RecordStore } from "./record-store.js";
import { SchemaChangeRefused } from "./schema-change-refused.js";
import { countingConnection } from "./test-support/counting-connection.js";
import type { FixtureFactory, StoreFixture } from "./test-support/store-fixtures.js";

const field = (table: string, name: string, text = `DEFINE FIELD ${name} ON ${table} TYPE string`): Definition => ({
  kind: "field",
  table,
  name,
  text,
});

/** The error `promise` fails with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail("expected a failure, but the promise resolved");
}

/** Whether the tenant has a SQL table of this name, as the database's catalog says. */
async function sqlTableExists(db: StoreFixture, name: string): Promise<boolean> {
  const sql =
    db.dialect === "postgres"
      ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
      : db.dialect === "mysql"
        ? "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
        : "SELECT count(*) FROM sqlite_schema WHERE name = ?";
  const [[count] = []] = await db.sql(sql, [name]);
  return Number(count) > 0;
}

/**
 * Runs `work` in a transaction the way the RPC layer does: a MySQL schema refusal is prepared
 * outside the transaction and the work run again.
 */
async function withSchemaRetry<T>(store: RecordStore, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transaction(work);
    } catch (error) {
      if (!(error instanceof SchemaChangeRefused) || attempt > 3) throw error;
      if (error.pending !== undefined) await store.prepare(error.pending);
    }
  }
}

/** The suite; `fixture` opens a store on a fresh tenant of one adapter. */
export function catalogSuite(name: string, fixture: FixtureFactory): void {
  describe(`record store catalog on ${name}`, () => {
    let db: StoreFixture;
    beforeEach(async () => {
      db = await fixture();
    });
    afterEach(async () => {
      await db.dispose();
    });

    describe("definitions", () => {
      it("reads none from a fresh tenant without creating anything", async () => {
        expect(await db.store.definitions()).toEqual([]);
        expect(await db.store.undefine({ kind: "param", table: "", name: "x" })).toBe(false);
        expect(await sqlTableExists(db, "_baton_catalog")).toBe(false);
      });

      it("stores definitions, overwrites by key and lists them by kind, table, name", async () => {
        const definitions: Definition[] = [
          { kind: "table", table: "person", name: "person", text: "DEFINE TABLE person SCHEMAFULL" },
          field("person", "name"),
          field("person", "age", "DEFINE FIELD age ON person TYPE int"),
          field("animal", "name"),
          { kind: "index", table: "person", name: "by_name", text: "DEFINE INDEX by_name ON person FIELDS name UNIQUE" },
          { kind: "function", table: "", name: "fn::greet", text: "DEFINE FUNCTION fn::greet($who: string) { RETURN 'Hi ' + $who; }" },
          { kind: "param", table: "", name: "limit", text: "DEFINE PARAM $limit VALUE 10" },
          { kind: "param", table: "", name: "Émile", text: "DEFINE PARAM $Émile VALUE '😀 ⟨x⟩'" },
          { kind: "param", table: "", name: "Zed", text: "DEFINE PARAM $Zed VALUE 1" },
        ];
        await withSchemaRetry(db.store, async () => {
          for (const definition of definitions) await db.store.define(definition);
        });
        const keys = (list: Definition[]) => list.map((d) => `${d.kind}/${d.table}/${d.name}`);
        expect(keys(await db.store.definitions())).toEqual([
          "field/animal/name",
          "field/person/age",
          "field/person/name",
          "function//fn::greet",
          "index/person/by_name",
          // Code point order: upper case before lower case before accented letters.
          "param//Zed",
          "param//limit",
          "param//Émile",
          "table/person/person",
        ]);
        expect(await db.store.definitions({ kind: "param" })).toHaveLength(3);
        expect(keys(await db.store.definitions({ table: "person" }))).toEqual(["field/person/age", "field/person/name", "index/person/by_name", "table/person/person"]);
        expect(keys(await db.store.definitions({ kind: "field", table: "animal" }))).toEqual(["field/animal/name"]);
        expect((await db.store.definitions({ kind: "param", table: "" })).find((d) => d.name === "Émile")?.text).toBe("DEFINE PARAM $Émile VALUE '😀 ⟨x⟩'");

        await db.store.define(field("person", "name", "DEFINE FIELD name ON person TYPE option<string>"));
        expect(await db.store.definitions({ kind: "field", table: "person" })).toContainEqual(
          field("person", "name", "DEFINE FIELD name ON person TYPE option<string>"),
        );
        expect(await db.store.undefine({ kind: "field", table: "person", name: "age" })).toBe(true);
        expect(await db.store.undefine({ kind: "field", table: "person", name: "age" })).toBe(false);
        expect(keys(await db.store.definitions({ kind: "field" }))).toEqual(["field/animal/name", "field/person/name"]);
        // The catalog is Baton's: never a SurrealDB table.
        expect(await db.store.table("_baton_catalog")).toBeUndefined();
        expect((await db.store.tables()).map((table) => table.name)).toEqual([]);
      });

      it("keeps names apart that differ only in case or trailing spaces", async () => {
        await db.store.define({ kind: "param", table: "", name: "a", text: "1" });
        await db.store.define({ kind: "param", table: "", name: "A", text: "2" });
        await db.store.define({ kind: "param", table: "", name: "a ", text: "3" });
        expect((await db.store.definitions()).map((d) => d.text)).toEqual(["2", "1", "3"]);
      });

      it("serves repeated reads from the tenant's cache and sees every change at once", async () => {
        await db.store.define(field("person", "name"));
        const counting = countingConnection(db.connection);
        const store = db.factory.open({ database: db.database, connection: counting, dialect: db.dialect });
        await store.transaction(() => store.definitions({ table: "person" }));
        const before = counting.statements.length;
        for (let i = 0; i < 5; i++) {
          await store.transaction(async () => {
            expect(await store.definitions({ table: "person" })).toEqual([field("person", "name")]);
          });
        }
        // Five transactions, each BEGIN and COMMIT only: no catalog reads.
        expect(counting.statements.slice(before).filter((sql) => !/^(BEGIN|COMMIT|START)/i.test(sql))).toEqual([]);
        // A change through another connection's store of the same process is seen at once.
        const other = await db.another();
        await other.store.define(field("person", "age"));
        expect((await store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["age", "name"]);
        await other.store.undefine({ kind: "field", table: "person", name: "age" });
        expect((await store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["name"]);
      });

      it("defines inside the caller's transaction: unseen by others until commit, gone on rollback", async () => {
        await db.store.define(field("person", "name"));
        const other = await db.another();
        await db.store.begin();
        await db.store.define(field("person", "age"));
        expect((await db.store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["age", "name"]);
        if (db.dialect === "postgres" || db.dialect === "mysql") {
          // SQLite's writer holds the database lock; the others read the committed state.
          expect((await other.store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["name"]);
        }
        await db.store.rollback();
        expect((await db.store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["name"]);
        expect((await other.store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["name"]);
        await db.store.begin();
        await db.store.define(field("person", "age"));
        await db.store.commit();
        expect((await other.store.definitions({ table: "person" })).map((d) => d.name)).toEqual(["age", "name"]);
      });

      it("creates the catalog for the first definition inside a transaction (MySQL: refused, then prepared outside it)", async () => {
        const defining = db.store.transaction(() => db.store.define(field("person", "name")));
        if (db.dialect === "mysql") {
          const error = await failure(defining);
          expect(error).toBeInstanceOf(SchemaChangeRefused);
          expect((error as SchemaChangeRefused).pending).toEqual({ kind: "catalog" });
          expect(await sqlTableExists(db, "_baton_catalog")).toBe(false);
          await db.store.prepare({ kind: "catalog" });
          await db.store.transaction(() => db.store.define(field("person", "name")));
        } else {
          await defining;
        }
        expect(await db.store.definitions()).toEqual([field("person", "name")]);
      });

      it("rolls a catalog created inside a transaction back with it (MySQL: prepared, it stays)", async () => {
        await db.store.begin();
        const defining = db.store.define(field("person", "name"));
        if (db.dialect === "mysql") expect(await failure(defining)).toBeInstanceOf(SchemaChangeRefused);
        else await defining;
        await db.store.rollback();
        expect(await db.store.definitions()).toEqual([]);
        expect(await sqlTableExists(db, "_baton_catalog")).toBe(false);
        await withSchemaRetry(db.store, () => db.store.define(field("person", "name")));
        expect(await db.store.definitions()).toEqual([field("person", "name")]);
      });
    });

    describe("tables", () => {
      it("lists every table RPC can see, by name, with what it is", async () => {
        await db.store.insert({ table: "zebra", id: 1, content: { n: 1 } });
        await db.store.insert({ table: "knows", content: { in: new RecordId("person", "a"), out: new RecordId("person", "b") }, edge: true });
        await db.store.insert({ table: "Apple", id: "x", content: {} });
        await db.store.define(field("zebra", "n"));
        await db.sql(`CREATE TABLE users (user_id INTEGER PRIMARY KEY, name ${db.dialect === "mysql" ? "VARCHAR(100)" : "TEXT"})`);
        expect(await db.store.tables()).toEqual([
          { name: "Apple", origin: "baton", keyKind: "string", edge: false },
          { name: "knows", origin: "baton", keyKind: "string", edge: true },
          { name: "users", origin: "sql", keyKind: "int", edge: false },
          { name: "zebra", origin: "baton", keyKind: "int", edge: false },
        ]);
      });
    });

    describe("dropTable", () => {
      it("drops the table, its annotations and its definitions, and nothing else", async () => {
        await db.store.insert({ table: "person", id: "a", content: { name: "A", friend: new RecordId("person", "b") } });
        await db.store.insert({ table: "animal", id: "x", content: { name: "X" } });
        const kept: Definition[] = [
          field("animal", "name"),
          { kind: "function", table: "", name: "fn::person", text: "DEFINE FUNCTION fn::person() { RETURN 1; }" },
          { kind: "param", table: "", name: "person", text: "DEFINE PARAM $person VALUE 1" },
        ];
        for (const definition of [...kept, field("person", "name"), { kind: "table", table: "person", name: "person", text: "DEFINE TABLE person" } as const]) {
          await db.store.define(definition);
        }
        expect(await withSchemaRetry(db.store, () => db.store.dropTable("person"))).toBe(true);
        expect(await db.store.table("person")).toBeUndefined();
        expect(await sqlTableExists(db, "person")).toBe(false);
        expect(await db.store.get(new RecordId("person", "a"))).toBeUndefined();
        expect(await db.sql("SELECT count(*) FROM _baton_meta WHERE tb = 'person'")).toEqual([[0n]]);
        expect(await db.store.definitions()).toEqual(kept);
        expect((await db.store.tables()).map((table) => table.name)).toEqual(["animal"]);
        // A new table of that name starts afresh: another key kind, no old annotations.
        const record = await db.store.insert({ table: "person", id: 7, content: { friend: "plain text" } });
        expect(record).toEqual({ id: new RecordId("person", 7), friend: "plain text" });
        expect((await db.store.table("person"))?.keyKind).toBe("int");
        expect(await db.store.dropTable("missing")).toBe(false);
        expect(await db.store.dropTable("_baton_meta")).toBe(false);
        expect(await sqlTableExists(db, "_baton_meta")).toBe(true);
      });

      it("removes the definitions of a table that has no records", async () => {
        await db.store.define({ kind: "table", table: "empty", name: "empty", text: "DEFINE TABLE empty" });
        await db.store.define({ kind: "index", table: "empty", name: "i", text: "DEFINE INDEX i ON empty FIELDS a" });
        expect(await db.store.transaction(() => db.store.dropTable("empty"))).toBe(true);
        expect(await db.store.definitions()).toEqual([]);
        expect(await db.store.transaction(() => db.store.dropTable("empty"))).toBe(false);
      });

      it("drops a SQL table too", async () => {
        await db.sql(`CREATE TABLE users (user_id INTEGER PRIMARY KEY, name ${db.dialect === "mysql" ? "VARCHAR(100)" : "TEXT"})`);
        expect(await db.store.dropTable("users")).toBe(true);
        expect(await sqlTableExists(db, "users")).toBe(false);
      });

      it("drops inside the caller's transaction, undone by rollback (MySQL: refused, then dropped outside it)", async () => {
        await db.store.insert({ table: "person", id: "a", content: { name: "A" } });
        await db.store.define(field("person", "name"));
        await db.store.begin();
        const dropping = db.store.dropTable("person");
        if (db.dialect === "mysql") {
          const error = await failure(dropping);
          expect(error).toBeInstanceOf(SchemaChangeRefused);
          expect((error as SchemaChangeRefused).pending).toEqual({ kind: "drop", table: "person" });
          await db.store.rollback();
          expect(await db.store.definitions()).toEqual([field("person", "name")]);
          await db.store.prepare({ kind: "drop", table: "person" });
          expect(await sqlTableExists(db, "person")).toBe(false);
          expect(await db.store.definitions()).toEqual([]);
          // The method run again learns that its drop happened, once.
          expect(await db.store.transaction(() => db.store.dropTable("person"))).toBe(true);
          expect(await db.store.transaction(() => db.store.dropTable("person"))).toBe(false);
          return;
        }
        expect(await dropping).toBe(true);
        expect(await db.store.table("person")).toBeUndefined();
        expect(await db.store.definitions()).toEqual([]);
        await db.store.rollback();
        expect(await db.store.get(new RecordId("person", "a"))).toEqual({ id: new RecordId("person", "a"), name: "A" });
        expect(await db.store.definitions()).toEqual([field("person", "name")]);
        await db.store.transaction(() => db.store.dropTable("person"));
        expect(await db.store.table("person")).toBeUndefined();
      });
    });
  });
}
