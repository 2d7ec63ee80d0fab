// A database server restarted under load, with Baton left running: while it is down, requests over
// both transports must fail with a clean Hrana error (a code the client can act on, never a broken
// response or a hung-up socket), and once it is back they must succeed again. A transaction whose
// connection died with the server must fail too, not carry on without its earlier statements.
//
// This stops and starts a real database server, so each file gives the suite a server of its own
// (private-database-server.ts): the shared ones on 5432 and 3306 serve other tests at the same time.
import { LibsqlError, type Client } from "@libsql/client";
import { describe, expect, test } from "vitest";
import type { Backend } from "./backends.js";
import { expectLibsqlError, rowsOf, sleep, uniqueTable, useBaton, type Transport } from "./baton-fixture.js";

/** How to take the database server down and bring it back. */
export interface DatabaseControl {
  /** Stops the server; resolves once it no longer accepts connections. */
  stop(): Promise<void>;
  /** Starts the server; isReady() tells when it accepts connections. */
  start(): Promise<void>;
  isReady(): Promise<boolean>;
}

/** Codes that say the database is unavailable (or busy with it), as opposed to a broken response. */
const CLEAN_CODES = /^(?:DATABASE_UNAVAILABLE|POOL_TIMEOUT|SQLITE_[A-Z_]+)$/;
const DOWN_FOR_MS = 1500;
/** The load loop's bound; the restart itself is waited for separately. */
const LOAD_BUDGET_MS = 10_000;
const READY_WITHIN_MS = 30_000;
const SUCCESSES_AFTER = 3;

type Phase = "before" | "down" | "after";

interface Outcome {
  readonly via: Transport;
  /** The phase in which the request was sent. */
  readonly phase: Phase;
  /** Undefined for a success. */
  readonly error?: unknown;
}

/** A failure as the assertions show it: its class, code and the start of its message. */
function describeFailure(error: unknown): string {
  if (error instanceof LibsqlError) return `${error.code}: ${error.message.slice(0, 160)}`;
  return `${error instanceof Error ? error.constructor.name : typeof error}: ${String(error).slice(0, 160)}`;
}

async function waitUntil(condition: () => Promise<boolean> | boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(100);
  }
  return false;
}

/** Registers the restart test for `backend`, whose server `control` stops and starts. */
export function databaseRestartSuite(backend: Backend, control: DatabaseControl): void {
  describe(`${backend.label} restarted under load, Baton left running`, () => {
    // A short acquire timeout: it bounds how long a request waits for a connection the database refuses.
    const baton = useBaton("http", backend, { args: ["--acquire-timeout", "1000"] });

    test("requests fail with a clean error while it is down and succeed again after, over HTTP and WebSocket", { timeout: 90_000 }, async () => {
      const t = backend.caps.types;
      const table = uniqueTable("restart");
      await baton.client().execute(`CREATE TABLE ${table} (id ${t.autoId}, via ${t.text}, phase ${t.text})`);
      const clients: Record<Transport, Client> = { http: baton.client(), ws: baton.client({}, { transport: "ws" }) };
      // A transaction open across the restart: its connection dies with the server.
      const tx = await clients.http.transaction("write");
      await tx.execute(`INSERT INTO ${table} (via, phase) VALUES ('tx', 'before')`);

      let phase: Phase = "before";
      let stopped = false;
      const outcomes: Outcome[] = [];
      const successesAfter = (via: Transport) => outcomes.filter((o) => o.via === via && o.phase === "after" && o.error === undefined).length;
      const load = async (via: Transport): Promise<void> => {
        const until = Date.now() + LOAD_BUDGET_MS;
        while (!stopped && Date.now() < until && successesAfter(via) < SUCCESSES_AFTER) {
          const sentIn = phase;
          try {
            await clients[via].execute({ sql: `INSERT INTO ${table} (via, phase) VALUES (?, ?)`, args: [via, sentIn] });
            outcomes.push({ via, phase: sentIn });
          } catch (error) {
            outcomes.push({ via, phase: sentIn, error });
          }
          await sleep(50);
        }
      };

      const loads = Promise.all([load("http"), load("ws")]);
      let ready = false;
      try {
        await sleep(300);
        await control.stop();
        phase = "down";
        await sleep(DOWN_FOR_MS);
        await control.start();
        ready = await waitUntil(() => control.isReady(), READY_WITHIN_MS);
        phase = "after";
      } finally {
        if (!ready) {
          // Whatever failed, leave the database running for the cleanup after the test.
          stopped = true;
          if (!(await control.isReady())) await control.start();
          await waitUntil(() => control.isReady(), READY_WITHIN_MS);
        }
      }
      expect(ready, `${backend.label} did not come back within ${READY_WITHIN_MS} ms`).toBe(true);
      await loads;

      const failures = outcomes.filter((o) => o.error !== undefined);
      const unclean = failures.filter((o) => !(o.error instanceof LibsqlError && CLEAN_CODES.test(o.error.code)));
      expect(unclean.map((o) => `${o.via}, ${o.phase}: ${describeFailure(o.error)}`)).toEqual([]);
      for (const via of ["http", "ws"] as const) {
        const down = outcomes.filter((o) => o.via === via && o.phase === "down");
        expect(down.filter((o) => o.error !== undefined).length, `${via}: no request failed while the database was down`).toBeGreaterThan(0);
        expect(successesAfter(via), `${via}: requests did not succeed again after the restart`).toBe(SUCCESSES_AFTER);
        expect(outcomes.filter((o) => o.via === via).at(-1)?.error, `${via}: the last request failed`).toBeUndefined();
      }

      // The transaction lost its connection: it fails rather than go on without its first insert.
      await expectLibsqlError(tx.execute(`INSERT INTO ${table} (via, phase) VALUES ('tx', 'after')`), { code: "DATABASE_UNAVAILABLE" });
      tx.close();
      const check = baton.client();
      const fromTransactions = `SELECT phase FROM ${table} WHERE via = 'tx'`;
      expect(rowsOf(await check.execute(fromTransactions))).toEqual([]);
      // And a new transaction works.
      const again = await check.transaction("write");
      await again.execute(`INSERT INTO ${table} (via, phase) VALUES ('tx', 'after')`);
      await again.commit();
      expect(rowsOf(await check.execute(fromTransactions))).toEqual([["after"]]);
    });
  });
}
