// The SDK's reconnect over WebSocket (reference section 10): when the socket drops it opens a new
// one and restores every session on it (attach with the same id, use, let, authenticate), so
// nothing per connection has to survive on the server, but re-attaching a known id must work.
import { RecordId, type Surreal } from "surrealdb";
import { afterEach, describe, expect, it } from "vitest";
import { uniqueTable, type SdkFixture } from "./sdk-fixture.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";

/** Reconnect at once and keep trying: the test waits for the `connected` event, not for a time. */
const RECONNECT = { enabled: true, attempts: -1, retryDelay: 10, retryDelayMax: 50, retryDelayMultiplier: 1, retryDelayJitter: 0 };

/** Resolves on the connection's next `connected` event. */
function nextConnected(db: Surreal): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = db.subscribe("connected", () => {
      unsubscribe();
      resolve();
    });
  });
}

export function reconnectCases(baton: SdkFixture): void {
  describe("reconnect (WebSocket)", () => {
    let proxy: TcpProxy | undefined;
    afterEach(async () => {
      await proxy?.close();
      proxy = undefined;
    });

    it("after the socket drops, the default and a forked session come back with namespace, variables and sign-in", async () => {
      proxy = await startTcpProxy(baton.url);
      const db = await baton.connect({ url: proxy.url, options: { reconnect: RECONNECT } });
      const t = uniqueTable("recon");
      await db.set("v", 42);
      const fork = await db.forkSession();
      await fork.set("w", 7);
      await db.create(new RecordId(t, "before")).content({ n: 1 });

      const reconnected = nextConnected(db);
      proxy.cut();
      await reconnected;

      expect(db.isConnected).toBe(true);
      expect(await db.query("RETURN $v").collect()).toEqualValue([42]);
      expect(await fork.query("RETURN [$v, $w]").collect()).toEqualValue([[42, 7]]);
      expect((await db.sessions()).map(String)).toEqualValue([String(fork.session)]);
      expect(await db.select(new RecordId(t, "before"))).toEqualValue({ id: new RecordId(t, "before"), n: 1 });
      expect(await fork.create(new RecordId(t, "after")).content({ n: 2 })).toEqualValue({ id: new RecordId(t, "after"), n: 2 });
    });
  });
}
