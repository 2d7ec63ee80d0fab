// What every RPC case file shares: a real Baton server in front of one backend with a root user,
// RpcClients of @baton/client-sdk over one transport and format, a tenant of their own (`use
// [ns, ns]` is tenant `ns`, docs/record-model.md "Tenants"), and the helpers that let one case
// speak both formats (CBOR typed values, JSON strings).
import { createHmac, randomUUID } from "node:crypto";
import {
  formatRecordId,
  NONE,
  RecordId,
  RpcClient,
  RpcClientError,
  RpcConnectionError,
  Table,
  Uuid,
  type RpcClientEvent,
  type RpcFormat,
} from "@baton/client-sdk";
import { createClient, type Client } from "@libsql/client";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { serverArgs, uniqueNamespace, type Backend } from "../libsql-client/backends.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

export type RpcTransport = "ws" | "http";

export const ROOT = { user: "root", pass: "root-secret" } as const;
/** The server's token key (`--jwt-secret`), so cases can mint expired and forged tokens. */
export const JWT_SECRET = Buffer.alloc(32, 0x5a);
/** The server's `--max-body`, small so the huge-body case stays cheap. */
export const MAX_BODY = 1024 * 1024;

export const BASIC_ROOT = `Basic ${Buffer.from(`${ROOT.user}:${ROOT.pass}`).toString("base64")}`;

export interface RpcClientSetup {
  /** Authorization header: root by Basic auth (default), none, or a given header value. */
  readonly auth?: "root" | "none" | { readonly header: string };
  /** The Surreal-NS/Surreal-DB headers' namespace (both the same): the fixture's by default, none with null. */
  readonly namespace?: string | null;
  /** More headers, over the above. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly onEvent?: (event: RpcClientEvent) => void;
  /** Another transport or format than the fixture's. */
  readonly transport?: RpcTransport;
  readonly format?: RpcFormat;
}

export interface RpcFixture {
  readonly transport: RpcTransport;
  readonly format: RpcFormat;
  readonly backend: Backend;
  readonly server: TestServer;
  /** This fixture's tenant: `use [namespace, namespace]`. */
  readonly namespace: string;
  /** The base URL of the fixture's transport (`ws://…` or `http://…`), without `/rpc`. */
  readonly baseUrl: string;
  /** A connected client (closed after the current test); see RpcClientSetup for the defaults. */
  client(setup?: RpcClientSetup): Promise<RpcClient>;
  /** A new namespace unique to this run, removed with the fixture's. */
  newNamespace(prefix: string): string;
  /** A tenant made by `use [ns, db]` with ns ≠ db (`ns--db`), removed with the fixture's. */
  tenantOf(ns: string, db: string): string;
  /** A @libsql/client (Hrana over HTTP) on a tenant, as root, closed after the current test. */
  hrana(namespace?: string): Client;
  /** A record id as the format sends it: RecordId (CBOR tag 8) or `"t:k"` text (JSON). */
  rid(table: string, key: string | number): unknown;
  /** A table as the format sends it: Table (CBOR tag 7) or its name (JSON). */
  tb(name: string): unknown;
  /** A new session id as the format sends it: Uuid (CBOR tag 37) or its text (JSON). */
  newSessionId(): unknown;
  /**
   * Attaches a new session on `db` and signs it in as root (a WebSocket's attached session starts
   * signed out, as SurrealDB's does; the JS SDK's forkSession replays `authenticate` for this).
   */
  attach(db: RpcClient): Promise<unknown>;
  /** NONE as results carry it: the NONE symbol in CBOR, `null` in JSON (which has no NONE). */
  readonly none: unknown;
}

/** Starts a server with `--user`/`--pass` (and `args`) for the enclosing describe's tests. */
export function useRpcBaton(
  config: { transport: RpcTransport; format: RpcFormat; backend: Backend },
  options: { args?: readonly string[] } = {},
): RpcFixture {
  const { transport, format, backend } = config;
  let server: TestServer | undefined;
  const clients: RpcClient[] = [];
  const hranaClients: Client[] = [];
  const namespace = uniqueNamespace(`rpc_${backend.name}_${transport}_${format}`);
  const namespaces = [namespace];
  beforeAll(async () => {
    server = await startTestServer(serverArgs(backend, [
        ...["--user", ROOT.user, "--pass", ROOT.pass],
        ...["--jwt-secret", JWT_SECRET.toString("hex"), "--max-body", String(MAX_BODY)],
        ...(options.args ?? []),
      ]));
  });
  const closeClients = async () => {
    for (const client of hranaClients.splice(0)) client.close();
    await Promise.all(clients.splice(0).map((client) => client.close()));
  };
  afterEach(closeClients);
  afterAll(async () => {
    await closeClients();
    const started = server !== undefined;
    await server?.close();
    if (started) await dropNamespaces(backend, namespaces);
  });
  const running = (): TestServer => {
    if (server === undefined) throw new Error("The Baton server is not running (used outside a test?)");
    return server;
  };
  const newSessionId = () => (format === "cbor" ? Uuid.parse(randomUUID()) : randomUUID());
  const baseUrl = (which: RpcTransport) => (which === "ws" ? running().wsUrl : running().httpUrl);
  return {
    transport,
    format,
    backend,
    namespace,
    get server() {
      return running();
    },
    get baseUrl() {
      return baseUrl(transport);
    },
    async client(setup = {}) {
      const auth = setup.auth ?? "root";
      const ns = setup.namespace === undefined ? namespace : setup.namespace;
      const headers: Record<string, string> = {
        ...(auth === "root" ? { Authorization: BASIC_ROOT } : auth === "none" ? {} : { Authorization: auth.header }),
        ...(ns === null ? {} : { "Surreal-NS": ns, "Surreal-DB": ns }),
        ...setup.headers,
      };
      const client = await RpcClient.connect(baseUrl(setup.transport ?? transport), {
        format: setup.format ?? format,
        headers,
        ...(setup.onEvent === undefined ? {} : { onEvent: setup.onEvent }),
      });
      clients.push(client);
      return client;
    },
    newNamespace(prefix) {
      const name = uniqueNamespace(`${prefix}_${backend.name}`);
      namespaces.push(name);
      return name;
    },
    tenantOf(ns, db) {
      const name = `${ns}--${db}`;
      namespaces.push(name);
      return name;
    },
    hrana(ns = namespace) {
      const client = createClient({ url: `${running().httpUrl}/ns/${ns}/`, authToken: `${ROOT.user}:${ROOT.pass}` });
      hranaClients.push(client);
      return client;
    },
    rid: (table, key) => (format === "cbor" ? new RecordId(table, key) : `${table}:${String(key)}`),
    tb: (name) => (format === "cbor" ? new Table(name) : name),
    newSessionId,
    async attach(db) {
      const session = newSessionId();
      await db.call("attach", [], { session });
      await db.call("signin", [{ user: ROOT.user, pass: ROOT.pass }], { session });
      return session;
    },
    none: format === "cbor" ? NONE : null,
  };
}

/** Removes tenants from Postgres or MySQL through a Baton of its own, after the suite's server stopped. */
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

/** An HS512 JWT with `claims`, signed with `key` (SurrealDB's token format, reference 8.2). */
export function mintToken(claims: Readonly<Record<string, unknown>>, key: Uint8Array): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ typ: "JWT", alg: "HS512" })}.${part(claims)}`;
  return `${unsigned}.${createHmac("sha512", key).update(unsigned).digest("base64url")}`;
}

/** Root claims as SurrealDB issues them, valid from `iat` for `ttl` seconds. */
export function rootClaims(options: { iat: number; ttl: number }): Record<string, unknown> {
  return { iat: options.iat, nbf: options.iat, exp: options.iat + options.ttl, iss: "SurrealDB", jti: randomUUID(), ID: ROOT.user };
}

/** A record's fields without its id, for comparing contents. */
export function withoutId(record: unknown): Record<string, unknown> {
  const { id: _id, ...rest } = record as Record<string, unknown>;
  return rest;
}

/** A UUID's text, from either format's form of it. */
export function uuidText(value: unknown): string {
  if (value instanceof Uuid) return value.toString();
  if (typeof value === "string") return value;
  throw new Error(`Not a UUID: ${String(value)}`);
}

/** A record id's `table:key` text, from either format's form of it. */
export function idText(value: unknown): string {
  if (value instanceof RecordId) return formatRecordId(value);
  if (typeof value === "string") return value;
  throw new Error(`Not a record id: ${String(value)}`);
}

/** The key part of a record id, from either format's form of it. */
export function idKey(value: unknown): string {
  const text = idText(value);
  return text.slice(text.indexOf(":") + 1);
}

/** Asserts that `promise` rejects with an RpcClientError matching `expected` (code, kind, details, message). */
export async function expectRpcError(
  promise: Promise<unknown>,
  expected: { code: number; kind?: string; details?: unknown; message?: string | RegExp },
): Promise<RpcClientError> {
  const error = await promise.then(
    (value: unknown) => {
      throw new Error(`Expected an RPC error ${expected.code}, but the call resolved with ${describe(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error, `expected an RpcClientError, got: ${String(error)}`).toBeInstanceOf(RpcClientError);
  const rpcError = error as RpcClientError;
  const { message, ...rest } = expected;
  expect(rpcError).toMatchObject(rest);
  if (typeof message === "string") expect(rpcError.message).toBe(message);
  if (message instanceof RegExp) expect(rpcError.message).toMatch(message);
  return rpcError;
}

/** Asserts that `promise` rejects with an RpcConnectionError of HTTP status `status`. */
export async function expectRefused(promise: Promise<unknown>, status: number): Promise<RpcConnectionError> {
  const error = await promise.then(
    (value: unknown) => {
      throw new Error(`Expected a refusal with ${status}, but the call resolved with ${describe(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error, `expected an RpcConnectionError, got: ${String(error)}`).toBeInstanceOf(RpcConnectionError);
  expect((error as RpcConnectionError).status).toBe(status);
  return error as RpcConnectionError;
}

let tableCounter = 0;

/** A table name no other test uses (letters, digits and `_`). */
export function uniqueTable(prefix = "t"): string {
  tableCounter += 1;
  return `${prefix}_${process.pid}_${tableCounter}_${Math.random().toString(36).slice(2, 7)}`;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
