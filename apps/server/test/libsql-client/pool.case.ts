// Pooled connections: a stream holds one from its first statement until its transaction ends.
// More open transactions than connections make the next one wait (--acquire-timeout), then fail
// with POOL_TIMEOUT; a connection comes back when a transaction commits, and when an abandoned
// HTTP stream expires (its transaction rolled back). The SQLite pool is per database file, the
// Postgres and MySQL pools per adapter; all of them take --pool-size.
import { describe, expect, test } from "vitest";
import type { Backend } from "./backends.js";
import {
  expectLibsqlError,
  rowsOf,
  testIf,
  uniqueTable,
  useBaton,
  watch,
  type BatonFixture,
  type Transport,
} from "./baton-fixture.js";

const ACQUIRE_TIMEOUT_MS = 500;

async function keyedTable(baton: BatonFixture): Promise<string> {
  const table = uniqueTable("pool");
  const t = baton.caps.types;
  await baton.client().execute(`CREATE TABLE ${table} (id ${t.integer} PRIMARY KEY, who ${t.text})`);
  return table;
}

export function poolCases(transport: Transport, backend: Backend): void {
  describe(`pool exhaustion (own server, --pool-size 2 --acquire-timeout ${ACQUIRE_TIMEOUT_MS})`, () => {
    const baton = useBaton(transport, backend, { args: ["--pool-size", "2", "--acquire-timeout", String(ACQUIRE_TIMEOUT_MS)] });

    test("a third open transaction waits, then fails with POOL_TIMEOUT; after a commit a new transaction gets a connection", async () => {
      const table = await keyedTable(baton);
      const insert = (id: number) => `INSERT INTO ${table} (id, who) VALUES (${id}, 'tx${id}')`;
      const [c1, c2, c3, c4] = [baton.client(), baton.client(), baton.client(), baton.client()];
      const t1 = await c1.transaction("write");
      await t1.execute(insert(1));
      const t2 = await c2.transaction("write");
      // On SQLite t2 holds the second connection but waits for t1's write lock; elsewhere it runs.
      const s2 = watch(t2.execute(insert(2)));
      const t3 = await c3.transaction("write");
      await expectLibsqlError(t3.execute(insert(3)), { code: "POOL_TIMEOUT" });
      t3.close();

      await t1.commit();
      await s2.promise;
      // t1's connection is free again: a new transaction gets it (on SQLite it then waits for t2's lock).
      const t4 = await c4.transaction("write");
      const s4 = watch(t4.execute(insert(4)));
      await t2.commit();
      await s4.promise;
      await t4.commit();
      expect(rowsOf(await baton.client().execute(`SELECT id FROM ${table} ORDER BY id`))).toEqual([[1], [2], [4]]);
    });
  });

  describe.skipIf(transport !== "http")("abandoned HTTP transaction (own server, --pool-size 1 --stream-idle-timeout 500)", () => {
    const baton = useBaton("http", backend, { args: ["--pool-size", "1", "--stream-idle-timeout", "500"] });

    testIf(transport === "http", "WebSocket streams live as long as their connection; only HTTP streams expire")(
      "its connection is rolled back and returned to the pool: a new transaction gets it and does not see the abandoned row",
      async () => {
        const table = await keyedTable(baton);
        const abandoned = await baton.client().transaction("write");
        await abandoned.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'abandoned')`);
        // The only connection is pinned to the abandoned stream; this waits (up to the default
        // --acquire-timeout, 5 s) until the stream expires and gives it back.
        const tx = await baton.client().transaction("write");
        expect(rowsOf(await tx.execute(`SELECT who FROM ${table}`))).toEqual([]);
        await tx.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'next')`);
        await tx.commit();
        expect(rowsOf(await baton.client().execute(`SELECT id, who FROM ${table}`))).toEqual([[1, "next"]]);
        await expectLibsqlError(abandoned.execute("SELECT 1"), { code: "STREAM_EXPIRED" });
      },
    );
  });
}
