// Sessions and interactive transactions of the SDK, WebSocket only (reference section 10):
// newSession attaches a fresh session, forkSession replays use, let and authenticate on a new
// one, closeSession detaches; beginTransaction gives a transaction whose queries carry `txn`,
// ended by commit or cancel.
import { InvalidSessionError, NotAllowedError, RecordId, Table, Uuid } from "surrealdb";
import { describe, expect, it } from "vitest";
import { rejection, SDK_ROOT, uniqueTable, type SdkFixture } from "./sdk-fixture.js";

export function sessionCases(baton: SdkFixture): void {
  describe("sessions (WebSocket)", () => {
    it("newSession starts signed out, with its own use and sign-in, and appears in sessions()", async () => {
      const db = await baton.connect();
      const session = await db.newSession();
      expect(session.session).toBeInstanceOf(Uuid);
      expect(session.isValid).toBe(true);
      expect([session.namespace, session.database, session.accessToken]).toEqualValue([undefined, undefined, undefined]);
      expect((await db.sessions()).map(String)).toEqualValue([String(session.session)]);
      const other = baton.newNamespace("sdksess");
      expect(await session.use({ namespace: other, database: other })).toEqualValue({ namespace: other, database: other });
      const t = uniqueTable("own");
      expect(await rejection(session.create(new RecordId(t, "a")).content({ n: 1 }))).toBeInstanceOf(NotAllowedError);
      await session.signin(SDK_ROOT);
      expect(await session.create(new RecordId(t, "a")).content({ n: 1 })).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
      // The default session still works on its own namespace, where the record is not.
      expect(db.namespace).toBe(baton.namespace);
      await db.create(new RecordId(t, "z")).content({ n: 0 });
      expect(await db.select(new RecordId(t, "a"))).toBeUndefined();
      expect(await session.select(new Table(t))).toEqualValue([{ id: new RecordId(t, "a"), n: 1 }]);
    });

    it("forkSession keeps namespace, database, variables and sign-in; later changes stay apart", async () => {
      const db = await baton.connect();
      await db.set("v1", 1);
      const fork = await db.forkSession();
      expect([fork.namespace, fork.database]).toEqualValue([baton.namespace, baton.namespace]);
      expect(fork.accessToken).toBe(db.accessToken);
      expect(await fork.query("RETURN $v1").collect()).toEqualValue([1]);
      await fork.set("v1", 2);
      await db.set("v2", "parent only");
      expect(await fork.query("RETURN [$v1, $v2]").collect()).toEqualValue([[2, undefined]]);
      expect(await db.query("RETURN [$v1, $v2]").collect()).toEqualValue([[1, "parent only"]]);
      const t = uniqueTable("fork");
      await fork.create(new RecordId(t, "f")).content({ by: "fork" });
      expect(await db.select(new RecordId(t, "f"))).toEqualValue({ id: new RecordId(t, "f"), by: "fork" });
    });

    it("closeSession detaches: the session is gone from sessions() and can no longer be used", async () => {
      const db = await baton.connect();
      const [first, second] = [await db.forkSession(), await db.forkSession()];
      expect((await db.sessions()).map(String).sort()).toEqualValue([String(first.session), String(second.session)].sort());
      await first.closeSession();
      expect(first.isValid).toBe(false);
      expect((await db.sessions()).map(String)).toEqualValue([String(second.session)]);
      expect(await rejection(first.closeSession())).toBeInstanceOf(InvalidSessionError);
      expect(await rejection(first.query("RETURN 1").collect())).toMatchObject({
        kind: "NotFound",
        details: { kind: "Session" },
      });
      expect(await second.query("RETURN 1").collect()).toEqualValue([1]);
      expect(await db.query("RETURN 1").collect()).toEqualValue([1]);
    });
  });

  describe("transactions (WebSocket)", () => {
    it("commit keeps the writes; inside, the transaction sees them, outside nobody does until commit", async () => {
      const db = await baton.connect();
      const t = uniqueTable("txc");
      const rid = new RecordId(t, "a");
      await db.create(new RecordId(t, "seed")).content({ n: 0 });
      const tx = await db.beginTransaction();
      expect(await tx.create(rid).content({ n: 1 })).toEqualValue({ id: rid, n: 1 });
      expect(await tx.query("UPDATE ONLY $rid SET n += 1; SELECT * FROM ONLY $rid", { rid }).collect()).toEqualValue([
        { id: rid, n: 2 },
        { id: rid, n: 2 },
      ]);
      expect(await tx.select(rid)).toEqualValue({ id: rid, n: 2 });
      expect(await db.select(rid)).toBeUndefined();
      await tx.commit();
      expect(await db.select(rid)).toEqualValue({ id: rid, n: 2 });
    });

    it("cancel discards the writes", async () => {
      const db = await baton.connect();
      const t = uniqueTable("txx");
      const kept = new RecordId(t, "kept");
      await db.create(kept).content({ n: 1 });
      const tx = await db.beginTransaction();
      await tx.create(new RecordId(t, "b")).content({ n: 2 });
      await tx.update(kept).merge({ n: 100 });
      await tx.delete(new RecordId(t, "kept"));
      await tx.cancel();
      expect(await db.select(new Table(t))).toEqualValue([{ id: kept, n: 1 }]);
    });

    it("a finished transaction cannot be committed again; the connection stays usable", async () => {
      const db = await baton.connect();
      const tx = await db.beginTransaction();
      await tx.commit();
      const error = await rejection(tx.commit());
      expect(error).toMatchObject({ kind: "Validation", details: { kind: "InvalidParams" } });
      expect(error.message).toBe("Transaction not found");
      expect(await db.query("RETURN 1").collect()).toEqualValue([1]);
    });

    it("a transaction of a forked session is that session's", async () => {
      const db = await baton.connect();
      const fork = await db.forkSession();
      const t = uniqueTable("txf");
      const tx = await fork.beginTransaction();
      await tx.create(new RecordId(t, "a")).content({ n: 1 });
      await tx.commit();
      expect(await db.select(new RecordId(t, "a"))).toEqualValue({ id: new RecordId(t, "a"), n: 1 });
    });
  });
}
