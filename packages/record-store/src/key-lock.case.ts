// Key locks (docs/record-model.md, "Key locks"): two stores on their own connections, each in a
// transaction, taking the same key or different ones, on every database (sqlite.test.ts,
// libsql.test.ts, postgres.test.ts, mysql.test.ts). Events are ordered by promises and by asking
// the server whether a session waits for a lock, never by elapsed time.
import { RecordId } from "@baton/codecs";
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import { setTimeout as pause } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RecordStore, SelectResult } from "./record-store.js";
import { SchemaChangeRefused } from "./schema-change-refused.js";
import type { FixtureFactory, StoreFixture } from "./test-support/store-fixtures.js";

export interface KeyLockSuiteOptions {
  /** One writing transaction at a time (SQLite): a second one waits at BEGIN, whatever its key. */
  readonly writersSerialised: boolean;
}

const KEY = "unique:person:email";
// How often to ask the server whether a session waits, before concluding it never will.
const POLLS = 1000;

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const person = (key: string, email: string) => ({ id: new RecordId("person", key), email });

export function keyLockSuite(name: string, fixture: FixtureFactory, options: KeyLockSuiteOptions): void {
  describe(`key locks on ${name}`, () => {
    let db: StoreFixture;
    beforeEach(async () => {
      db = await fixture();
      await db.store.insert({ table: "person", id: "seed", content: { email: "seed@example.com" } });
    });
    afterEach(async () => {
      await db.dispose();
    });

    const rows = (connection: SqlConnection, sql: string, args: readonly SqlValue[] = []) =>
      connection.execute({ sql, args, namedArgs: [], wantRows: true }).then((result) => result.rows);

    /**
     * A check that resolves once `connection`'s session waits for a lock, as the server reports it
     * (asked on the fixture's own connection); made before the session gets busy. SQLite reports
     * nothing: there the waiter sits in BEGIN IMMEDIATE, and round trips of the holder give it
     * every chance to get past wrongly.
     */
    async function waitWatch(connection: SqlConnection, holder: RecordStore): Promise<() => Promise<void>> {
      if (db.dialect === "sqlite" || db.dialect === "libsql") {
        return async () => {
          for (let i = 0; i < 10; i++) await holder.get(new RecordId("person", "seed"));
        };
      }
      const postgres = db.dialect === "postgres";
      const session = (await rows(connection, postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"))[0]?.[0] ?? null;
      const waits = postgres
        ? "SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted"
        : // PROCESSLIST is live (MariaDB's INNODB_TRX is a cache refreshed now and then): the session is still in its FOR UPDATE.
          "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query' AND INFO LIKE '%FOR UPDATE%'";
      return async () => {
        for (let i = 0; i < POLLS; i++) {
          if (Number((await db.sql(waits, [session]))[0]?.[0]) > 0) return;
          await pause(5);
        }
        throw new Error("The second transaction never waited for the lock");
      };
    }

    /**
     * A holds KEY in a transaction and inserts `a@example.com`; B, on its own connection, takes
     * KEY (after reading the table in its own transaction first, where writers are not serialised:
     * its snapshot predates A's record) and then selects that email. `end` ends A's transaction.
     * Returns what B's select saw, after checking B did not get the lock before A ended.
     */
    async function contend(input: { holder: "transaction" | "savepoint"; end: "commit" | "rollback" }): Promise<SelectResult> {
      const a = await db.another();
      const b = await db.another();
      const untilWaiting = await waitWatch(b.connection, a.store);
      const inserted = deferred();
      const finish = deferred();
      const aWork = async () => {
        await a.store.lockKey(KEY);
        await a.store.insert({ table: "person", id: "a", content: { email: "a@example.com" } });
        inserted.resolve();
        await finish.promise;
      };
      const aDone =
        input.holder === "transaction"
          ? a.store.transaction(async () => {
              await aWork();
              if (input.end === "rollback") throw new Error("rolled back");
            })
          : (async () => {
              // An interactive transaction: the lock is taken in the method's savepoint and outlives it.
              await a.store.begin();
              await a.store.transaction(async () => {
                await a.store.lockKey(KEY);
                await a.store.insert({ table: "person", id: "a", content: { email: "a@example.com" } });
              });
              inserted.resolve();
              await finish.promise;
              await (input.end === "commit" ? a.store.commit() : a.store.rollback());
            })();
      const aEnded = aDone.then(
        () => "ended",
        (error: unknown) => {
          if (error instanceof Error && error.message === "rolled back") return "ended";
          throw error;
        },
      );
      await inserted.promise;
      let locked = false;
      const bWork = async () => {
        await b.store.lockKey(KEY);
        locked = true;
        return b.store.select("person", { where: { kind: "compare", field: "email", op: "=", value: "a@example.com" } });
      };
      let bDone: Promise<SelectResult>;
      if (options.writersSerialised) bDone = b.store.transaction(bWork);
      else {
        await b.store.begin();
        expect((await b.store.select("person")).records).toEqual([person("seed", "seed@example.com")]);
        bDone = bWork().then(
          async (seen) => {
            await b.store.commit();
            return seen;
          },
          async (error: unknown) => {
            await b.store.rollback();
            throw error;
          },
        );
      }
      await untilWaiting();
      expect(locked).toBe(false);
      finish.resolve();
      expect(await aEnded).toBe("ended");
      const seen = await bDone;
      expect(locked).toBe(true);
      return seen;
    }

    it("makes a second transaction taking the same key wait until the first commits, then read its record", async () => {
      const seen = await contend({ holder: "transaction", end: "commit" });
      expect(seen.records.filter((record) => record["email"] === "a@example.com")).toEqual([person("a", "a@example.com")]);
    });

    it("holds a key taken in an interactive transaction's savepoint until that transaction commits", async () => {
      const seen = await contend({ holder: "savepoint", end: "commit" });
      expect(seen.records.filter((record) => record["email"] === "a@example.com")).toEqual([person("a", "a@example.com")]);
    });

    it("releases the key when the holder rolls back", async () => {
      const seen = await contend({ holder: "transaction", end: "rollback" });
      expect(seen.records.filter((record) => record["email"] === "a@example.com")).toEqual([]);
      expect(await db.store.scan("person")).toEqual([person("seed", "seed@example.com")]);
    });

    it("releases a key taken in an interactive transaction when it rolls back", async () => {
      const seen = await contend({ holder: "savepoint", end: "rollback" });
      expect(seen.records.filter((record) => record["email"] === "a@example.com")).toEqual([]);
    });

    it.skipIf(options.writersSerialised)("lets a transaction taking another key go on while the first holds its own", async () => {
      const a = await db.another();
      const b = await db.another();
      await a.store.begin();
      await a.store.lockKey(KEY);
      await a.store.insert({ table: "person", id: "a", content: { email: "a@example.com" } });
      await b.store.begin();
      // Were it to wait for A, nothing would end A: the test would time out.
      await b.store.lockKey("unique:person:name");
      await b.store.insert({ table: "person", id: "b", content: { email: "b@example.com" } });
      await b.store.commit();
      await a.store.commit();
      expect(await db.store.scan("person")).toEqual([person("a", "a@example.com"), person("b", "b@example.com"), person("seed", "seed@example.com")]);
    });

    it("takes the tenant's first key in a transaction that had already read (MySQL: once run again)", async () => {
      const b = await db.another();
      const attempt = () =>
        b.store.transaction(async () => {
          await b.store.select("person");
          await b.store.lockKey(KEY);
        });
      // MySQL: the lock table, made meanwhile on a side connection, is newer than the snapshot.
      const refused = await attempt().then(
        () => false,
        (error: unknown) => {
          if (error instanceof SchemaChangeRefused && error.pending === undefined) return true;
          throw error;
        },
      );
      expect(refused).toBe(db.dialect === "mysql");
      await attempt();
    });

    it("takes nothing outside a transaction", async () => {
      await db.store.lockKey(KEY);
      const b = await db.another();
      await b.store.transaction(async () => {
        await b.store.lockKey(KEY);
        await b.store.insert({ table: "person", id: "b", content: { email: "b@example.com" } });
      });
      expect((await db.store.scan("person")).map((record) => record["email"])).toEqual(["b@example.com", "seed@example.com"]);
    });

    it("keeps reading what it read before once the transaction holding a key has ended", async () => {
      // The locking reads a held key needs (MySQL) end with the transaction: a later select in
      // autocommit and a later transaction read as usual.
      await db.store.transaction(async () => {
        await db.store.lockKey(KEY);
        expect((await db.store.select("person")).records).toEqual([person("seed", "seed@example.com")]);
      });
      expect((await db.store.select("person")).records).toEqual([person("seed", "seed@example.com")]);
    });
  });
}
