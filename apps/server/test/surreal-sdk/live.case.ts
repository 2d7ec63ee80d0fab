// Live queries of the SDK, WebSocket only (reference section 7): `db.live(table)` sends
// `LIVE SELECT * FROM $b`, the server pushes CREATE/UPDATE/DELETE notifications for writes that
// commit afterwards, and `kill()` sends `KILL u"…"`.
import { RecordId, Table, type LiveMessage, type LiveSubscription } from "surrealdb";
import { describe, expect, it } from "vitest";
import { uniqueTable, type SdkFixture } from "./sdk-fixture.js";

/** The next `count` messages of a subscription (the test's timeout bounds the wait). */
async function take(subscription: LiveSubscription, count: number): Promise<LiveMessage[]> {
  const messages: LiveMessage[] = [];
  if (count === 0) return messages;
  for await (const message of subscription) {
    messages.push(message);
    if (messages.length === count) break;
  }
  return messages;
}

/**
 * Live queries come in a later issue: until then Baton answers LIVE SELECT and `live` with a
 * ConfigurationError. The tests below describe what must hold once they are served; they run as
 * `it.fails` (so a working implementation turns them red, to be unmarked).
 */
const UNTIL_LIVE_QUERIES = it.fails;

export function liveCases(baton: SdkFixture): void {
  describe("live queries (WebSocket)", () => {
    it("until live queries are served, db.live() fails with a clear not-supported error and the connection stays usable", async () => {
      const db = await baton.connect();
      const t = uniqueTable("nolive");
      await db.create(new RecordId(t, "seed")).content({ n: 0 });
      const failure = await db.live(new Table(t)).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      const causes: string[] = [];
      for (let error: unknown = failure; error instanceof Error; error = error.cause) causes.push(error.message);
      expect(causes.join(" / ")).toContain("Baton does not run live queries yet");
      const [rows] = await db.query("SELECT * FROM type::table($t)", { t }).collect<[unknown[]]>();
      expect(rows).toHaveLength(1);
    });

    UNTIL_LIVE_QUERIES("a live table query reports create, update and delete in order, with the record id and value", async () => {
      const db = await baton.connect();
      const t = uniqueTable("live");
      // SurrealDB 3 refuses LIVE on a table that does not exist yet.
      await db.create(new RecordId(t, "seed")).content({ n: 0 });
      const subscription = await db.live(new Table(t));
      expect(subscription.isAlive).toBe(true);
      const messages = take(subscription, 3);
      const rid = new RecordId(t, "l1");
      await db.create(rid).content({ n: 1 });
      await db.update(rid).merge({ m: 2 });
      await db.delete(rid);
      expect(await messages).toEqualValue([
        { queryId: subscription.id, action: "CREATE", recordId: rid, value: { id: rid, n: 1 } },
        { queryId: subscription.id, action: "UPDATE", recordId: rid, value: { id: rid, n: 1, m: 2 } },
        { queryId: subscription.id, action: "DELETE", recordId: rid, value: { id: rid, n: 1, m: 2 } },
      ]);
      await subscription.kill();
      expect(subscription.isAlive).toBe(false);
    });

    UNTIL_LIVE_QUERIES("a diff live query reports JSON Patches", async () => {
      const db = await baton.connect();
      const t = uniqueTable("lived");
      await db.create(new RecordId(t, "seed")).content({ n: 0 });
      const subscription = await db.live(new Table(t)).diff();
      const messages = take(subscription, 2);
      const rid = new RecordId(t, "d1");
      await db.create(rid).content({ n: 1 });
      await db.update(rid).merge({ v: 2 });
      const [created, updated] = await messages;
      expect(created).toEqualValue({
        queryId: subscription.id,
        action: "CREATE",
        recordId: rid,
        value: [{ op: "replace", path: "", value: { id: rid, n: 1 } }],
      });
      expect(updated).toEqualValue({ queryId: subscription.id, action: "UPDATE", recordId: rid, value: [{ op: "add", path: "/v", value: 2 }] });
      await subscription.kill();
    });

    UNTIL_LIVE_QUERIES("writes of another connection are reported too", async () => {
      const [watcher, writer] = [await baton.connect(), await baton.connect()];
      const t = uniqueTable("livex");
      await writer.create(new RecordId(t, "seed")).content({ n: 0 });
      const subscription = await watcher.live(new Table(t));
      const messages = take(subscription, 1);
      await writer.create(new RecordId(t, "x")).content({ by: "writer" });
      expect(await messages).toEqualValue([
        { queryId: subscription.id, action: "CREATE", recordId: new RecordId(t, "x"), value: { id: new RecordId(t, "x"), by: "writer" } },
      ]);
      await subscription.kill();
    });
  });
}
