import type { Generated } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { postgresFixture, type PostgresFixture } from "../test-support/postgres-fixture.js";
import { rows, run } from "../test-support/sqlite-fixture.js";
import { kyselyFor } from "./connection-dialect.js";

interface Schema {
  person: { id: Generated<bigint>; name: string; active: bigint };
}

let fixture: PostgresFixture;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await postgresFixture();
  conn = await fixture.database.acquire();
});
afterEach(async () => {
  await fixture.database.release(conn);
  await fixture.dispose();
});

describe("kyselyFor a Postgres connection", () => {
  it("builds schema, writes and reads with Postgres SQL through the pinned connection", async () => {
    const db = kyselyFor<Schema>(conn, "postgres");
    await db.schema
      .createTable("person")
      .addColumn("id", "bigserial", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("active", "boolean")
      .execute();
    const returned = await db
      .insertInto("person")
      .values([
        { name: "Ada", active: true as unknown as bigint },
        { name: "Grace", active: 0n },
      ])
      .returning(["id", "name"])
      .execute();
    expect(returned).toEqual([
      { id: 1n, name: "Ada" },
      { id: 2n, name: "Grace" },
    ]);
    const people = await db.selectFrom("person").select(["name", "active"]).where("name", "like", "%a%").orderBy("id").execute();
    expect(people).toEqual([
      { name: "Ada", active: 1n },
      { name: "Grace", active: 0n },
    ]);
    const updated = await db.updateTable("person").set({ active: 1n }).where("active", "=", 0n).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
  });

  it("runs Kysely transactions with savepoints on the connection", async () => {
    const db = kyselyFor<Schema>(conn, "postgres");
    await run(conn, "CREATE TABLE person(id bigserial PRIMARY KEY, name text, active int8)");
    const trx = await db.startTransaction().execute();
    expect(conn.isAutocommit()).toBe(false);
    await trx.insertInto("person").values({ name: "kept", active: 1n }).execute();
    const nested = await trx.savepoint("inner").execute();
    await nested.insertInto("person").values({ name: "undone", active: 1n }).execute();
    await nested.rollbackToSavepoint("inner").execute();
    await trx.commit().execute();
    expect(conn.isAutocommit()).toBe(true);
    expect(await rows(conn, "SELECT name FROM person")).toEqual([["kept"]]);
  });

  it("introspects the tenant's own schema only", async () => {
    await run(conn, "CREATE TABLE person(id bigserial PRIMARY KEY, name text, active int8)");
    const other = await fixture.tenant();
    const otherConn = await other.database.acquire();
    await run(otherConn, "CREATE TABLE secret(id int)");
    await other.database.release(otherConn);
    const db = kyselyFor<Schema>(conn, "postgres");
    const tables = await db.introspection.getTables();
    expect(tables.map((table) => [table.schema, table.name])).toEqual([[fixture.namespace, "person"]]);
    expect(tables[0]?.columns.map((column) => column.name)).toEqual(["id", "name", "active"]);
    expect(await db.introspection.getSchemas()).toEqual([{ name: fixture.namespace }]);
  });
});
