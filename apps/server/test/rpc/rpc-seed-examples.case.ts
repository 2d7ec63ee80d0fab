// The request/response examples of SurrealDB's RPC documentation (seed 001), ids and times
// aside. Where Baton follows SurrealDB 3's observed behaviour instead of the documented example,
// the case asserts Baton's answer and says so; docs/surreal-rpc.md lists these deviations.
import { describe, expect, test } from "vitest";
import { expectRpcError, idText, ROOT, type RpcFixture } from "./rpc-fixture.js";

type Rec = Record<string, unknown>;

/** A record with its id as `table:key` text, so both formats compare alike. */
function plain(record: unknown): Rec {
  const r = record as Rec;
  const out: Rec = { ...r, id: idText(r.id) };
  for (const link of ["in", "out"]) if (link in r) out[link] = idText(r[link]);
  return out;
}

export function seedExampleCases(baton: RpcFixture): void {
  describe("seed examples (SurrealDB RPC documentation)", () => {
    // The examples' own table names, in a tenant of their own.
    const ns = baton.newNamespace("seed");
    const client = () => baton.client({ namespace: ns });

    test("use [ns, db] → {namespace, database} (documented: null)", async () => {
      const db = await baton.client({ namespace: null });
      expect(await db.call("use", [ns, ns])).toEqual({ namespace: ns, database: ns });
    });

    test("version → a string (documented: {version, build, timestamp})", async () => {
      const db = await client();
      expect(await db.call("version")).toMatch(/^surrealdb-/);
      await expectRpcError(db.call("version", ["x"]), { code: -32603, details: { kind: "InvalidParams" } });
    });

    test("ping, let, unset, invalidate, reset → null", async () => {
      const db = await client();
      expect(await db.call("ping")).toBe(baton.none);
      expect(await db.call("let", ["website", "https://surrealdb.com/"])).toBeNull();
      expect(await db.call("unset", ["website"])).toBeNull();
      expect(await db.call("invalidate")).toBe(baton.none);
      expect(await db.call("reset")).toBe(baton.none);
    });

    test("signin as root → a JWT (documented: null); authenticate [token] → null", async () => {
      const db = await client();
      const token = await db.call("signin", [{ user: ROOT.user, pass: ROOT.pass }]);
      expect(token).toMatch(/^eyJ/);
      expect(await db.call("authenticate", [token])).toBe(baton.none);
    });

    test("create [\"person\", {name}] → the created record (documented: an array of one)", async () => {
      const db = await client();
      const created = plain(await db.call("create", ["person", { name: "Mary Doe" }]));
      expect(created).toEqual({ id: expect.stringMatching(/^person:[0-9a-z]{20}$/) as string, name: "Mary Doe" });
    });

    test("insert one and bulk → arrays", async () => {
      const db = await client();
      const one = (await db.call<Rec[]>("insert", ["person", { name: "Mary Doe" }])).map(plain);
      expect(one).toEqual([{ id: expect.stringMatching(/^person:/) as string, name: "Mary Doe" }]);
      const bulk = (await db.call<Rec[]>("insert", ["person", [{ name: "Mary Doe" }, { name: "John Doe" }]])).map(plain);
      expect(bulk.map((r) => r.name)).toEqual(["Mary Doe", "John Doe"]);
    });

    test("update, upsert and delete of one record → the record", async () => {
      const db = await client();
      const john = baton.rid("person", "8s0j0bbm3ngrd5c9bx53");
      await db.call("create", [john, { name: "John", active: true, last_updated: "2023-06-16T08:34:25Z" }]);
      expect(plain(await db.call("update", [john, { name: "John Doe" }]))).toEqual({ id: "person:8s0j0bbm3ngrd5c9bx53", name: "John Doe" });
      const upserted = plain(await db.call("upsert", [baton.rid("person", "12s0j0bbm3ngrd5c9bx53"), { name: "John Doe", job: "Software developer" }]));
      expect(upserted).toEqual({ id: "person:12s0j0bbm3ngrd5c9bx53", name: "John Doe", job: "Software developer" });
      await db.call("merge", [john, { active: true }]);
      expect(plain(await db.call("delete", [john]))).toEqual({ id: "person:8s0j0bbm3ngrd5c9bx53", name: "John Doe", active: true });
    });

    test("select [\"person\"] and merge [\"person\", data] → arrays of every record", async () => {
      const db = await client();
      const all = (await db.call<Rec[]>("select", ["person"])).map(plain);
      expect(all.length).toBeGreaterThanOrEqual(4);
      const merged = (await db.call<Rec[]>("merge", ["person", { active: true }])).map(plain);
      expect(merged.map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(merged.every((r) => r.active === true)).toBe(true);
    });

    test("patch [\"person\", ops] → the patched records (documented: the patches)", async () => {
      const db = await client();
      // JSON Patch `replace` needs the field to exist (RFC 6902, 4.3): give every person one first.
      await db.call("merge", ["person", { last_updated: "2020-01-01T00:00:00Z" }]);
      const patched = (await db.call<Rec[]>("patch", ["person", [{ op: "replace", path: "/last_updated", value: "2023-06-16T08:34:25Z" }]])).map(plain);
      expect(patched.every((r) => r.last_updated === "2023-06-16T08:34:25Z")).toBe(true);
      const diffs = await db.call<unknown[]>("patch", ["person", [{ op: "replace", path: "/active", value: false }], true]);
      expect(diffs.every((d) => Array.isArray(d))).toBe(true);
    });

    test("relate [in, \"knows\", out] and with data → the edge (documented ids are not SurrealDB's)", async () => {
      const db = await client();
      const [a, b] = [baton.rid("person", "john_doe"), baton.rid("person", "jane_smith")];
      await db.call("insert", ["person", [{ id: "john_doe" }, { id: "jane_smith" }]]);
      const edge = plain(await db.call("relate", [a, "knows", b]));
      expect(edge).toEqual({ id: expect.stringMatching(/^knows:/) as string, in: "person:john_doe", out: "person:jane_smith" });
      const withData = plain(await db.call("relate", [a, "knows", b, { since: "2020-01-01" }]));
      expect(withData).toMatchObject({ in: "person:john_doe", out: "person:jane_smith", since: "2020-01-01" });
    });

    test("insert_relation [table, data] and [null, data with id] → arrays (documented: objects)", async () => {
      const db = await client();
      await db.call("insert", ["user", [{ id: "alice" }, { id: "bob" }]]);
      await db.call("insert", ["post", [{ id: "p123" }]]);
      const [alice, bob, post] = [baton.rid("user", "alice"), baton.rid("user", "bob"), baton.rid("post", "p123")];
      const likes = (await db.call<Rec[]>("insert_relation", ["likes", { in: alice, out: post, since: "2024-09-15T12:34:56Z" }])).map(plain);
      expect(likes).toEqual([{ id: expect.stringMatching(/^likes:/) as string, in: "user:alice", out: "post:p123", since: "2024-09-15T12:34:56Z" }]);
      const follows = (await db.call<Rec[]>("insert_relation", [null, { id: baton.rid("follows", "ab"), in: alice, out: bob }])).map(plain);
      expect(follows).toEqual([{ id: "follows:ab", in: "user:alice", out: "user:bob" }]);
      await expectRpcError(db.call("insert_relation", ["likes"]), { code: -32603, kind: "Validation" });
    });

    test("run [\"time::now\"] → a datetime; fn:: functions need DEFINE FUNCTION, which Baton has not", async () => {
      const db = await client();
      const now = await db.call("run", ["time::now"]);
      if (baton.format === "json") expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      else expect(now?.constructor.name).toBe("Datetime");
      await expectRpcError(db.call("run", ["fn::calculate_discount", null, [100, 15]]), { code: -32000 });
    });

    test("info → NONE for root (documented: the record user's record; Baton has no record users)", async () => {
      const db = await client();
      expect(await db.call("info")).toBe(baton.none);
    });

    test("query runs the example's two statements; live and record-access signin/signup → an error (not served by Baton)", async () => {
      const db = await client();
      const results = (await db.call("query", ["CREATE person SET name = 'John'; SELECT * FROM type::table($tb);", { tb: "person" }])) as {
        status: string;
        result: { name: string }[];
      }[];
      expect(results.map((entry) => entry.status)).toEqual(["OK", "OK"]);
      expect(results[0]?.result).toEqual([expect.objectContaining({ name: "John" })]);
      expect(results[1]?.result).toContainEqual(expect.objectContaining({ name: "John" }));
      await expectRpcError(db.call("live", ["person"]), { code: expect.any(Number) as number });
      const access = { NS: "surrealdb", DB: "docs", AC: "commenter", username: "johndoe", password: "SuperStrongPassword!" };
      await expectRpcError(db.call("signup", [access]), { code: expect.any(Number) as number });
      await expectRpcError(db.call("signin", [access]), { code: expect.any(Number) as number });
    });
  });
}
