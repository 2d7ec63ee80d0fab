import type { Generated } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { rows, run, sqliteFixture } from "../test-support/sqlite-fixture.js";
import { kyselyFor } from "./connection-dialect.js";

interface Schema {
  person: { id: Generated<bigint>; name: string; active: bigint };
}

let fixture: Awaited<ReturnType<typeof sqliteFixture>>;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await sqliteFixture();
  conn = await fixture.database.acquire();
});
afterEach(() => fixture.dispose());

describe("kyselyFor", () => {
  it("builds schema, writes and reads through the pinned connection", async () => {
    const db = kyselyFor<Schema>(conn);
    await db.schema
      .createTable("person")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("active", "integer")
      .execute();
    const inserted = await db.insertInto("person").values({ name: "Ada", active: true as unknown as bigint }).executeTakeFirst();
    expect(inserted.insertId).toBe(1n);
    const returned = await db.insertInto("person").values({ name: "Grace", active: 0n }).returning(["id", "name"]).execute();
    expect(returned).toEqual([{ id: 2n, name: "Grace" }]);
    const people = await db.selectFrom("person").select(["name", "active"]).orderBy("id").execute();
    expect(people).toEqual([
      { name: "Ada", active: 1n },
      { name: "Grace", active: 0n },
    ]);
    const updated = await db.updateTable("person").set({ active: 1n }).where("active", "=", 0n).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
  });

  it("shares the connection's open transaction", async () => {
    await run(conn, "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, active INTEGER)");
    await run(conn, "BEGIN");
    await kyselyFor<Schema>(conn).insertInto("person").values({ name: "Tx", active: 1n }).execute();
    await run(conn, "ROLLBACK");
    expect(await rows(conn, "SELECT count(*) FROM person")).toEqual([[0n]]);
  });

  it("runs Kysely transactions with savepoints and introspects tables", async () => {
    const db = kyselyFor<Schema>(conn);
    await run(conn, "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, active INTEGER)");
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("person").values({ name: "kept", active: 1n }).execute();
    });
    const trx = await db.startTransaction().execute();
    expect(conn.isAutocommit()).toBe(false);
    const nested = await trx.savepoint("inner").execute();
    await nested.insertInto("person").values({ name: "undone", active: 1n }).execute();
    await nested.rollbackToSavepoint("inner").execute();
    await trx.commit().execute();
    expect(conn.isAutocommit()).toBe(true);
    expect(await rows(conn, "SELECT name FROM person")).toEqual([["kept"]]);
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(["person"]);
    expect(tables[0]?.columns.map((c) => c.name)).toEqual(["id", "name", "active"]);
  });

  it("lets concurrent Kysely queries take turns on the one connection", async () => {
    const db = kyselyFor<Schema>(conn);
    await run(conn, "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, active INTEGER)");
    await Promise.all(["a", "b", "c"].map((name) => db.insertInto("person").values({ name, active: 1n }).execute()));
    expect(await rows(conn, "SELECT count(*) FROM person")).toEqual([[3n]]);
  });
});
