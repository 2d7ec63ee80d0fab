// What every SDK case file shares: a real Baton server in front of one backend (the RPC suite's
// fixture, in CBOR, the only format the SDK's remote engines speak) and connections of the
// official `surrealdb` SDK to it, closed after each test.
import { Surreal, type AnyAuth, type ConnectOptions } from "surrealdb";
import WebSocket from "ws";
import { afterEach, expect } from "vitest";
import type { Backend } from "../libsql-client/backends.js";
import { ROOT, uniqueTable, useRpcBaton, withoutId, type RpcFixture, type RpcTransport } from "../rpc/rpc-fixture.js";
import "./sdk-matchers.js";

/** The root user in the SDK's spelling of credentials. */
export const SDK_ROOT = { username: ROOT.user, password: ROOT.pass } as const satisfies AnyAuth;

export interface SdkConnectSetup {
  /** Sign in as root through `connect`'s `authentication` option (default), or stay anonymous. */
  readonly auth?: "root" | "none";
  /** The tenant to `use`: the fixture's by default, none with null. */
  readonly namespace?: string | null;
  /** More `connect` options, over the above. */
  readonly options?: ConnectOptions;
  /** Another URL than the server's (a proxy in front of it). */
  readonly url?: string;
}

export interface SdkFixture {
  readonly transport: RpcTransport;
  readonly backend: Backend;
  /** This fixture's tenant: `use({namespace, database})` with both the same. */
  readonly namespace: string;
  /** The URL the SDK connects to (`ws://…` or `http://…`; the SDK appends `/rpc`). */
  readonly url: string;
  /** The underlying RPC fixture (server, extra namespaces). */
  readonly rpc: RpcFixture;
  /** A connected SDK instance (closed after the current test); see SdkConnectSetup for the defaults. */
  connect(setup?: SdkConnectSetup): Promise<Surreal>;
  /** A new namespace unique to this run, removed with the fixture's. */
  newNamespace(prefix: string): string;
}

/**
 * Node 20 has no global WebSocket, so the SDK is given the `ws` package's. Its constructor takes
 * the same (url, protocols) arguments as the browser's, which is all the SDK calls.
 */
const websocketImpl = WebSocket as unknown as NonNullable<ConstructorParameters<typeof Surreal>[0]>["websocketImpl"];

/** Starts a Baton server for the enclosing describe's tests and hands out SDK connections to it. */
export function useSdkBaton(config: { transport: RpcTransport; backend: Backend }): SdkFixture {
  const rpc = useRpcBaton({ ...config, format: "cbor" });
  const open: Surreal[] = [];
  afterEach(async () => {
    await Promise.allSettled(open.splice(0).map((db) => db.close()));
  });
  return {
    transport: config.transport,
    backend: config.backend,
    namespace: rpc.namespace,
    rpc,
    get url() {
      return rpc.baseUrl;
    },
    async connect(setup = {}) {
      const ns = setup.namespace === undefined ? rpc.namespace : setup.namespace;
      const db = new Surreal({ websocketImpl });
      open.push(db);
      await db.connect(setup.url ?? rpc.baseUrl, {
        reconnect: false,
        ...(ns === null ? {} : { namespace: ns, database: ns }),
        ...((setup.auth ?? "root") === "root" ? { authentication: SDK_ROOT } : {}),
        ...setup.options,
      });
      return db;
    },
    newNamespace: (prefix) => rpc.newNamespace(prefix),
  };
}

/**
 * Awaits `promise` and returns what it rejected with; fails the test if it resolved. The SDK's
 * error classes are checked by the caller with `toBeInstanceOf` and `toMatchObject`.
 */
export async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  const outcome = await Promise.resolve(promise).then(
    (value: unknown) => ({ resolved: true as const, value }),
    (reason: unknown) => ({ resolved: false as const, reason }),
  );
  if (outcome.resolved) throw new Error(`Expected a rejection, but the call resolved with ${show(outcome.value)}`);
  expect(outcome.reason, `expected an Error, got: ${String(outcome.reason)}`).toBeInstanceOf(Error);
  return outcome.reason as Error;
}

/** SurrealDB's generated record keys: 20 characters of [0-9a-z]. */
export const RANDOM_KEY = /^[0-9a-z]{20}$/;

export { uniqueTable, withoutId };

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
