// What every libsql-client case file shares: a real Baton server per suite, clients of the real
// `@libsql/client` pointed at it over one transport, unique table names, error assertions.
import { createClient, LibsqlError, type Client, type Config, type ResultSet, type Value } from "@libsql/client";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The URL schemes `@libsql/client` speaks Hrana over: `http://` (Hrana 2 pipelines) and `ws://`. */
export type Transport = "http" | "ws";

export interface BatonFixture {
  readonly transport: Transport;
  /** The running server; only valid inside tests and hooks. */
  readonly server: TestServer;
  /** The URL a client of this transport is given. */
  readonly url: string;
  /** A new client for this transport, closed after the current test. */
  client(config?: Omit<Config, "url">): Client;
}

/**
 * Starts a Baton server (with `args`, `baton start` flags) before the enclosing `describe`'s
 * tests and stops it after them; clients made with `client()` are closed after each test.
 */
export function useBaton(transport: Transport, args: readonly string[] = []): BatonFixture {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer(args);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.close();
  });
  const running = (): TestServer => {
    if (server === undefined) throw new Error("The Baton server is not running (used outside a test?)");
    return server;
  };
  return {
    transport,
    get server() {
      return running();
    },
    get url() {
      return transport === "http" ? running().httpUrl : running().wsUrl;
    },
    client(config = {}) {
      const client = createClient({ ...config, url: this.url });
      clients.push(client);
      return client;
    },
  };
}

let tableCounter = 0;

/** A table name no other test (in this process or a parallel one) uses. */
export function uniqueTable(prefix = "t"): string {
  tableCounter += 1;
  return `${prefix}_${process.pid}_${tableCounter}_${Math.random().toString(36).slice(2, 8)}`;
}

/** The rows of a result as plain arrays (a `Row` is array-like with extra named properties). */
export function rowsOf(rs: ResultSet): Value[][] {
  return rs.rows.map((row) => Array.from({ length: row.length }, (_, i) => row[i] as Value));
}

/** The single value of a one-row, one-column result. */
export function scalar(rs: ResultSet): Value {
  expect(rs.rows.length, "expected exactly one row").toBe(1);
  return rs.rows[0]?.[0] as Value;
}

/** Settles `promise` and returns what it rejected with; fails the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`Expected a rejection, but the call resolved with ${describeValue(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Asserts that `promise` rejects with a LibsqlError (or a subclass `type`) carrying `code`. */
export async function expectLibsqlError<E extends LibsqlError = LibsqlError>(
  promise: Promise<unknown>,
  expected: { code: string; type?: abstract new (...args: never[]) => E },
): Promise<E> {
  const error = await rejectionOf(promise);
  const type = expected.type ?? LibsqlError;
  expect(error, `expected a ${type.name}, got: ${String(error)}`).toBeInstanceOf(type);
  const libsqlError = error as E;
  expect({ code: libsqlError.code, message: libsqlError.message }).toMatchObject({ code: expected.code });
  return libsqlError;
}

/** Counts the rows of `table` through `client`. */
export async function countRows(client: Client, table: string): Promise<number> {
  const rs = await client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(scalar(rs));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
