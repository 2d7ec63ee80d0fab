// Authentication: the root user of `--user/--pass` signs in over RPC and gets a JWT; the token
// authenticates RPC sessions and Hrana clients alike; header credentials that fail are a 401 with
// a plain-text body before any RPC runs (reference 1.2, 9); forged and expired tokens are refused.
import { createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { expectRefused, expectRpcError, JWT_SECRET, mintToken, ROOT, rootClaims, uniqueTable, type RpcFixture } from "./rpc-fixture.js";

const now = () => Math.floor(Date.now() / 1000);

export function authCases(baton: RpcFixture): void {
  describe("authentication", () => {
    test("signin as root answers a JWT; wrong or missing passwords are NotAllowed", async () => {
      const db = await baton.client({ auth: "none" });
      const token = await db.call("signin", [{ user: ROOT.user, pass: ROOT.pass }]);
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      const claims = JSON.parse(Buffer.from((token as string).split(".")[1] as string, "base64url").toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ ID: ROOT.user });
      await expectRpcError(db.call("signin", [{ user: ROOT.user, pass: "nope" }]), {
        code: -32002,
        kind: "NotAllowed",
        details: { kind: "Auth", details: { kind: "InvalidAuth" } },
      });
      await expectRpcError(db.call("signin", [{ user: ROOT.user }]), {
        code: -32002,
        kind: "NotAllowed",
        details: { kind: "Auth", details: { kind: "MissingUserOrPass" } },
      });
    });

    test("a session that has not signed in may not touch records", async () => {
      const db = await baton.client({ auth: "none" });
      await expectRpcError(db.call("select", [baton.rid(uniqueTable("anon"), "k")]), { code: expect.any(Number) as number, kind: "NotAllowed" });
    });

    test("the signin token authenticates: `authenticate` on a session, or `Authorization: Bearer`", async () => {
      const signer = await baton.client({ auth: "none" });
      const token = await signer.call<string>("signin", [{ user: ROOT.user, pass: ROOT.pass }]);
      const t = uniqueTable("tok");
      if (baton.transport === "ws") {
        // Over WebSocket the session keeps the identity the signin gave it.
        await signer.call("create", [baton.rid(t, "a"), { n: 1 }]);
        const other = await baton.client({ auth: "none" });
        expect(await other.call("authenticate", [token])).toBe(baton.none);
        expect(await other.call("select", [baton.rid(t, "a")])).toMatchObject({ n: 1 });
        expect(await other.call("invalidate")).toBe(baton.none);
        await expectRpcError(other.call("select", [baton.rid(t, "a")]), { code: expect.any(Number) as number, kind: "NotAllowed" });
      }
      const bearer = await baton.client({ auth: { header: `Bearer ${token}` } });
      await bearer.call("create", [baton.rid(t, "b"), { n: 2 }]);
      expect(await bearer.call("select", [baton.rid(t, "b")])).toMatchObject({ n: 2 });
    });

    test("forged and expired tokens are refused by authenticate", async () => {
      const db = await baton.client({ auth: "none" });
      const forged = mintToken(rootClaims({ iat: now(), ttl: 3600 }), randomBytes(32));
      await expectRpcError(db.call("authenticate", [forged]), { code: -32002, kind: "NotAllowed" });
      const expired = mintToken(rootClaims({ iat: now() - 7200, ttl: 3600 }), JWT_SECRET);
      await expectRpcError(db.call("authenticate", [expired]), {
        code: -32002,
        kind: "NotAllowed",
        details: { kind: "Auth", details: { kind: "TokenExpired" } },
      });
      await expectRpcError(db.call("authenticate", ["x.y.z"]), { code: expect.any(Number) as number });
      // A token minted with the server's key is as good as one it issued.
      expect(await db.call("authenticate", [mintToken(rootClaims({ iat: now(), ttl: 60 }), JWT_SECRET)])).toBe(baton.none);
    });

    test("bad header credentials are a 401 with a plain-text body, on HTTP requests and WebSocket upgrades", async () => {
      const bad = [
        `Basic ${Buffer.from(`${ROOT.user}:wrong`).toString("base64")}`,
        `Bearer ${mintToken(rootClaims({ iat: now(), ttl: 3600 }), randomBytes(32))}`,
        `Bearer ${mintToken(rootClaims({ iat: now() - 7200, ttl: 3600 }), JWT_SECRET)}`,
        "Digest abc",
      ];
      for (const header of bad) {
        if (baton.transport === "ws") {
          const refused = await expectRefused(baton.client({ auth: { header } }), 401);
          expect(refused.body).not.toBe("");
          expect(() => JSON.parse(refused.body ?? "")).toThrow();
        } else {
          const db = await baton.client({ auth: { header } });
          const refused = await expectRefused(db.call("ping"), 401);
          expect(refused.body).not.toBe("");
          expect(() => JSON.parse(refused.body ?? "")).toThrow();
        }
      }
    });

    test("a token signed with the server's key but naming another user is refused by RPC and Hrana alike", async () => {
      const stranger = mintToken({ ...rootClaims({ iat: now(), ttl: 3600 }), ID: "mallory" }, JWT_SECRET);
      const db = await baton.client({ auth: "none" });
      await expectRpcError(db.call("authenticate", [stranger]), {
        code: -32002,
        kind: "NotAllowed",
        details: { kind: "Auth", details: { kind: "InvalidAuth" } },
      });
      await expectRpcError(db.call("select", [baton.rid(uniqueTable("stranger"), "k")]), { code: -32602, kind: "NotAllowed" });
      if (baton.transport === "ws") {
        await expectRefused(baton.client({ auth: { header: `Bearer ${stranger}` } }), 401);
      } else {
        const bearer = await baton.client({ auth: { header: `Bearer ${stranger}` } });
        await expectRefused(bearer.call("ping"), 401);
      }
      const hrana = createClient({ url: `${baton.server.httpUrl}/ns/${baton.namespace}/`, authToken: stranger });
      try {
        await expect(hrana.execute("SELECT 1")).rejects.toThrow();
      } finally {
        hrana.close();
      }
    });

    test("one signin serves both protocols: the RPC token is a Hrana bearer token", async () => {
      const db = await baton.client({ auth: "none" });
      const token = await db.call<string>("signin", [{ user: ROOT.user, pass: ROOT.pass }]);
      const hrana = createClient({ url: `${baton.server.httpUrl}/ns/${baton.namespace}/`, authToken: token });
      try {
        const rs = await hrana.execute("SELECT 1 AS one");
        expect(Number(rs.rows[0]?.[0])).toBe(1);
      } finally {
        hrana.close();
      }
      const forged = createClient({
        url: `${baton.server.httpUrl}/ns/${baton.namespace}/`,
        authToken: mintToken(rootClaims({ iat: now(), ttl: 3600 }), randomBytes(32)),
      });
      try {
        await expect(forged.execute("SELECT 1")).rejects.toThrow();
      } finally {
        forged.close();
      }
    });
  });
}
