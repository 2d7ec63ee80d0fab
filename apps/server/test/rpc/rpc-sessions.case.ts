// Sessions: `use` and its NONE/null/string rules (seed "Example Combinations"), isolation between
// connections and between attached sessions, attached sessions over HTTP persisting across
// requests until detached or idle too long.
import { NONE } from "@baton/client-sdk";
import { describe, expect, test } from "vitest";
import {
  expectRpcError,
  sleep,
  uniqueTable,
  useRpcBaton,
  uuidText,
  type RpcFixture,
  type RpcTransport,
} from "./rpc-fixture.js";
import type { Backend } from "../libsql-client/backends.js";
import type { RpcFormat } from "@baton/client-sdk";

/** `use`'s answer with NONE, null and absent (JSON drops NONE fields) all read as undefined. */
function selected(answer: unknown): { namespace: string | undefined; database: string | undefined } {
  const read = (value: unknown) => (value === NONE || value === null || value === undefined ? undefined : (value as string));
  const { namespace, database } = answer as Record<string, unknown>;
  return { namespace: read(namespace), database: read(database) };
}

export function sessionCases(baton: RpcFixture): void {
  describe("sessions", () => {
    test("use: each element a string selects, null clears, NONE keeps (CBOR only: JSON has no NONE)", async () => {
      const db = await baton.client({ namespace: null });
      const session = baton.newSessionId();
      const use = async (ns: unknown, dbName: unknown) => selected(await db.call("use", [ns, dbName], { session }));
      expect(await db.call("attach", [], { session })).toBe(baton.none);
      // Short names: `use [b, a]` is the tenant b--a, at most 63 characters.
      const [a, b] = [baton.newNamespace("ua"), baton.newNamespace("ub")];
      baton.tenantOf(b, a);
      expect(await use(a, a)).toEqual({ namespace: a, database: a });
      expect(await use(a, null)).toEqual({ namespace: a, database: undefined });
      expect(await use(null, null)).toEqual({ namespace: undefined, database: undefined });
      if (baton.format === "cbor") {
        expect(await use(a, a)).toEqual({ namespace: a, database: a });
        expect(await use(NONE, NONE)).toEqual({ namespace: a, database: a });
        expect(await use(b, NONE)).toEqual({ namespace: b, database: a });
        expect(await use(NONE, b)).toEqual({ namespace: b, database: b });
        expect(await use(NONE, null)).toEqual({ namespace: b, database: undefined });
        // Clearing the namespace clears the database with it (SurrealDB 3; the seed calls `[null, none]` an error).
        await use(a, a);
        expect(await use(null, NONE)).toEqual({ namespace: undefined, database: undefined });
      }
      expect(await db.call("detach", [], { session })).toBe(baton.none);
    });

    test("the tenant of `use [ns, db]` with ns ≠ db is ns--db: records there are not in ns", async () => {
      const db = await baton.client({ namespace: null });
      const session = await baton.attach(db);
      const ns = baton.newNamespace("nsdb");
      baton.tenantOf(ns, "shop");
      const t = uniqueTable("item");
      await db.call("use", [ns, "shop"], { session });
      await db.call("create", [baton.rid(t, "x"), { n: 1 }], { session });
      await db.call("use", [ns, ns], { session });
      await expect(db.call("select", [baton.rid(t, "x")], { session })).resolves.toBe(baton.none);
    });

    test("connections do not share namespace and database", async () => {
      const t = uniqueTable("iso");
      const other = baton.newNamespace("iso");
      const first = await baton.client();
      const second = await baton.client({ namespace: other });
      await first.call("create", [baton.rid(t, "k"), { owner: "first" }]);
      await second.call("create", [baton.rid(t, "k"), { owner: "second" }]);
      expect(await first.call("select", [baton.rid(t, "k")])).toMatchObject({ owner: "first" });
      expect(await second.call("select", [baton.rid(t, "k")])).toMatchObject({ owner: "second" });
    });

    test("attached sessions of one connection are isolated from each other and from the default session", async () => {
      const db = await baton.client();
      const [s1, s2] = [await baton.attach(db), await baton.attach(db)];
      const other = baton.newNamespace("attach");
      await expectRpcError(db.call("attach", [], { session: s1 }), {
        code: -32000,
        kind: "AlreadyExists",
        details: { kind: "Session", details: { id: uuidText(s1) } },
        message: `Session already exists: ${uuidText(s1)}`,
      });
      await db.call("use", [other, other], { session: s2 });
      const t = uniqueTable("att");
      await db.call("create", [baton.rid(t, "k"), { in: "s2" }], { session: s2 });
      // The default session (the fixture's tenant, from the headers) does not see s2's record.
      expect(await db.call("select", [baton.rid(t, "k")])).toBe(baton.none);
      // Over HTTP `sessions` lists every session the user attached, from any request.
      const listed = (await db.call<unknown[]>("sessions")).map(uuidText);
      expect(listed).toEqual(expect.arrayContaining([uuidText(s1), uuidText(s2)]));
      if (baton.transport === "ws") expect(listed).toHaveLength(2);
      await db.call("detach", [], { session: s1 });
      const after = (await db.call<unknown[]>("sessions")).map(uuidText);
      expect([after.includes(uuidText(s1)), after.includes(uuidText(s2))]).toEqual([false, true]);
      await expectRpcError(db.call("ping", [], { session: s1 }), {
        code: -32000,
        kind: "NotFound",
        details: { kind: "Session", details: { id: uuidText(s1) } },
        message: `Session not found: ${uuidText(s1)}`,
      });
      await expectRpcError(db.call("detach"), { code: -32603, message: "Expected a session ID" });
      await db.call("detach", [], { session: s2 });
    });

    test("an attached session's variables and tenant persist across calls (HTTP: across requests)", async () => {
      const db = await baton.client({ namespace: null });
      const session = await baton.attach(db);
      await db.call("use", [baton.namespace, baton.namespace], { session });
      const t = uniqueTable("persist");
      // No Surreal-NS header: only the attached session knows the tenant.
      await db.call("create", [baton.rid(t, "k"), { n: 1 }], { session });
      expect(await db.call("select", [baton.rid(t, "k")], { session })).toMatchObject({ n: 1 });
      const fresh = await baton.client();
      expect(await fresh.call("select", [baton.rid(t, "k")])).toMatchObject({ n: 1 });
      await db.call("detach", [], { session });
      await expectRpcError(db.call("select", [baton.rid(t, "k")], { session }), { code: -32000, kind: "NotFound" });
    });

    if (baton.transport === "http") {
      test("attached HTTP sessions belong to the credentials that attached them: anonymous requests cannot list, use or attach", async () => {
        const owner = await baton.client({ namespace: null });
        const session = await baton.attach(owner);
        await owner.call("use", [baton.namespace, baton.namespace], { session });
        const t = uniqueTable("owned");
        await owner.call("create", [baton.rid(t, "k"), { secret: 1 }], { session });
        const anonymous = await baton.client({ auth: "none", namespace: null });
        const notFound = {
          code: -32000,
          kind: "NotFound",
          details: { kind: "Session", details: { id: uuidText(session) } },
          message: `Session not found: ${uuidText(session)}`,
        };
        // The session signed in by its own `signin`, yet a request without credentials cannot reach it.
        for (const [method, params] of [["select", [baton.rid(t, "k")]], ["ping", []], ["use", [null, null]], ["detach", []]] as const) {
          await expectRpcError(anonymous.call(method, [...params], { session }), notFound);
        }
        await expectRpcError(anonymous.call("sessions"), { code: -32602, kind: "NotAllowed", message: /Authorization header/ });
        await expectRpcError(anonymous.call("attach", [], { session: baton.newSessionId() }), { code: -32602, kind: "NotAllowed" });
        // Another request with the root user's credentials is the same owner.
        const again = await baton.client({ namespace: null });
        expect(await again.call("select", [baton.rid(t, "k")], { session })).toMatchObject({ secret: 1 });
        await again.call("detach", [], { session });
      });
    }

    test("reset clears the session's namespace and database; the session survives", async () => {
      const db = await baton.client({ namespace: null });
      const session = await baton.attach(db);
      await db.call("use", [baton.namespace, baton.namespace], { session });
      expect(await db.call("reset", [], { session })).toBe(baton.none);
      expect((await db.call<unknown[]>("sessions")).map(uuidText)).toContain(uuidText(session));
      // Signed out by the reset, and with no tenant: the select is refused.
      await expectRpcError(db.call("select", [baton.rid(uniqueTable("r"), "k")], { session }), { code: expect.any(Number) as number });
      await db.call("detach", [], { session });
    });
  });
}

/** HTTP attached sessions expire when idle; a server of their own with a short idle time. */
export function sessionExpiryCases(config: { transport: RpcTransport; format: RpcFormat; backend: Backend }): void {
  // The busy session is used every tenth of this, plus one request's latency: only a request
  // slower than nine tenths of it (not a loaded machine's slow one) could let it expire.
  const IDLE_MS = 1000;
  describe("attached HTTP sessions expire when idle", () => {
    const baton = useRpcBaton(config, { args: ["--rpc-session-idle-timeout", String(IDLE_MS)] });
    test("an idle attached session is gone; one in use is kept", async () => {
      const db = await baton.client();
      const [idle, busy] = [baton.newSessionId(), baton.newSessionId()];
      await db.call("attach", [], { session: idle });
      await db.call("attach", [], { session: busy });
      // The server runs in this process: its sweeps (every quarter of the idle time) that fall
      // due before this timer run before it, so once it fires the idle session has been swept.
      let swept = false;
      const idleTimePassed = sleep(2 * IDLE_MS).then(() => (swept = true));
      // Used often until then: still there.
      while (!swept) {
        expect(await db.call("ping", [], { session: busy })).toBe(baton.none);
        await Promise.race([sleep(IDLE_MS / 10), idleTimePassed]);
      }
      expect(await db.call("ping", [], { session: busy })).toBe(baton.none);
      await expectRpcError(db.call("ping", [], { session: idle }), {
        code: -32000,
        kind: "NotFound",
        details: { kind: "Session", details: { id: uuidText(idle) } },
      });
    });
  });
}
