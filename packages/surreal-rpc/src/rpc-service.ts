// The SurrealDB RPC service: one per server, shared by every WebSocket and HTTP request. It owns
// the settings, the attached HTTP sessions and the open sockets; transports decode, call it,
// and encode what it answers.
import { Uuid } from "@baton/codecs";
import type { AdapterRegistry } from "@baton/adapters-kysely";
import { parseRpcRequest, RpcError } from "@baton/protocol-types/rpc";
import { RecordStoreFactory } from "@baton/record-store";
import { AttachedSessionRegistry, TokenIssuer, type RootCredentials, type RpcSession } from "@baton/session-core";
import { ownerOf, resolveDefaults, type ConnectionDefaults, type ResolvedDefaults } from "./connection-defaults.js";
import { RecordAccess, type RecordStoreOpener } from "./record-access.js";
import type { RpcScope, RpcSettings } from "./rpc-call.js";
import { isUnexpected, toRpcError } from "./rpc-error-normaliser.js";
import { RpcSocket, sessionFrom, type RpcPeer } from "./rpc-socket.js";
import { executeRequest } from "./request-pipeline.js";

export interface RpcServiceOptions {
  /** Where tenants' databases come from: `adapter(name).dialect`, `database({adapter, namespace})`. */
  databases: AdapterRegistry;
  /** Opens record stores; default a new RecordStoreFactory. */
  records?: RecordStoreOpener;
  /** Root credentials; undefined: auth is off, every session acts as root. */
  credentials?: RootCredentials;
  /** Issues and verifies tokens; default a TokenIssuer with a random per-process secret. */
  tokens?: TokenIssuer;
  /** Idle time before an attached HTTP session expires (default 300 000 ms). */
  httpSessionIdleMs?: number;
  /** Attached HTTP sessions allowed at once (default 16 384, SurrealDB's HTTP_MAX_ATTACHED_SESSIONS). */
  maxHttpSessions?: number;
  /** What `version` answers (default "surrealdb-3.0.2"; the JS SDK requires 2.1.0 ≤ v < 4.0.0). */
  version?: string;
  /** Reports errors no client caused (outages, bugs); they are answered as Internal errors too. */
  onError?: (error: unknown) => void;
  /** The clock (ms) token expiry is judged by; `Date.now` unless a test drives time itself (as TokenIssuer's). */
  now?: () => number;
}

export class RpcService {
  readonly #databases: AdapterRegistry;
  readonly #records: RecordStoreOpener;
  readonly #settings: RpcSettings;
  readonly #onError: (error: unknown) => void;
  readonly #httpSessions: AttachedSessionRegistry<RpcSession>;
  readonly #sockets = new Set<RpcSocket>();

  constructor(options: RpcServiceOptions) {
    this.#databases = options.databases;
    this.#records = options.records ?? new RecordStoreFactory();
    this.#settings = {
      version: options.version ?? "surrealdb-3.0.2",
      credentials: options.credentials,
      tokens: options.tokens ?? new TokenIssuer(),
      now: options.now ?? Date.now,
    };
    this.#onError = options.onError ?? (() => undefined);
    this.#httpSessions = new AttachedSessionRegistry<RpcSession>({
      idleTimeoutMs: options.httpSessionIdleMs ?? 300_000,
      maxSessions: options.maxHttpSessions ?? 16_384,
      onError: this.#onError,
    });
  }

  /** Checks header credentials for an HTTP request or a WebSocket upgrade; throws GatewayError AUTH_* (→ 401). */
  authenticateDefaults(defaults: ConnectionDefaults): Promise<ResolvedDefaults> {
    return resolveDefaults({ defaults, credentials: this.#settings.credentials, tokens: this.#settings.tokens });
  }

  /** A new WebSocket's handler; call `socketClosed` when the socket closes. */
  openSocket(options: { adapter?: string; defaults: ResolvedDefaults; peer: RpcPeer }): RpcSocket {
    const socket = new RpcSocket({
      peer: options.peer,
      settings: this.#settings,
      access: this.#access(options.adapter),
      defaults: options.defaults,
      onError: this.#onError,
    });
    this.#sockets.add(socket);
    return socket;
  }

  /** One HTTP request body (already decoded); resolves to `{result}` or `{error}` (never id/session). */
  async handleHttp(options: { adapter?: string; message: unknown; defaults: ResolvedDefaults }): Promise<object> {
    try {
      const request = parseRpcRequest(options.message);
      const owner = ownerOf(options.defaults.auth);
      const result = await executeRequest({
        request,
        scope: this.#httpScope({ adapter: options.adapter, defaults: options.defaults, owner }),
        session: (id) => (id === undefined ? sessionFrom(options.defaults) : this.#httpSessions.get(id, owner)),
      });
      return { result };
    } catch (error) {
      if (isUnexpected(error)) this.#onError(error);
      return { error: toRpcError(error).toWire() };
    }
  }

  /** Call when a socket has closed: its transactions roll back and their connections return. */
  async socketClosed(socket: RpcSocket): Promise<void> {
    this.#sockets.delete(socket);
    await socket.shutdown();
  }

  /** Ends every socket and attached HTTP session. */
  async close(): Promise<void> {
    const sockets = [...this.#sockets];
    this.#sockets.clear();
    await Promise.all([this.#httpSessions.close(), ...sockets.map((socket) => socket.shutdown())]);
  }

  #access(adapter: string | undefined): RecordAccess {
    return new RecordAccess({ databases: this.#databases, records: this.#records, adapter });
  }

  /** The scope of one HTTP request: attached sessions are server-wide, owned by the request's user. */
  #httpScope(options: { adapter: string | undefined; defaults: ResolvedDefaults; owner: string }): RpcScope {
    const { defaults, owner } = options;
    const access = this.#access(options.adapter);
    const noTransactions = () => Promise.reject(RpcError.methodNotFound());
    return {
      transport: "http",
      settings: this.#settings,
      attach: (id) => this.#httpSessions.attach(id, owner, sessionFrom(defaults)),
      detach: (id) => void this.#httpSessions.detach(id, owner),
      sessions: () => this.#httpSessions.ids(owner).map((id) => Uuid.parse(id)),
      begin: noTransactions,
      commit: noTransactions,
      cancel: noTransactions,
      // Interactive transactions live on WebSockets only, so no `txn` can name one here.
      withStore: (target, work) => (target.txn === undefined ? access.run(target.tenant, work) : Promise.reject(RpcError.transactionNotFound())),
    };
  }
}
