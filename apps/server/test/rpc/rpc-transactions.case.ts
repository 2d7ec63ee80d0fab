// Interactive transactions (WebSocket only, reference 3.5): `begin` answers a UUID, calls carrying
// it as `txn` run inside it, `commit` keeps their writes and `cancel` drops them; a socket that
// closes mid-transaction leaves nothing behind. Over HTTP the methods do not exist.
import { describe, expect, test } from "vitest";
import { expectRpcError, uniqueTable, type RpcFixture } from "./rpc-fixture.js";

export function transactionCases(baton: RpcFixture): void {
  describe("transactions", () => {
    if (baton.transport === "http") {
      test("begin, commit and cancel are not methods over HTTP (-32601)", async () => {
        const db = await baton.client();
        for (const method of ["begin", "commit", "cancel"]) await expectRpcError(db.call(method), { code: -32601 });
      });
      return;
    }

    if (baton.format === "json") {
      // JSON has no UUID type: `begin` answers the UUID's text, and commit/cancel take it back.
      test("JSON: begin answers the transaction's UUID as text", async () => {
        const db = await baton.client();
        const txn = await db.call("begin");
        expect(txn).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        await db.call("cancel", [txn]);
        await expectRpcError(db.call("commit", ["not-a-uuid"]), { code: -32603, message: "Expected transaction UUID" });
      });
    }

    test("commit keeps the transaction's writes", async () => {
      const db = await baton.client();
      const t = uniqueTable("tx");
      await db.call("create", [baton.rid(t, "before"), { n: 0 }]);
      const txn = await db.call("begin");
      expect(await db.call("create", [baton.rid(t, "t1"), { n: 1 }], { txn })).toMatchObject({ n: 1 });
      expect(await db.call("select", [baton.rid(t, "t1")], { txn })).toMatchObject({ n: 1 });
      expect(await db.call("commit", [txn])).toBe(baton.none);
      expect(await db.call("select", [baton.rid(t, "t1")])).toMatchObject({ n: 1 });
      await expectRpcError(db.call("commit", [txn]), { code: -32603, kind: "Validation", message: "Transaction not found" });
    });

    test("cancel drops the transaction's writes", async () => {
      const db = await baton.client();
      const t = uniqueTable("tx");
      await db.call("create", [baton.rid(t, "keep"), { n: 0 }]);
      const txn = await db.call("begin");
      await db.call("create", [baton.rid(t, "t2"), { n: 2 }], { txn });
      await db.call("delete", [baton.rid(t, "keep")], { txn });
      expect(await db.call("cancel", [txn])).toBe(baton.none);
      expect(await db.call("select", [baton.rid(t, "t2")])).toBe(baton.none);
      expect(await db.call("select", [baton.rid(t, "keep")])).toMatchObject({ n: 0 });
      await expectRpcError(db.call("cancel", [txn]), { code: -32603, message: "Transaction not found" });
    });

    test("a transaction belongs to the session and tenant that began it", async () => {
      const db = await baton.client({ namespace: null });
      const [a, b] = [baton.newNamespace("txa"), baton.newNamespace("txb")];
      const t = uniqueTable("txown");
      await db.call("use", [a, a]);
      const txn = await db.call("begin");
      await db.call("use", [b, b]);
      await expectRpcError(db.call("create", [baton.rid(t, "k"), { n: 1 }], { txn }), {
        code: -32000,
        kind: "Validation",
        message: new RegExp(`belongs to tenant '${a}'`),
      });
      // Another session of the same socket cannot use, commit or cancel it.
      const other = await baton.attach(db);
      await db.call("use", [a, a], { session: other });
      const notFound = { code: -32603, message: "Transaction not found" };
      await expectRpcError(db.call("create", [baton.rid(t, "k"), { n: 2 }], { txn, session: other }), notFound);
      await expectRpcError(db.call("commit", [txn], { session: other }), notFound);
      await expectRpcError(db.call("cancel", [txn], { session: other }), notFound);
      // Back on its tenant, the owning session writes and commits into tenant a only.
      await db.call("use", [a, a]);
      expect(await db.call("create", [baton.rid(t, "k"), { n: 3 }], { txn })).toMatchObject({ n: 3 });
      await db.call("commit", [txn]);
      expect(await db.call("select", [baton.rid(t, "k")])).toMatchObject({ n: 3 });
      await db.call("use", [b, b]);
      expect(await db.call("select", [baton.rid(t, "k")])).toBe(baton.none);
    });

    test("a socket dropped mid-transaction leaves nothing, and the database stays writable", async () => {
      const t = uniqueTable("tx");
      const setup = await baton.client();
      await setup.call("create", [baton.rid(t, "base"), { n: 0 }]);
      const doomed = await baton.client();
      const txn = await doomed.call("begin");
      await doomed.call("create", [baton.rid(t, "lost"), { n: 3 }], { txn });
      await doomed.call("merge", [baton.rid(t, "base"), { n: 99 }], { txn });
      await doomed.close();
      const after = await baton.client();
      expect(await after.call("select", [baton.rid(t, "lost")])).toBe(baton.none);
      expect(await after.call("select", [baton.rid(t, "base")])).toMatchObject({ n: 0 });
      // The dropped transaction's locks are gone: a write to the same record goes through.
      expect(await after.call("merge", [baton.rid(t, "base"), { n: 1 }])).toMatchObject({ n: 1 });
    });
  });
}
