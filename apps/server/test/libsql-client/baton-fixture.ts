// What every libsql-client case file shares: a real Baton server per suite in front of one
// backend, clients of the real `@libsql/client` pointed at a tenant namespace of its own over one
// transport, unique table names, error assertions.
import { createClient, LibsqlError, type Client, type Config, type ResultSet, type Value } from "@libsql/client";
import { afterAll, afterEach, beforeAll, expect, test, type TestFunction } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { serverArgs, uniqueNamespace, type Backend, type Capabilities } from "./backends.js";

/** The URL schemes `@libsql/client` speaks Hrana over: `http://` (Hrana 2 pipelines) and `ws://`. */
export type Transport = "http" | "ws";

/** Where a client points: a namespace (default: the fixture's) over a transport (default: the fixture's). */
export interface ClientTarget {
  readonly namespace?: string;
  readonly transport?: Transport;
}

export interface BatonFixture {
  readonly transport: Transport;
  readonly backend: Backend;
  /** The backend's genuine differences (backends.ts). */
  readonly caps: Capabilities;
  /** The running server; only valid inside tests and hooks. */
  readonly server: TestServer;
  /** The tenant namespace this fixture's clients use, unique to this run. */
  readonly namespace: string;
  /** The URL a client of this transport and namespace is given. */
  readonly url: string;
  /** The URL of another namespace or transport. */
  urlFor(target: ClientTarget): string;
  /** A new client (of this transport and namespace unless `target` says otherwise), closed after the current test. */
  client(config?: Omit<Config, "url">, target?: ClientTarget): Client;
  /** A new namespace unique to this run; it is removed with the fixture's own. */
  newNamespace(prefix: string): string;
}

export interface BatonOptions {
  /** More `baton start` flags. */
  readonly args?: readonly string[];
}

/**
 * The URL of `namespace` on a server. Over HTTP the trailing slash matters: the client resolves
 * `v2/pipeline` against the URL, which would drop a last segment without one (README, Tenants).
 */
function namespaceUrl(server: TestServer, target: { transport: Transport; namespace: string }): string {
  return target.transport === "http" ? `${server.httpUrl}/ns/${target.namespace}/` : `${server.wsUrl}/ns/${target.namespace}`;
}

/**
 * Starts a Baton server in front of `backend` (with `options.args`, `baton start` flags) before the
 * enclosing `describe`'s tests and stops it after them; clients made with `client()` are closed
 * after each test. Tenant namespaces the fixture handed out are dropped afterwards.
 */
export function useBaton(transport: Transport, backend: Backend, options: BatonOptions = {}): BatonFixture {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  const namespace = uniqueNamespace(`lc_${backend.name}_${transport}`);
  const namespaces = [namespace];
  beforeAll(async () => {
    server = await startTestServer(serverArgs(backend, options.args));
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.close();
    const started = server !== undefined;
    await server?.close();
    if (started) await dropNamespaces(backend, namespaces);
  });
  const running = (): TestServer => {
    if (server === undefined) throw new Error("The Baton server is not running (used outside a test?)");
    return server;
  };
  const urlFor = (target: ClientTarget): string =>
    namespaceUrl(running(), { transport: target.transport ?? transport, namespace: target.namespace ?? namespace });
  return {
    transport,
    backend,
    caps: backend.caps,
    namespace,
    get server() {
      return running();
    },
    get url() {
      return urlFor({});
    },
    urlFor,
    client(config = {}, target = {}) {
      const client = createClient({ ...config, url: urlFor(target) });
      clients.push(client);
      return client;
    },
    newNamespace(prefix) {
      const name = uniqueNamespace(`${prefix}_${backend.name}`);
      namespaces.push(name);
      return name;
    },
  };
}

/**
 * Removes tenant namespaces from a database server (Postgres schemas, MySQL databases) through a
 * Baton of its own, started after the suite's server stopped so no open transaction holds a lock.
 * (pg and mysql2 are not dependencies of apps/server; Baton runs the SQL just as well.)
 */
async function dropNamespaces(backend: Backend, namespaces: readonly string[]): Promise<void> {
  const statements = namespaces.flatMap((name) => backend.dropNamespaceSql(name) ?? []);
  if (statements.length === 0) return;
  const cleaner = await startTestServer(serverArgs(backend));
  const client = createClient({ url: cleaner.httpUrl });
  try {
    for (const sql of statements) await client.execute(sql);
  } finally {
    client.close();
    await cleaner.close();
  }
}

/**
 * `test` where `runs`, else a skipped test whose title says why: for a case about a feature the
 * backend truly lacks (backends.ts says which).
 */
export function testIf(runs: boolean, reason: string): (title: string, fn: TestFunction) => void {
  return (title, fn) => test.skipIf(!runs)(runs ? title : `${title} (skipped: ${reason})`, fn);
}

/**
 * The `lastInsertRowid` of an INSERT into a table keyed by `types.autoId` that numbered rows
 * `first`…`last`: SQLite's rowid is the last row's, MySQL's AUTO_INCREMENT id the first row's,
 * and Postgres reports none.
 */
export function insertedRowid(caps: Capabilities, rows: { first: bigint; last: bigint }): bigint | undefined {
  switch (caps.lastInsertRowid) {
    case "rowid":
      return rows.last;
    case "auto-increment":
      return rows.first;
    case "none":
      return undefined;
  }
}

/**
 * What `SELECT ?` returns for a number sent with nothing in the statement to type it: the
 * number, except on Postgres, which types a parameter from its context and makes it text
 * without one (backends.ts, untypedParametersKeepType).
 */
export function untypedResult(caps: Capabilities, value: number | bigint): Value {
  return caps.untypedParametersKeepType ? value : String(value);
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

/** Tracks whether a promise has settled, without awaiting it. */
export function watch<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  void tracked.catch(() => undefined);
  return { promise: tracked, settled: () => settled };
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
