import { NONE, Range, RecordId, StringRecordId, Table, Uuid } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rpcHarness, type TestSocket } from "./test-support/rpc-harness.js";

let harness: ReturnType<typeof rpcHarness>;
let ws: TestSocket;

beforeEach(async () => {
  harness = rpcHarness();
  ws = harness.socket();
  await ws.call("use", ["test", "test"]);
});

afterEach(async () => {
  await harness.dispose();
});

const p = (key: string | number) => new RecordId("p", key);

describe("create and select", () => {
  it("shapes results as SurrealDB 3 does", async () => {
    const fromTable = (await ws.call("create", [new Table("p"), { n: 1 }])) as Record<string, unknown>[];
    expect(fromTable).toHaveLength(1);
    expect(fromTable[0]).toMatchObject({ n: 1 });
    expect(fromTable[0]?.["id"]).toBeInstanceOf(RecordId);
    const fromString = await ws.call("create", ["p", { n: 2 }]);
    expect(fromString).toMatchObject({ n: 2 });
    expect(Array.isArray(fromString)).toBe(false);
    expect(await ws.call("create", [p("a"), { n: 3 }])).toEqual({ id: p("a"), n: 3 });
    expect(await ws.call("create", [new StringRecordId("p:s"), { n: 4 }])).toEqual({ id: p("s"), n: 4 });
    expect(await ws.call("create", ["p:j", { n: 5 }])).toEqual({ id: p("j"), n: 5 });
  });

  it("refuses a duplicate id with AlreadyExists", async () => {
    await ws.call("create", [p("a"), { n: 3 }]);
    const error = await ws.error("create", [p("a"), { n: 3 }]);
    // The record id's text is the record store's rendering of the key.
    expect(error).toMatchObject({ code: -32000, kind: "AlreadyExists", details: { kind: "Record" } });
    expect(error.message).toMatch(/^Database record `p:.*a.*` already exists$/);
  });

  it("selects one record, NONE, or a table", async () => {
    await ws.call("create", [p("a"), { n: 1 }]);
    await ws.call("create", [p("b"), { n: 2 }]);
    expect(await ws.call("select", [p("a")])).toEqual({ id: p("a"), n: 1 });
    expect(await ws.call("select", [p("zzz")])).toBe(NONE);
    expect(await ws.call("select", [new Table("p")])).toEqual([{ id: p("a"), n: 1 }, { id: p("b"), n: 2 }]);
    expect(await ws.call("select", ["p"])).toEqual([{ id: p("a"), n: 1 }, { id: p("b"), n: 2 }]);
    expect(await ws.error("select", [])).toMatchObject({ code: -32603, message: "Expected (what:Value)" });
    expect(await ws.error("select", ["nosuch"])).toMatchObject({ kind: "NotFound", details: { kind: "Table" } });
  });
});

describe("insert", () => {
  it("always answers an array; plain ids become keys of the table", async () => {
    const inserted = (await ws.call("insert", [new Table("p"), [{ id: "i1", n: 10 }, { n: 11 }]])) as Record<string, unknown>[];
    expect(inserted[0]).toEqual({ id: p("i1"), n: 10 });
    expect(inserted[1]).toMatchObject({ n: 11 });
    expect(await ws.call("insert", ["p", { id: "i2", n: 12 }])).toEqual([{ id: p("i2"), n: 12 }]);
    expect(await ws.call("insert", [NONE, [{ id: p("i3"), n: 13 }]])).toEqual([{ id: p("i3"), n: 13 }]);
    expect(await ws.call("insert", [null, [{ id: "p:i4", n: 14 }]])).toEqual([{ id: p("i4"), n: 14 }]);
  });

  it("insert_relation makes edges with in and out", async () => {
    await ws.call("create", [p("a"), {}]);
    await ws.call("create", [p("b"), {}]);
    const edges = (await ws.call("insert_relation", [new Table("rel"), { in: p("a"), out: "p:b", w: 2 }])) as Record<string, unknown>[];
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ in: p("a"), out: p("b"), w: 2 });
    expect(await ws.call("insert_relation", [NONE, [{ id: new RecordId("rel", "r9"), in: p("a"), out: p("b") }]])).toEqual([
      { id: new RecordId("rel", "r9"), in: p("a"), out: p("b") },
    ]);
    expect(await ws.error("insert_relation", [new Table("rel"), { w: 1 }])).toMatchObject({ kind: "Validation" });
  });
});

describe("update, upsert, merge, patch", () => {
  beforeEach(async () => {
    await ws.call("create", [p("a"), { n: 1, keep: { x: 1, y: 2 } }]);
    await ws.call("create", [p("b"), { n: 2 }]);
  });

  it("update replaces content and never creates", async () => {
    expect(await ws.call("update", [p("a"), { n: 100, x: "y" }])).toEqual({ id: p("a"), n: 100, x: "y" });
    expect(await ws.call("update", [p("ghost"), { n: 1 }])).toBe(NONE);
    expect(await ws.call("select", [p("ghost")])).toBe(NONE);
    expect(await ws.call("update", [new Table("p")])).toEqual([
      { id: p("a"), n: 100, x: "y" },
      { id: p("b"), n: 2 },
    ]);
    expect(await ws.call("update", ["p", { z: 1 }])).toEqual([
      { id: p("a"), z: 1 },
      { id: p("b"), z: 1 },
    ]);
  });

  it("upsert creates what is missing", async () => {
    expect(await ws.call("upsert", [p("u1"), { n: 7 }])).toEqual({ id: p("u1"), n: 7 });
    expect(await ws.call("upsert", [p("u1"), { n: 8 }])).toEqual({ id: p("u1"), n: 8 });
  });

  it("merge deep-merges objects; NONE removes a field", async () => {
    expect(await ws.call("merge", [p("a"), { z: 1, keep: { y: 3 } }])).toEqual({ id: p("a"), n: 1, z: 1, keep: { x: 1, y: 3 } });
    expect(await ws.call("merge", [p("a"), { z: NONE }])).toEqual({ id: p("a"), n: 1, keep: { x: 1, y: 3 } });
    expect(await ws.call("merge", [new Table("p"), { t: true }])).toEqual([
      { id: p("a"), n: 1, keep: { x: 1, y: 3 }, t: true },
      { id: p("b"), n: 2, t: true },
    ]);
  });

  it("patch applies JSON Patch, or answers the diff", async () => {
    expect(await ws.call("patch", [p("a"), [{ op: "replace", path: "/n", value: 5 }]])).toEqual({ id: p("a"), n: 5, keep: { x: 1, y: 2 } });
    expect(await ws.call("patch", [p("a"), [{ op: "add", path: "/w", value: 1 }], true])).toEqual([{ op: "add", path: "/w", value: 1 }]);
    expect(await ws.call("select", [p("a")])).toEqual({ id: p("a"), n: 5, keep: { x: 1, y: 2 }, w: 1 });
    const failed = await ws.error("patch", [p("a"), [{ op: "test", path: "/n", value: 6 }]]);
    expect(failed.message).toMatch(/^Given test operation failed/);
    expect(await ws.call("select", [p("a")])).toEqual({ id: p("a"), n: 5, keep: { x: 1, y: 2 }, w: 1 });
  });
});

describe("delete and relate", () => {
  it("delete answers the deleted state", async () => {
    await ws.call("create", [p("a"), { n: 1 }]);
    await ws.call("create", [p("b"), { n: 2 }]);
    expect(await ws.call("delete", [p("a")])).toEqual({ id: p("a"), n: 1 });
    expect(await ws.call("delete", [p("a")])).toBe(NONE);
    expect(await ws.call("delete", [new Table("p")])).toEqual([{ id: p("b"), n: 2 }]);
    expect(await ws.call("delete", [new Table("never")])).toEqual([]);
  });

  it("relate answers one edge for single ends, an array otherwise", async () => {
    for (const key of ["a", "b", "c"]) await ws.call("create", [p(key), {}]);
    const edge = (await ws.call("relate", [p("a"), new Table("knows"), p("b"), { w: 1 }])) as Record<string, unknown>;
    expect(edge).toMatchObject({ in: p("a"), out: p("b"), w: 1 });
    expect((edge["id"] as RecordId).table).toBe("knows");
    expect(await ws.call("relate", ["p:a", "knows", "p:c"])).toMatchObject({ in: p("a"), out: p("c") });
    const many = (await ws.call("relate", [[p("a"), p("b")], "knows", p("c")])) as unknown[];
    expect(many).toHaveLength(2);
    expect(await ws.call("relate", [p("c"), new RecordId("knows", "k1"), p("a")])).toEqual({ id: new RecordId("knows", "k1"), in: p("c"), out: p("a") });
  });
});

describe("run", () => {
  it("calls built-in functions and refuses unknown ones", async () => {
    expect(await ws.call("run", ["math::sum", NONE, [[1, 2, 3]]])).toBe(6);
    expect(await ws.call("run", ["string::uppercase", null, ["abc"]])).toBe("ABC");
    expect(await ws.error("run", ["fn::nope"])).toEqual({
      code: -32000,
      kind: "Internal",
      message: "Function 'fn::nope' not found: The function 'fn::nope' does not exist",
    });
    expect(await ws.error("run", ["ml::model"])).toMatchObject({ code: -32603, message: "Expected version to be set for model function" });
  });
});

describe("transactions", () => {
  it("commit makes writes visible; a second commit is not found", async () => {
    const txn = await ws.call("begin");
    expect(txn).toBeInstanceOf(Uuid);
    expect(await ws.call("create", [p("t1"), { n: 1 }], { txn })).toEqual({ id: p("t1"), n: 1 });
    expect(await ws.call("select", [p("t1")], { txn })).toEqual({ id: p("t1"), n: 1 });
    expect(await ws.call("commit", [txn])).toBe(NONE);
    expect(await ws.call("select", [p("t1")])).toEqual({ id: p("t1"), n: 1 });
    expect(await ws.error("commit", [txn])).toMatchObject({ code: -32603, kind: "Validation", message: "Transaction not found" });
  });

  it("cancel discards writes", async () => {
    await ws.call("create", [p("base"), {}]);
    const txn = await ws.call("begin");
    await ws.call("create", [p("t2"), { n: 2 }], { txn });
    expect(await ws.call("cancel", [txn])).toBe(NONE);
    expect(await ws.call("select", [p("t2")])).toBe(NONE);
    expect(await ws.error("cancel", [txn])).toMatchObject({ message: "Transaction not found" });
  });

  it("an unknown txn is not found; closing the socket rolls back", async () => {
    expect(await ws.error("select", [p("x")], { txn: "0191c5a2-7b1d-7f4e-9a55-3c1b2d4e5f60" })).toMatchObject({ message: "Transaction not found" });
    await ws.call("create", [p("base"), {}]);
    const txn = await ws.call("begin");
    await ws.call("create", [p("t3"), {}], { txn });
    await harness.service.socketClosed(ws.socket);
    const other = harness.socket();
    await other.call("use", ["test", "test"]);
    expect(await other.call("select", [p("t3")])).toBe(NONE);
    // The pinned connection went back to the pool: writes work again.
    expect(await other.call("create", [p("after"), {}])).toEqual({ id: p("after") });
  });
});

describe("tenants", () => {
  it("keeps namespaces and databases apart", async () => {
    await ws.call("create", [p("a"), { where: "test" }]);
    await ws.call("use", ["test", "other"]);
    expect(await ws.call("select", [p("a")])).toBe(NONE);
    await ws.call("create", [p("a"), { where: "other" }]);
    await ws.call("use", ["test", "test"]);
    expect(await ws.call("select", [p("a")])).toEqual({ id: p("a"), where: "test" });
  });
});

describe("variables and ranges", () => {
  it("a thing given as $name is the variable's value; request vars hold for one call", async () => {
    await ws.call("create", [p("a"), { n: 1 }]);
    await ws.call("create", [new RecordId("q", "b"), { n: 2 }]);
    await ws.call("let", ["tb", "p"]);
    expect(await ws.call("select", ["$tb"])).toEqual([{ id: p("a"), n: 1 }]);
    expect(await ws.call("select", ["$tb", { tb: "q" }])).toEqual([{ id: new RecordId("q", "b"), n: 2 }]);
    expect(await ws.call("select", ["$tb"])).toEqual([{ id: p("a"), n: 1 }]);
    expect(await ws.call("select", ["$rid", { rid: p("a") }])).toEqual({ id: p("a"), n: 1 });
    expect(await ws.call("create", ["$tb", { n: 3 }, { tb: "r" }])).toMatchObject({ n: 3 });
  });

  it("selects, updates and deletes the records of a key range", async () => {
    for (const key of [1, 2, 3, 4]) await ws.call("create", [new RecordId("n", key), { k: key }]);
    const range = (begin: number, end: number) =>
      new RecordId("n", new Range({ begin: { kind: "included", value: begin }, end: { kind: "excluded", value: end } }));
    expect(await ws.call("select", [range(2, 4)])).toEqual([
      { id: new RecordId("n", 2), k: 2 },
      { id: new RecordId("n", 3), k: 3 },
    ]);
    expect(await ws.call("merge", [range(1, 2), { hit: true }])).toEqual([{ id: new RecordId("n", 1), k: 1, hit: true }]);
    expect(await ws.call("delete", [range(3, 9)])).toEqual([
      { id: new RecordId("n", 3), k: 3 },
      { id: new RecordId("n", 4), k: 4 },
    ]);
    expect(await ws.call("select", ["n"])).toHaveLength(2);
  });
});
