// Hrana ⇄ RPC on the same tenant: rows written by @libsql/client read as records over RPC, and
// records written over RPC read as rows by @libsql/client (docs/record-model.md: "a record is a
// row"). The tenant of `use [ns, db]` is `ns` when they are equal, else `ns--db`; Hrana reaches it
// with the `/ns/NAME/` path prefix or the `x-database-namespace` header.
import { describe, expect, test } from "vitest";
import { BASIC_ROOT, idText, uniqueTable, withoutId, type RpcFixture } from "./rpc-fixture.js";

export function interopCases(baton: RpcFixture): void {
  describe("Hrana and RPC on one tenant", () => {
    test("rows inserted over Hrana are records over RPC, keyed by the primary key", async () => {
      const { types } = baton.backend.caps;
      const t = uniqueTable("people");
      const hrana = baton.hrana();
      await hrana.execute(`CREATE TABLE ${t} (id ${types.integer} PRIMARY KEY, name ${types.text}, age ${types.integer})`);
      await hrana.execute({ sql: `INSERT INTO ${t} (id, name, age) VALUES (?, ?, ?), (?, ?, ?)`, args: [1, "Ada", 36, 2, "Alan", 41] });
      const db = await baton.client();
      const records = await db.call<Record<string, unknown>[]>("select", [baton.tb(t)]);
      expect(records.map((r) => idText(r.id))).toEqual([`${t}:1`, `${t}:2`]);
      expect(records.map(withoutId)).toEqual([
        { name: "Ada", age: 36 },
        { name: "Alan", age: 41 },
      ]);
      expect(withoutId(await db.call("select", [baton.rid(t, 2)]))).toEqual({ name: "Alan", age: 41 });
      // And a write over RPC to that SQL table is a row for Hrana.
      await db.call("create", [baton.rid(t, 3), { name: "Grace", age: 45 }]);
      const rs = await hrana.execute(`SELECT name, age FROM ${t} WHERE id = 3`);
      expect(rs.rows.map((row) => [row[0], Number(row[1])])).toEqual([["Grace", 45]]);
    });

    test("records created over RPC are rows for @libsql/client", async () => {
      const t = uniqueTable("notes");
      const db = await baton.client();
      await db.call("create", [baton.rid(t, "a"), { body: "hello", n: 5, ok: true }]);
      await db.call("insert", [baton.tb(t), [{ id: "b", body: "world", n: 6, ok: false }]]);
      const rs = await baton.hrana().execute(`SELECT id, body, n FROM ${t} ORDER BY id`);
      expect(rs.rows.map((row) => [row[0], row[1], Number(row[2])])).toEqual([
        ["a", "hello", 5],
        ["b", "world", 6],
      ]);
    });

    test("`use [ns, db]` with ns ≠ db is the Hrana tenant ns--db, by path prefix and by header", async () => {
      const ns = baton.newNamespace("shop");
      const tenant = baton.tenantOf(ns, "orders");
      const t = uniqueTable("o");
      const db = await baton.client({ namespace: null, headers: { "Surreal-NS": ns, "Surreal-DB": "orders" } });
      await db.call("create", [baton.rid(t, "first"), { total: 12 }]);
      const rs = await baton.hrana(tenant).execute(`SELECT id, total FROM ${t}`);
      expect(rs.rows.map((row) => [row[0], Number(row[1])])).toEqual([["first", 12]]);
      const res = await fetch(`${baton.server.httpUrl}/v2/pipeline`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-database-namespace": tenant, Authorization: BASIC_ROOT },
        body: JSON.stringify({ requests: [{ type: "execute", stmt: { sql: `SELECT count(*) FROM ${t}` } }, { type: "close" }] }),
      });
      const body = (await res.json()) as { results: { response: { result: { rows: { value: string }[][] } } }[] };
      expect(body.results[0]?.response.result.rows[0]?.[0]?.value).toBe("1");
    });

    test("the headers of SurrealDB before 2.0, NS and DB, select the tenant too", async () => {
      const t = uniqueTable("old");
      const db = await baton.client({ namespace: null, headers: { NS: baton.namespace, DB: baton.namespace } });
      await db.call("create", [baton.rid(t, "k"), { v: "old headers" }]);
      const rs = await baton.hrana().execute(`SELECT v FROM ${t}`);
      expect(rs.rows.map((row) => row[0])).toEqual(["old headers"]);
    });
  });
}
