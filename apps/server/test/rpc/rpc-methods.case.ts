// Every RPC method over the fixture's transport and format, with SurrealDB 3's result shapes
// (reference sections 3 and 12): a record id gives one record or NONE, a table an array, insert
// always an array, delete the deleted state.
import { describe, expect, test } from "vitest";
import { expectRpcError, idKey, idText, uniqueTable, withoutId, type RpcFixture } from "./rpc-fixture.js";

export function methodCases(baton: RpcFixture): void {
  describe("methods", () => {
    test("ping answers NONE; version the server's version string, the same as GET /version", async () => {
      const db = await baton.client();
      expect(await db.call("ping")).toBe(baton.none);
      const version = await db.call("version");
      expect(version).toMatch(/^surrealdb-3\.\d+\.\d+$/);
      const res = await fetch(`${baton.server.httpUrl}/version`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(version);
      await expectRpcError(db.call("version", [1]), { code: -32603, kind: "Validation", message: "Expected 0 arguments" });
    });

    test("use selects a tenant and answers {namespace, database}", async () => {
      const db = await baton.client({ namespace: null });
      expect(await db.call("use", [baton.namespace, baton.namespace])).toEqual({ namespace: baton.namespace, database: baton.namespace });
      await expectRpcError(db.call("use", [baton.namespace]), { code: -32603, kind: "Validation", message: "Expected (ns, db)" });
    });

    test("create, select, update, merge, patch, upsert and delete of one record", async () => {
      const db = await baton.client();
      const t = uniqueTable("person");
      const alice = baton.rid(t, "alice");
      const created = await db.call<Record<string, unknown>>("create", [alice, { name: "Alice", age: 30 }]);
      expect(idText(created.id)).toBe(`${t}:alice`);
      expect(withoutId(created)).toEqual({ name: "Alice", age: 30 });
      expect(withoutId(await db.call("select", [alice]))).toEqual({ name: "Alice", age: 30 });
      expect(await db.call("select", [baton.rid(t, "nobody")])).toBe(baton.none);

      await expectRpcError(db.call("create", [alice, { name: "again" }]), {
        code: -32000,
        kind: "AlreadyExists",
        details: { kind: "Record", details: { id: `${t}:alice` } },
      });

      expect(withoutId(await db.call("update", [alice, { name: "Al", x: "y" }]))).toEqual({ name: "Al", x: "y" });
      expect(await db.call("update", [baton.rid(t, "ghost"), { n: 1 }])).toBe(baton.none);
      expect(withoutId(await db.call("merge", [alice, { z: 1 }]))).toEqual({ name: "Al", x: "y", z: 1 });
      expect(withoutId(await db.call("patch", [alice, [{ op: "replace", path: "/z", value: 5 }]]))).toEqual({ name: "Al", x: "y", z: 5 });
      expect(await db.call("patch", [alice, [{ op: "add", path: "/w", value: 1 }], true])).toEqual([{ op: "add", path: "/w", value: 1 }]);

      const upserted = await db.call<Record<string, unknown>>("upsert", [baton.rid(t, "u1"), { n: 7 }]);
      expect([idText(upserted.id), withoutId(upserted)]).toEqual([`${t}:u1`, { n: 7 }]);

      expect(withoutId(await db.call("delete", [baton.rid(t, "u1")]))).toEqual({ n: 7 });
      expect(await db.call("delete", [baton.rid(t, "u1")])).toBe(baton.none);
      expect(await db.call("select", [baton.rid(t, "u1")])).toBe(baton.none);
    });

    test("an `id` in the data that differs from the target record is refused; the same id is fine", async () => {
      const db = await baton.client();
      const t = uniqueTable("idm");
      const mismatch = (key: string) => ({
        code: -32000,
        kind: "Validation",
        message: `Found ${t}:${key} for the \`id\` field, but a specific record has been specified`,
      });
      await expectRpcError(db.call("create", [baton.rid(t, 1), { id: baton.rid(t, 2), n: 1 }]), mismatch("2"));
      expect(await db.call("select", [baton.rid(t, 1)])).toBe(baton.none);
      expect(await db.call("create", [baton.rid(t, 1), { id: baton.rid(t, 1), n: 1 }])).toMatchObject({ n: 1 });
      await expectRpcError(db.call("create", [baton.rid(t, "a"), { id: "b" }]), mismatch("b"));
      for (const method of ["update", "upsert", "merge"]) {
        await expectRpcError(db.call(method, [baton.rid(t, 1), { id: baton.rid(t, 3), n: 2 }]), mismatch("3"));
        expect(await db.call(method, [baton.rid(t, 1), { id: baton.rid(t, 1), n: 2 }])).toMatchObject({ n: 2 });
      }
      expect(await db.call("select", [baton.rid(t, 3)])).toBe(baton.none);
    });

    test("table-level calls answer arrays ordered by id; create with a table generates ids", async () => {
      const db = await baton.client();
      const t = uniqueTable("p");
      await db.call("create", [baton.rid(t, "b"), { n: 2 }]);
      await db.call("create", [baton.rid(t, "a"), { n: 1 }]);
      // A plain string table gives one object (SurrealDB 3 treats it as ONLY); a Table (CBOR tag 7) an array of one.
      const fromString = await db.call<Record<string, unknown>>("create", [t, { n: 3 }]);
      expect(idKey(fromString.id)).toMatch(/^[0-9a-z]{20}$/);
      if (baton.format === "cbor") {
        const fromTable = await db.call<Record<string, unknown>[]>("create", [baton.tb(t), { n: 4 }]);
        expect(fromTable).toHaveLength(1);
        expect(withoutId(fromTable[0])).toEqual({ n: 4 });
      }
      const all = await db.call<Record<string, unknown>[]>("select", [baton.tb(t)]);
      const ids = all.map((r) => idText(r.id));
      // Ordered by key, as SurrealDB scans (generated keys may sort before or after "a").
      expect(ids).toEqual(expect.arrayContaining([`${t}:a`, `${t}:b`]));
      expect([...ids].sort()).toEqual(ids);
      expect(await db.call("select", [t])).toEqual(all);

      const merged = await db.call<Record<string, unknown>[]>("merge", [baton.tb(t), { flag: true }]);
      expect(merged.map((r) => r.flag)).toEqual(all.map(() => true));
      const deleted = await db.call<Record<string, unknown>[]>("delete", [baton.tb(t)]);
      expect(deleted.map((r) => idText(r.id))).toEqual(ids);
      expect(await db.call("select", [baton.tb(t)])).toEqual([]);
    });

    test("insert always answers an array; ids in the data become keys of the table", async () => {
      const db = await baton.client();
      const t = uniqueTable("i");
      const inserted = await db.call<Record<string, unknown>[]>("insert", [baton.tb(t), [{ id: "i1", n: 10 }, { n: 11 }]]);
      expect(inserted).toHaveLength(2);
      expect(idText(inserted[0]?.id)).toBe(`${t}:i1`);
      expect(inserted.map(withoutId)).toEqual([{ n: 10 }, { n: 11 }]);
      const single = await db.call<unknown[]>("insert", [baton.tb(t), { id: "i2", n: 12 }]);
      expect(single).toHaveLength(1);
    });

    test("relate and insert_relation make edges with in and out", async () => {
      const db = await baton.client();
      const people = uniqueTable("pp");
      const edge = uniqueTable("knows");
      const [a, b] = [baton.rid(people, "a"), baton.rid(people, "b")];
      await db.call("insert", [baton.tb(people), [{ id: "a" }, { id: "b" }]]);
      const related = await db.call<Record<string, unknown>>("relate", [a, baton.tb(edge), b, { w: 1 }]);
      expect([idText(related.in), idText(related.out), related.w]).toEqual([`${people}:a`, `${people}:b`, 1]);
      expect(idText(related.id).startsWith(`${edge}:`)).toBe(true);
      const inserted = await db.call<Record<string, unknown>[]>("insert_relation", [baton.tb(edge), { in: b, out: a, w: 2 }]);
      expect(inserted).toHaveLength(1);
      expect([idText(inserted[0]?.in), idText(inserted[0]?.out), inserted[0]?.w]).toEqual([`${people}:b`, `${people}:a`, 2]);
      expect(await db.call<unknown[]>("select", [baton.tb(edge)])).toHaveLength(2);
    });

    test("run calls built-in functions; an unknown function is an Internal error", async () => {
      const db = await baton.client();
      expect(await db.call("run", ["math::sum", null, [[1, 2, 3]]])).toBe(6);
      expect(await db.call("run", ["time::now"])).toBeTruthy();
      await expectRpcError(db.call("run", ["fn::nope"]), {
        code: -32000,
        message: "Function 'fn::nope' not found: The function 'fn::nope' does not exist",
      });
    });

    test("info answers NONE for root; let and unset answer null; protected names are refused", async () => {
      const db = await baton.client();
      expect(await db.call("info")).toBe(baton.none);
      expect(await db.call("let", ["v", 5])).toBeNull();
      expect(await db.call("set", ["v2", 6])).toBeNull();
      expect(await db.call("unset", ["v"])).toBeNull();
      await expectRpcError(db.call("let", ["session", 1]), { code: -32603, message: "Cannot set protected variable: session" });
    });

    test("unknown methods and `health` answer -32601 Method not found", async () => {
      const db = await baton.client();
      for (const method of ["nope", "health", "SELECT"]) {
        await expectRpcError(db.call(method), {
          code: -32601,
          kind: "NotFound",
          details: { kind: "Method", details: { name: "unknown" } },
          message: "Method not found",
        });
      }
    });

    test("missing params answer -32603 with SurrealDB's message", async () => {
      const db = await baton.client();
      await expectRpcError(db.call("select"), { code: -32603, kind: "Validation", message: "Expected (what:Value)" });
      await expectRpcError(db.call("use", []), { code: -32603, message: "Expected (ns, db)" });
    });

    test("methods Baton does not serve (record access) answer an error, not a wrong result", async () => {
      const db = await baton.client();
      for (const [method, params] of [
        ["signup", [{ ns: "a", db: "b", ac: "x" }]],
        ["refresh", [{ access: "a", refresh: "b" }]],
      ] as const) {
        const error = await expectRpcError(db.call(method, params), { code: expect.any(Number) as number });
        expect(error.message).not.toBe("");
      }
    });
  });
}
