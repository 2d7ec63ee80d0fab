// The record methods and transactions on Postgres and MariaDB (the test servers), each run in its
// own tenant, dropped afterwards through the adapter's default tenant.
import { randomBytes } from "node:crypto";
import { NONE, RecordId, Table } from "@baton/codecs";
import { createMysqlAdapter, createPostgresAdapter, type SqlAdapter } from "@baton/adapters-kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rpcHarness, type TestSocket } from "./test-support/rpc-harness.js";

const POSTGRES_URL = process.env["BATON_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const MYSQL_URL = process.env["BATON_TEST_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306/test";

const servers = [
  { name: "postgres", adapter: () => createPostgresAdapter({ url: POSTGRES_URL }), drop: (tenant: string) => `DROP SCHEMA IF EXISTS "${tenant}" CASCADE` },
  { name: "mysql", adapter: () => createMysqlAdapter({ url: MYSQL_URL }), drop: (tenant: string) => `DROP DATABASE IF EXISTS \`${tenant}\`` },
] as const;

const p = (key: string) => new RecordId("p", key);

describe.each(servers)("on $name", (server) => {
  let adapter: SqlAdapter;
  let harness: ReturnType<typeof rpcHarness>;
  let ws: TestSocket;
  let tenant: string;

  beforeEach(async () => {
    adapter = server.adapter();
    harness = rpcHarness({ adapters: [adapter] });
    ws = harness.socket();
    tenant = `rpc_${randomBytes(6).toString("hex")}`;
    await ws.call("use", [tenant, tenant]);
  });

  afterEach(async () => {
    const database = await adapter.database("default");
    const connection = await database.acquire();
    try {
      await connection.execute({ sql: server.drop(tenant), args: [], namedArgs: [], wantRows: false });
    } finally {
      await database.release(connection);
    }
    await harness.dispose();
  });

  it("creates, reads, changes and deletes records", async () => {
    expect(await ws.call("create", [p("a"), { n: 1, tags: ["x"] }])).toEqual({ id: p("a"), n: 1, tags: ["x"] });
    expect(await ws.call("insert", [new Table("p"), [{ id: "b", n: 2 }]])).toEqual([{ id: p("b"), n: 2 }]);
    expect(await ws.call("merge", [p("a"), { tags: ["x", "y"] }])).toEqual({ id: p("a"), n: 1, tags: ["x", "y"] });
    expect(await ws.call("patch", [p("b"), [{ op: "replace", path: "/n", value: 20 }]])).toEqual({ id: p("b"), n: 20 });
    expect(await ws.call("select", ["p"])).toEqual([
      { id: p("a"), n: 1, tags: ["x", "y"] },
      { id: p("b"), n: 20 },
    ]);
    expect(await ws.call("relate", [p("a"), "knows", p("b"), { since: 2020 }])).toMatchObject({ in: p("a"), out: p("b"), since: 2020 });
    expect(await ws.call("delete", [p("a")])).toEqual({ id: p("a"), n: 1, tags: ["x", "y"] });
    expect(await ws.call("select", [p("a")])).toBe(NONE);
    expect(await ws.error("create", [p("b"), {}])).toMatchObject({ kind: "AlreadyExists" });
  });

  // On MySQL the store refuses a new column inside the method's transaction; the handler adds
  // it on its own and runs the whole method again (record-access.ts).
  it("adds fields to existing records", async () => {
    await ws.call("create", [p("a"), { n: 1 }]);
    expect(await ws.call("merge", [p("a"), { m: "y" }])).toEqual({ id: p("a"), n: 1, m: "y" });
    expect(await ws.call("update", [p("a"), { o: true }])).toEqual({ id: p("a"), o: true });
  });

  it("writes a bulk insert that brings new fields all or nothing", async () => {
    await ws.call("create", [p("a"), { n: 1 }]);
    // The second record needs a new column, the third collides: nothing of the batch stays.
    const error = await ws.error("insert", [new Table("p"), [{ id: "b", n: 2 }, { id: "c", extra: "x" }, { id: "a", n: 3 }]]);
    expect(error).toMatchObject({ kind: "AlreadyExists" });
    expect(await ws.call("select", ["p"])).toEqual([{ id: p("a"), n: 1 }]);
    // Without the collision the batch lands whole, new field included.
    expect(await ws.call("insert", [new Table("p"), [{ id: "b", n: 2 }, { id: "c", extra: "x" }]])).toEqual([
      { id: p("b"), n: 2 },
      { id: p("c"), extra: "x" },
    ]);
  });

  it("undoes a method that fails inside an interactive transaction, and the transaction goes on", async () => {
    await ws.call("create", [p("a"), { n: 1 }]);
    const txn = await ws.call("begin");
    // b is written, then a collides: the whole insert is undone, not just the failing record.
    expect(await ws.error("insert", [new Table("p"), [{ id: "b", n: 2 }, { id: "a", n: 3 }]], { txn })).toMatchObject({ kind: "AlreadyExists" });
    expect(await ws.call("create", [p("c"), { n: 4 }], { txn })).toEqual({ id: p("c"), n: 4 });
    await ws.call("commit", [txn]);
    expect(await ws.call("select", ["p"])).toEqual([
      { id: p("a"), n: 1 },
      { id: p("c"), n: 4 },
    ]);
  });

  it("commits and cancels interactive transactions", async () => {
    // The table and its column exist first: MySQL cannot add them inside a transaction.
    await ws.call("create", [p("base"), { n: 0 }]);
    const kept = await ws.call("begin");
    await ws.call("create", [p("t1"), { n: 1 }], { txn: kept });
    await ws.call("commit", [kept]);
    const dropped = await ws.call("begin");
    await ws.call("create", [p("t2"), { n: 2 }], { txn: dropped });
    await ws.call("cancel", [dropped]);
    expect(await ws.call("select", [p("t1")])).toEqual({ id: p("t1"), n: 1 });
    expect(await ws.call("select", [p("t2")])).toBe(NONE);
  });
});
