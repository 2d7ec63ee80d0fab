// The write lock: closing a transaction or a client without COMMIT must release it at once, and a
// second writer must wait for it rather than fail. Runs on its own server with a short
// `--busy-timeout`, so a lock that leaked would surface as SQLITE_BUSY within 2 s.
import type { Client } from "@libsql/client";
import { describe, expect, test } from "vitest";
import {
  countRows,
  expectLibsqlError,
  rowsOf,
  sleep,
  uniqueTable,
  useBaton,
  type BatonFixture,
  type Transport,
} from "./baton-fixture.js";
import type { Backend } from "./backends.js";

const BUSY_TIMEOUT_MS = 2000;

/** Tracks whether a promise has settled, without awaiting it. */
function watch<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  void tracked.catch(() => undefined);
  return { promise: tracked, settled: () => settled };
}

async function lockTable(baton: BatonFixture): Promise<string> {
  const table = uniqueTable("lock");
  await baton.client().execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, who TEXT, seen INTEGER)`);
  return table;
}

export function lockCases(transport: Transport, backend: Backend): void {
  describe(`write lock (own server, --busy-timeout ${BUSY_TIMEOUT_MS})`, () => {
    const baton = useBaton(transport, backend, { args: ["--busy-timeout", String(BUSY_TIMEOUT_MS)] });

    test("tx.close() without commit rolls back and releases the lock: another client writes at once", async () => {
      const table = await lockTable(baton);
      const a = baton.client();
      const tx = await a.transaction("write");
      await tx.execute(`INSERT INTO ${table} (who) VALUES ('a')`);
      tx.close();
      const b = baton.client();
      await b.execute(`INSERT INTO ${table} (who) VALUES ('b')`);
      expect(rowsOf(await b.execute(`SELECT who FROM ${table}`))).toEqual([["b"]]);
      // And the closing client can write again too.
      await a.execute(`INSERT INTO ${table} (who) VALUES ('a2')`);
      expect(await countRows(b, table)).toBe(2);
    });

    test("client.close() with an open write transaction rolls it back and releases the lock", async () => {
      const table = await lockTable(baton);
      const a = baton.client();
      const tx = await a.transaction("write");
      await tx.execute(`INSERT INTO ${table} (who) VALUES ('a')`);
      a.close();
      const b = baton.client();
      await b.batch([`INSERT INTO ${table} (who) VALUES ('b')`], "write");
      expect(rowsOf(await b.execute(`SELECT who FROM ${table}`))).toEqual([["b"]]);
    });

    test("tx.rollback() releases the lock", async () => {
      const table = await lockTable(baton);
      const tx = await baton.client().transaction("write");
      await tx.execute(`INSERT INTO ${table} (who) VALUES ('a')`);
      await tx.rollback();
      await baton.client().execute(`INSERT INTO ${table} (who) VALUES ('b')`);
      expect(rowsOf(await baton.client().execute(`SELECT who FROM ${table}`))).toEqual([["b"]]);
    });

    const waitingWriters: { name: string; write: (client: Client, table: string) => Promise<unknown> }[] = [
      {
        name: "execute",
        write: (client, table) =>
          client.execute(`INSERT INTO ${table} (who, seen) SELECT 'b', count(*) FROM ${table}`),
      },
      {
        name: 'batch(…, "write")',
        write: (client, table) =>
          client.batch([`INSERT INTO ${table} (who, seen) SELECT 'b', count(*) FROM ${table}`], "write"),
      },
      {
        name: 'transaction("write")',
        write: async (client, table) => {
          const tx = await client.transaction("write");
          await tx.execute(`INSERT INTO ${table} (who, seen) SELECT 'b', count(*) FROM ${table}`);
          await tx.commit();
        },
      },
    ];

    for (const { name, write } of waitingWriters) {
      test(`a second writer (${name}) waits while the first holds the lock, then succeeds`, async () => {
        const table = await lockTable(baton);
        const a = baton.client();
        const tx = await a.transaction("write");
        await tx.execute(`INSERT INTO ${table} (who, seen) VALUES ('a', 0)`);
        const b = watch(write(baton.client(), table));
        await sleep(300);
        // B cannot have written yet: A's transaction is still open and holds the write lock.
        expect(b.settled()).toBe(false);
        await tx.commit();
        await b.promise;
        // B ran after A committed: it counted A's row.
        expect(rowsOf(await a.execute(`SELECT who, seen FROM ${table} ORDER BY id`))).toEqual([
          ["a", 0],
          ["b", 1],
        ]);
      });
    }

    test("a second writer waiting while the first rolls back gets the lock", async () => {
      const table = await lockTable(baton);
      const tx = await baton.client().transaction("write");
      await tx.execute(`INSERT INTO ${table} (who, seen) VALUES ('a', 0)`);
      const b = watch(baton.client().execute(`INSERT INTO ${table} (who, seen) SELECT 'b', count(*) FROM ${table}`));
      await sleep(300);
      expect(b.settled()).toBe(false);
      await tx.rollback();
      await b.promise;
      expect(rowsOf(await baton.client().execute(`SELECT who, seen FROM ${table}`))).toEqual([["b", 0]]);
    });

    test(`a writer that waits longer than --busy-timeout fails with SQLITE_BUSY`, async () => {
      const table = await lockTable(baton);
      const tx = await baton.client().transaction("write");
      await tx.execute(`INSERT INTO ${table} (who) VALUES ('a')`);
      const b = baton.client();
      // The lock is held for longer than the busy timeout: the waiting writer gives up.
      await expectLibsqlError(b.execute(`INSERT INTO ${table} (who) VALUES ('b')`), { code: "SQLITE_BUSY" });
      // The holder is unaffected and commits.
      await tx.execute(`INSERT INTO ${table} (who) VALUES ('a2')`);
      await tx.commit();
      expect(rowsOf(await b.execute(`SELECT who FROM ${table} ORDER BY id`))).toEqual([["a"], ["a2"]]);
    });
  });

  if (transport === "http") {
    describe("abandoned HTTP transaction (own server, --stream-idle-timeout 500)", () => {
      const baton = useBaton("http", backend, { args: ["--stream-idle-timeout", "500", "--busy-timeout", String(BUSY_TIMEOUT_MS)] });

      test("is rolled back when its stream expires; a waiting writer then gets the lock; the late request gets STREAM_EXPIRED", async () => {
        const table = await lockTable(baton);
        const tx = await baton.client().transaction("write");
        await tx.execute(`INSERT INTO ${table} (who) VALUES ('abandoned')`);
        // Nobody commits or closes: the idle stream must expire and give the lock back.
        await baton.client().execute(`INSERT INTO ${table} (who) VALUES ('b')`);
        expect(rowsOf(await baton.client().execute(`SELECT who FROM ${table}`))).toEqual([["b"]]);
        await expectLibsqlError(tx.execute("SELECT 1"), { code: "STREAM_EXPIRED" });
      });
    });
  }
}
