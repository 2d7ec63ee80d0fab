// The SurrealDB RPC service: one per server, shared by every WebSocket and HTTP request. It owns
// the settings, the attached HTTP sessions and the open sockets; transports decode, call it,
// and encode what it answers.
import { Uuid } from "@baton/codecs";
import type { AdapterRegistry } from "@baton/adapters-kysely";
import { parseRpcRequest, RpcError } from "@baton/protocol-types/rpc";
import { RecordStoreFactory } from "@baton/record-store";
import { AttachedSessionRegistry, RootAuthority, type RpcSession } from "@baton/session-core";
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
  /**
   * The root user's password and tokens, shared with the other protocols; default: no root user
   * (auth off, every session acts as root) and tokens signed with a random per-process key.
   */
  authority?: RootAuthority;
  /** Idle time before an attached HTTP session expires (default 300 000 ms). */
  httpSessionIdleMs?: number;
  /** Attached HTTP sessions allowed at once (default 16 384, SurrealDB's HTTP_MAX_ATTACHED_SESSIONS). */
  maxHttpSessions?: number;
  /** Attached HTTP sessions one user may hold at once (default 1024). */
  maxHttpSessionsPerOwner?: number;
  /** Sessions attached on one WebSocket at once (default 256). */
  maxSessionsPerSocket?: number;
  /** Interactive transactions open at once on one WebSocket (default 4): each pins a pooled connection. */
  maxTransactionsPerSocket?: number;
  /** A transaction unused this long (ms, from its last request) is rolled back (default 30 000). */
  transactionIdleMs?: number;
  /** Variables one session may keep (default 256). */
  maxVariables?: number;
  /** Estimated bytes one session's variables may take together (default 1 MiB). */
  maxVariableBytes?: number;
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
      authority: options.authority ?? new RootAuthority(),
      now: options.now ?? Date.now,
      limits: {
        variables: { maxVariables: options.maxVariables ?? 256, maxVariableBytes: options.maxVariableBytes ?? 1024 * 1024 },
        maxSessionsPerSocket: options.maxSessionsPerSocket ?? 256,
        maxTransactionsPerSocket: options.maxTransactionsPerSocket ?? 4,
        transactionIdleMs: options.transactionIdleMs ?? 30_000,
      },
    };
    this.#onError = options.onError ?? (() => undefined);
    this.#httpSessions = new AttachedSessionRegistry<RpcSession>({
      idleTimeoutMs: options.httpSessionIdleMs ?? 300_000,
      maxSessions: options.maxHttpSessions ?? 16_384,
      maxPerOwner: options.maxHttpSessionsPerOwner ?? 1024,
      onError: this.#onError,
    });
  }

  /** What `version` answers and `GET /version` shows. */
  get version(): string {
    return this.#settings.version;
  }

  /** Checks header credentials for an HTTP request or a WebSocket upgrade; throws GatewayError AUTH_* (→ 401). */
  authenticateDefaults(defaults: ConnectionDefaults): Promise<ResolvedDefaults> {
    return resolveDefaults({ defaults, authority: this.#settings.authority });
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
      const owner = ownerOf({ auth: options.defaults.auth, authRequired: this.#settings.authority.required });
      const result = await executeRequest({
        request,
        scope: this.#httpScope({ adapter: options.adapter, defaults: options.defaults, owner }),
        session: (id) => {
          if (id === undefined) return sessionFrom(options.defaults, this.#settings);
          // A request without verified credentials owns nothing: the session is "not found",
          // never a hint that it exists (the ids of others' sessions cannot be probed).
          if (owner === undefined) throw RpcError.sessionNotFound(id);
          return this.#httpSessions.get(id, owner);
        },
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

  /**
   * The scope of one HTTP request: attached sessions are server-wide, owned by the identity the
   * request's own headers verified as (`owner`; undefined for a request without credentials while
   * a root user is configured, which may not attach or list sessions at all).
   */
  #httpScope(options: { adapter: string | undefined; defaults: ResolvedDefaults; owner: string | undefined }): RpcScope {
    const { defaults } = options;
    const access = this.#access(options.adapter);
    const noTransactions = () => Promise.reject(RpcError.methodNotFound());
    const owner = (method: string): string => {
      if (options.owner !== undefined) return options.owner;
      throw new RpcError("METHOD_NOT_ALLOWED", "Attached HTTP sessions need the root user's credentials in the request's Authorization header", {
        details: { kind: "Method", details: { name: method } },
      });
    };
    return {
      transport: "http",
      settings: this.#settings,
      attach: (id) => this.#httpSessions.attach(id, owner("attach"), sessionFrom(defaults, this.#settings)),
      detach: (id) => void this.#httpSessions.detach(id, owner("detach")),
      sessions: () => this.#httpSessions.ids(owner("sessions")).map((id) => Uuid.parse(id)),
      begin: noTransactions,
      commit: noTransactions,
      cancel: noTransactions,
      // Interactive transactions live on WebSockets only, so no `txn` can name one here.
      withStore: (target, work) => (target.txn === undefined ? access.run(target.tenant, work, { readOnly: target.readOnly ?? false }) : Promise.reject(RpcError.transactionNotFound())),
    };
  }
}
