// Limits on what one client may hold: variables per session (count and size), sessions attached
// per WebSocket and per HTTP user, transactions open per WebSocket and their idle timeout. Beyond
// a limit the call is refused with -32000 NotAllowed, details {kind: "Limit", details: {limit, max}},
// and what was held stays usable (docs/surreal-rpc.md, "Limits").
import type { RpcFormat } from "@baton/client-sdk";
import { describe, expect, test } from "vitest";
import type { Backend } from "../libsql-client/backends.js";
import { expectRpcError, sleep, uniqueTable, useRpcBaton, uuidText, type RpcFixture, type RpcTransport } from "./rpc-fixture.js";

const limit = (name: string, max: number) => ({
  code: -32000,
  kind: "NotAllowed",
  details: { kind: "Limit", details: { limit: name, max } },
});

export function limitCases(baton: RpcFixture): void {
  describe("limits", () => {
    test("a session keeps at most 256 variables; replacing and unsetting stay allowed", async () => {
      const db = await baton.client();
      const session = await baton.attach(db);
      for (let i = 0; i < 256; i++) await db.call("let", [`v${i}`, i], { session });
      await expectRpcError(db.call("let", ["one_more", 1], { session }), limit("maxVariables", 256));
      await db.call("let", ["v0", "replaced"], { session });
      await db.call("unset", ["v1"], { session });
      await db.call("let", ["one_more", 1], { session });
      await db.call("detach", [], { session });
    });

    test("a session's variables hold at most 1 MiB together (estimated)", async () => {
      const db = await baton.client();
      const session = await baton.attach(db);
      // Each value fits a message (--max-body 1 MiB here); together they do not fit the session.
      const big = "x".repeat(200 * 1024);
      await db.call("let", ["a", big], { session });
      await db.call("let", ["b", big], { session });
      await expectRpcError(db.call("let", ["c", big], { session }), limit("maxVariableBytes", 1024 * 1024));
      await db.call("unset", ["a"], { session });
      await db.call("let", ["c", big], { session });
      await db.call("detach", [], { session });
    });

    if (baton.transport === "ws") {
      test("one WebSocket attaches at most 256 sessions, before signing in too", async () => {
        const db = await baton.client({ auth: "none" });
        const ids = await Promise.all(Array.from({ length: 256 }, async () => {
          const id = baton.newSessionId();
          await db.call("attach", [], { session: id });
          return id;
        }));
        await expectRpcError(db.call("attach", [], { session: baton.newSessionId() }), limit("maxSessionsPerSocket", 256));
        await db.call("detach", [], { session: ids[0] });
        await db.call("attach", [], { session: baton.newSessionId() });
        expect(await db.call<unknown[]>("sessions")).toHaveLength(256);
      });

      test("one WebSocket opens at most 4 transactions at once; ending one makes room", async () => {
        const db = await baton.client();
        const tenants = Array.from({ length: 4 }, () => baton.newNamespace("txcap"));
        const txns: unknown[] = [];
        // One tenant each, so that no begin waits for another's lock on SQLite.
        for (const ns of tenants) {
          await db.call("use", [ns, ns]);
          txns.push(await db.call("begin"));
        }
        await expectRpcError(db.call("begin"), limit("maxTransactionsPerSocket", 4));
        await db.call("cancel", [txns[0]]);
        await db.call("use", [tenants[0], tenants[0]]);
        const fifth = await db.call("begin");
        for (const txn of [...txns.slice(1), fifth]) await db.call("cancel", [txn]);
      });
    } else {
      test("one user holds at most 1024 attached HTTP sessions", async () => {
        const db = await baton.client();
        const before = (await db.call<unknown[]>("sessions")).length;
        const mine: unknown[] = [];
        try {
          for (let i = before; i < 1024; i++) {
            const id = baton.newSessionId();
            await db.call("attach", [], { session: id });
            mine.push(id);
          }
          await expectRpcError(db.call("attach", [], { session: baton.newSessionId() }), limit("maxHttpSessionsPerOwner", 1024));
        } finally {
          for (const id of mine) await db.call("detach", [], { session: id });
        }
        await db.call("detach", [], { session: await baton.attach(db) });
      });
    }
  });
}

/** Transactions unused for `--rpc-transaction-idle-timeout` roll back; a server of its own with a short one. */
export function transactionExpiryCases(config: { transport: RpcTransport; format: RpcFormat; backend: Backend }): void {
  // The busy transaction is used every tenth of this, plus one request's latency, and the idle one
  // must outlive three requests: only a request slower than nine tenths of it (not a loaded
  // machine's slow one) could roll back either too early.
  const IDLE_MS = 1000;
  describe("idle RPC transactions roll back", () => {
    const baton = useRpcBaton(config, { args: ["--rpc-transaction-idle-timeout", String(IDLE_MS), "--rpc-max-transactions", "2"] });
    test("an idle transaction is rolled back and gone; one in use is kept; the limit comes from the flag", async () => {
      const db = await baton.client();
      const t = uniqueTable("idle");
      const [a, b] = [baton.newNamespace("idlea"), baton.newNamespace("idleb")];
      await db.call("use", [a, a]);
      const idle = await db.call("begin");
      await db.call("create", [baton.rid(t, "lost"), { n: 1 }], { txn: idle });
      await db.call("use", [b, b]);
      const busy = await db.call("begin");
      await expectRpcError(db.call("begin"), limit("maxTransactionsPerSocket", 2));
      // The server runs in this process: the idle transaction's timer, due before this one, fires
      // before it, so once it has fired the idle transaction has been rolled back.
      let rolledBack = false;
      const idleTimePassed = sleep(2 * IDLE_MS).then(() => (rolledBack = true));
      // Used often until then: still open, and committed.
      let kept = 0;
      while (!rolledBack) {
        await db.call("create", [baton.rid(t, `kept${kept}`), { n: kept }], { txn: busy });
        kept++;
        await Promise.race([sleep(IDLE_MS / 10), idleTimePassed]);
      }
      await db.call("commit", [busy]);
      expect(await db.call("select", [baton.rid(t, `kept${kept - 1}`)])).toMatchObject({ n: kept - 1 });
      await db.call("use", [a, a]);
      await expectRpcError(db.call("select", [baton.rid(t, "lost")], { txn: idle }), { code: -32603, message: "Transaction not found" });
      await expectRpcError(db.call("commit", [idle]), { code: -32603, message: "Transaction not found" });
      expect(await db.call("select", [baton.rid(t, "lost")])).toBe(baton.none);
      // The rolled-back transaction's connection and lock are free again: the tenant is writable.
      expect(await db.call("create", [baton.rid(t, "after"), { n: 2 }])).toMatchObject({ n: 2 });
      // Both gone: room for two transactions again.
      const next = [await db.call("begin")];
      await db.call("use", [b, b]);
      next.push(await db.call("begin"));
      expect(next.map(uuidText)).toHaveLength(2);
    });
  });
}
