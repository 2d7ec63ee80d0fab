// Connecting the official SDK: the version gate, root sign-in (good and bad), `use`, `auth()`, and
// what the SDK offers on each transport (reference sections 10 and 11.3).
import { Features, NotAllowedError, RecordId, ServerError, Table, UnsupportedFeatureError } from "surrealdb";
import { describe, expect, it } from "vitest";
import { rejection, SDK_ROOT, uniqueTable, withoutId, type SdkFixture } from "./sdk-fixture.js";

/** A JWT's claims, read without verifying it (the SDK reads them the same way). */
function claims(token: string): Record<string, unknown> {
  const [, payload] = token.split(".");
  return JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

export function connectionCases(baton: SdkFixture): void {
  describe("connect and version gate", () => {
    it("connects with the version check on, and the server reports a SurrealDB 3.x version", async () => {
      const db = await baton.connect();
      expect(db.status).toBe("connected");
      expect(db.isConnected).toBe(true);
      const { version } = await db.version();
      expect(version).toMatch(/^surrealdb-3\.\d+\.\d+$/);
    });

    it("the reported version enables the 3.x features the transport has: sessions and transactions on ws only", async () => {
      const db = await baton.connect();
      const onWs = baton.transport === "ws";
      expect(db.isFeatureSupported(Features.Sessions)).toBe(onWs);
      expect(db.isFeatureSupported(Features.Transactions)).toBe(onWs);
      expect(db.isFeatureSupported(Features.LiveQueries)).toBe(onWs);
    });

    it("close ends the connection; a new one connects again", async () => {
      const db = await baton.connect();
      await db.close();
      expect(db.status).toBe("disconnected");
      const again = await baton.connect();
      expect((await again.version()).version).toMatch(/^surrealdb-3\./);
    });

    it.runIf(baton.transport === "http")("over http the SDK refuses sessions, transactions and live queries itself (they need a WebSocket)", async () => {
      const db = await baton.connect();
      expect(await rejection(db.newSession())).toBeInstanceOf(UnsupportedFeatureError);
      expect(await rejection(db.beginTransaction())).toBeInstanceOf(UnsupportedFeatureError);
      expect(await rejection(db.live(new Table(uniqueTable("nolive"))))).toBeInstanceOf(UnsupportedFeatureError);
    });
  });

  describe("signin root", () => {
    it("signin answers an access token with SurrealDB's root claims and no refresh token", async () => {
      const db = await baton.connect({ auth: "none" });
      const tokens = await db.signin(SDK_ROOT);
      expect(tokens.refresh).toBeUndefined();
      expect(tokens.access.split(".")).toHaveLength(3);
      expect(claims(tokens.access)).toMatchObject({ ID: SDK_ROOT.username, iss: "SurrealDB" });
      expect(db.accessToken).toBe(tokens.access);
      const t = uniqueTable("signed");
      expect(await db.create(new RecordId(t, "a")).content({ n: 1 })).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
    });

    it("a wrong password is the SDK's NotAllowedError (InvalidAuth), and the connection stays usable", async () => {
      const db = await baton.connect({ auth: "none" });
      const error = await rejection(db.signin({ username: SDK_ROOT.username, password: "wrong" }));
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error).toMatchObject({ kind: "NotAllowed", code: -32002, details: { kind: "Auth", details: { kind: "InvalidAuth" } } });
      expect((error as NotAllowedError).isInvalidAuth).toBe(true);
      expect(db.isConnected).toBe(true);
      await db.signin(SDK_ROOT);
      expect(await db.query("RETURN 1").collect()).toEqualValue([1]);
    });

    it("a wrong password in connect's `authentication` makes connect reject with that error", async () => {
      const error = await rejection(
        baton.connect({ auth: "none", options: { authentication: { username: SDK_ROOT.username, password: "wrong" } } }),
      );
      expect(error).toBeInstanceOf(NotAllowedError);
      expect((error as NotAllowedError).isInvalidAuth).toBe(true);
    });

    it("a token from one connection's signin authenticates another connection", async () => {
      const first = await baton.connect({ auth: "none" });
      const { access } = await first.signin(SDK_ROOT);
      const second = await baton.connect({ auth: "none" });
      await second.authenticate(access);
      expect(second.accessToken).toBe(access);
      const t = uniqueTable("token");
      expect(await second.create(new RecordId(t, "a")).content({ n: 1 })).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
      expect(await first.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
    });

    it("a malformed token is refused and leaves the connection usable", async () => {
      const db = await baton.connect({ auth: "none" });
      expect(await rejection(db.authenticate("x.y.z"))).toBeInstanceOf(ServerError);
      await db.signin(SDK_ROOT);
      expect(await db.query("RETURN 1").collect()).toEqualValue([1]);
    });

    it("db.auth() as root is undefined (root has no record)", async () => {
      const db = await baton.connect();
      expect(await db.auth()).toBeUndefined();
    });

    it("invalidate signs out: data calls are refused until the next signin", async () => {
      const db = await baton.connect();
      const t = uniqueTable("inval");
      await db.create(new RecordId(t, "a")).content({ n: 1 });
      await db.invalidate();
      expect(db.accessToken).toBeUndefined();
      expect(await rejection(db.select(new RecordId(t, "a")))).toBeInstanceOf(NotAllowedError);
      await db.signin(SDK_ROOT);
      expect(await db.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
    });
  });

  describe("use", () => {
    it("use selects a namespace and database and answers them", async () => {
      const db = await baton.connect({ namespace: null });
      expect(await db.use({ namespace: baton.namespace, database: baton.namespace })).toEqualValue({
        namespace: baton.namespace,
        database: baton.namespace,
      });
      expect([db.namespace, db.database]).toEqualValue([baton.namespace, baton.namespace]);
    });

    it("records written under one namespace are not seen under another", async () => {
      const db = await baton.connect();
      const other = baton.newNamespace("sdkuse");
      const t = uniqueTable("iso");
      await db.create(new RecordId(t, "k")).content({ owner: "first" });
      await db.use({ namespace: other, database: other });
      expect(await db.select(new RecordId(t, "k"))).toBeUndefined();
      await db.create(new RecordId(t, "k")).content({ owner: "second" });
      await db.use({ namespace: baton.namespace, database: baton.namespace });
      expect(withoutId(await db.select(new RecordId(t, "k")))).toEqualValue({ owner: "first" });
      expect((await db.select(new Table(t))).map(withoutId)).toEqualValue([{ owner: "first" }]);
    });
  });
}
