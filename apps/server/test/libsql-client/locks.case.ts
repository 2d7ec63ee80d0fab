// Write locks: closing a transaction or a client without COMMIT must release its locks at once,
// and a second writer that needs them must wait rather than fail. On SQLite that is the one
// database write lock; on Postgres and MySQL the row locks of the rows written, so here the
// writers contend for the same row or key. Runs on its own server with a short `--busy-timeout`,
// so on SQLite a lock that leaked surfaces as SQLITE_BUSY within 2 s (on Postgres and MySQL as a
// writer that never finishes).
import type { Client } from "@libsql/client";
import { describe, expect, test } from "vitest";
import type { Backend } from "./backends.js";
import {
  countRows,
  expectLibsqlError,
  rowsOf,
  sleep,
  testIf,
  uniqueTable,
  useBaton,
  watch,
  type BatonFixture,
  type Transport,
} from "./baton-fixture.js";

const BUSY_TIMEOUT_MS = 2000;

/** A table `(id, who, seen)` with one row: (0, 'first', 0). */
async function lockTable(baton: BatonFixture): Promise<string> {
  const table = uniqueTable("lock");
  const t = baton.caps.types;
  const client = baton.client();
  await client.execute(`CREATE TABLE ${table} (id ${t.integer} PRIMARY KEY, who ${t.text}, seen ${t.integer})`);
  await client.execute(`INSERT INTO ${table} VALUES (0, 'first', 0)`);
  return table;
}

/** Appends `who` to row 0 and counts the visit: whoever runs second sees the first one's change. */
const visitRow0 = (table: string, who: string) => `UPDATE ${table} SET who = concat(who, '+${who}'), seen = seen + 1 WHERE id = 0`;

export function lockCases(transport: Transport, backend: Backend): void {
  const label = backend.label;
  const databaseLock = backend.caps.writeLocks === "database";

  describe(`write locks (own server, --busy-timeout ${BUSY_TIMEOUT_MS})`, () => {
    const baton = useBaton(transport, backend, { args: ["--busy-timeout", String(BUSY_TIMEOUT_MS)] });

    test("tx.close() without commit rolls back and releases the lock: another client writes the same key at once", async () => {
      const table = await lockTable(baton);
      const a = baton.client();
      const tx = await a.transaction("write");
      await tx.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'a')`);
      tx.close();
      const b = baton.client();
      await b.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'b')`);
      expect(rowsOf(await b.execute(`SELECT who FROM ${table} WHERE id = 1`))).toEqual([["b"]]);
      // And the closing client can write again too.
      await a.execute(`INSERT INTO ${table} (id, who) VALUES (2, 'a2')`);
      expect(await countRows(b, table)).toBe(3);
    });

    test("client.close() with an open write transaction rolls it back and releases the lock", async () => {
      const table = await lockTable(baton);
      const a = baton.client();
      const tx = await a.transaction("write");
      await tx.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'a')`);
      a.close();
      const b = baton.client();
      await b.batch([`INSERT INTO ${table} (id, who) VALUES (1, 'b')`], "write");
      expect(rowsOf(await b.execute(`SELECT who FROM ${table} WHERE id = 1`))).toEqual([["b"]]);
    });

    test("tx.rollback() releases the lock", async () => {
      const table = await lockTable(baton);
      const tx = await baton.client().transaction("write");
      await tx.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'a')`);
      await tx.rollback();
      await baton.client().execute(`INSERT INTO ${table} (id, who) VALUES (1, 'b')`);
      expect(rowsOf(await baton.client().execute(`SELECT who FROM ${table} WHERE id = 1`))).toEqual([["b"]]);
    });

    const waitingWriters: { name: string; write: (client: Client, table: string) => Promise<unknown> }[] = [
      { name: "execute", write: (client, table) => client.execute(visitRow0(table, "b")) },
      { name: 'batch(…, "write")', write: (client, table) => client.batch([visitRow0(table, "b")], "write") },
      {
        name: 'transaction("write")',
        write: async (client, table) => {
          const tx = await client.transaction("write");
          await tx.execute(visitRow0(table, "b"));
          await tx.commit();
        },
      },
    ];

    for (const { name, write } of waitingWriters) {
      test(`a second writer (${name}) of the same row waits while the first holds the lock, then succeeds`, async () => {
        const table = await lockTable(baton);
        const a = baton.client();
        const tx = await a.transaction("write");
        await tx.execute(visitRow0(table, "a"));
        const b = watch(write(baton.client(), table));
        await sleep(300);
        // B cannot have written yet: A's transaction is still open and holds the lock.
        expect(b.settled()).toBe(false);
        await tx.commit();
        await b.promise;
        // B ran after A committed: it saw A's change.
        expect(rowsOf(await a.execute(`SELECT who, seen FROM ${table}`))).toEqual([["first+a+b", 2]]);
      });
    }

    test("a second writer waiting while the first rolls back gets the lock", async () => {
      const table = await lockTable(baton);
      const tx = await baton.client().transaction("write");
      await tx.execute(visitRow0(table, "a"));
      const b = watch(baton.client().execute(visitRow0(table, "b")));
      await sleep(300);
      expect(b.settled()).toBe(false);
      await tx.rollback();
      await b.promise;
      expect(rowsOf(await baton.client().execute(`SELECT who, seen FROM ${table}`))).toEqual([["first+b", 1]]);
    });

    testIf(databaseLock, `${label} locks rows, not the database: a writer of other rows does not wait`)(
      "a writer of another row waits for the database write lock too",
      async () => {
        const table = await lockTable(baton);
        const a = baton.client();
        const tx = await a.transaction("write");
        await tx.execute(`INSERT INTO ${table} (id, who, seen) VALUES (1, 'a', 0)`);
        const b = watch(baton.client().execute(`INSERT INTO ${table} (id, who, seen) SELECT 2, 'b', count(*) FROM ${table}`));
        await sleep(300);
        expect(b.settled()).toBe(false);
        await tx.commit();
        await b.promise;
        // B ran after A committed: it counted A's row.
        expect(rowsOf(await a.execute(`SELECT who, seen FROM ${table} WHERE id > 0 ORDER BY id`))).toEqual([
          ["a", 0],
          ["b", 2],
        ]);
      },
    );

    testIf(databaseLock, `--busy-timeout is SQLite's; ${label} waits for a row lock by its own lock timeout`)(
      "a writer that waits longer than --busy-timeout fails with SQLITE_BUSY",
      async () => {
        const table = await lockTable(baton);
        const tx = await baton.client().transaction("write");
        await tx.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'a')`);
        const b = baton.client();
        // The lock is held for longer than the busy timeout: the waiting writer gives up.
        await expectLibsqlError(b.execute(`INSERT INTO ${table} (id, who) VALUES (2, 'b')`), { code: "SQLITE_BUSY" });
        // The holder is unaffected and commits.
        await tx.execute(`INSERT INTO ${table} (id, who) VALUES (3, 'a2')`);
        await tx.commit();
        expect(rowsOf(await b.execute(`SELECT who FROM ${table} WHERE id > 0 ORDER BY id`))).toEqual([["a"], ["a2"]]);
      },
    );
  });

  describe.skipIf(transport !== "http")("abandoned HTTP transaction (own server, --stream-idle-timeout 500)", () => {
    const baton = useBaton("http", backend, { args: ["--stream-idle-timeout", "500", "--busy-timeout", String(BUSY_TIMEOUT_MS)] });

    testIf(transport === "http", "WebSocket streams live as long as their connection; only HTTP streams expire")(
      "is rolled back when its stream expires; a waiting writer then gets the lock; the late request gets STREAM_EXPIRED",
      async () => {
        const table = await lockTable(baton);
        const tx = await baton.client().transaction("write");
        await tx.execute(`INSERT INTO ${table} (id, who) VALUES (1, 'abandoned')`);
        // Nobody commits or closes: the idle stream must expire and give the lock back.
        await baton.client().execute(`INSERT INTO ${table} (id, who) VALUES (1, 'b')`);
        expect(rowsOf(await baton.client().execute(`SELECT who FROM ${table} WHERE id = 1`))).toEqual([["b"]]);
        await expectLibsqlError(tx.execute("SELECT 1"), { code: "STREAM_EXPIRED" });
      },
    );
  });
}
