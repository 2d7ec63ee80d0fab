// SurrealDB RPC over one WebSocket: a default session plus attached ones, interactive
// transactions, and requests answered concurrently, matched by their echoed `id` (reference
// sections 1.1 and 2). The transport decodes frames and encodes what `peer.send` gets.
import { NONE, Uuid } from "@baton/codecs";
import { parseRpcRequest, RpcError, type ParsedRpcRequest } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import { RpcSession } from "@baton/session-core";
import type { ResolvedDefaults } from "./connection-defaults.js";
import type { RecordAccess } from "./record-access.js";
import type { RpcScope, RpcSettings } from "./rpc-call.js";
import { isUnexpected, toRpcError } from "./rpc-error-normaliser.js";
import { RpcTransactions } from "./rpc-transactions.js";
import { executeRequest } from "./request-pipeline.js";

/** The socket as this handler sees it. Frames are JS values with @baton/codecs classes. */
export interface RpcPeer {
  send(frame: object): void;
  close(code: number, reason: string): void;
}

/** The response frame of a request: `id` echoed exactly when present, `session` when one was named. */
export function responseFrame(request: ParsedRpcRequest, outcome: { result: unknown } | { error: object }): object {
  const frame: Record<string, unknown> = {};
  if ("id" in request) frame["id"] = request.id;
  if (request.session !== undefined) frame["session"] = Uuid.parse(request.session);
  return Object.assign(frame, outcome);
}

/** A session starting from the connection's defaults (`use [NONE, NONE]` returns to them). */
export function sessionFrom(defaults: ResolvedDefaults, settings: RpcSettings): RpcSession {
  const selection = { namespace: defaults.namespace, database: defaults.database };
  return new RpcSession({ defaults: selection, ...selection, auth: defaults.auth, variableLimits: settings.limits.variables });
}

export class RpcSocket {
  readonly #peer: RpcPeer;
  readonly #settings: RpcSettings;
  readonly #access: RecordAccess;
  readonly #defaults: ResolvedDefaults;
  readonly #onError: (error: unknown) => void;
  readonly #defaultSession: RpcSession;
  readonly #sessions = new Map<string, RpcSession>();
  readonly #transactions: RpcTransactions;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #scope: RpcScope;
  #ended = false;

  constructor(options: {
    peer: RpcPeer;
    settings: RpcSettings;
    access: RecordAccess;
    defaults: ResolvedDefaults;
    onError: (error: unknown) => void;
  }) {
    this.#peer = options.peer;
    this.#settings = options.settings;
    this.#access = options.access;
    this.#defaults = options.defaults;
    this.#onError = options.onError;
    this.#defaultSession = sessionFrom(options.defaults, options.settings);
    const { maxTransactionsPerSocket, transactionIdleMs } = options.settings.limits;
    this.#transactions = new RpcTransactions({
      access: options.access,
      maxOpen: maxTransactionsPerSocket,
      idleMs: transactionIdleMs,
      onError: options.onError,
    });
    this.#scope = this.#makeScope();
  }

  /** Handles one decoded frame; the answer is sent through the peer when ready. */
  handleMessage(message: unknown): void {
    if (this.#ended) return;
    let request: ParsedRpcRequest;
    try {
      request = parseRpcRequest(message);
    } catch (error) {
      this.#send({ error: toRpcError(error).toWire() });
      return;
    }
    const work = this.#answer(request);
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  /** A frame the transport could not decode: -32700, with no id (SurrealDB's answer). */
  handleUndecodable(_error: unknown): void {
    if (!this.#ended) this.#send({ error: RpcError.parseError().toWire() });
  }

  /** Ends the socket: requests still running finish unanswered, transactions roll back. */
  async shutdown(): Promise<void> {
    this.#ended = true;
    await Promise.allSettled([...this.#inFlight]);
    await this.#transactions.closeAll();
    this.#sessions.clear();
  }

  async #answer(request: ParsedRpcRequest): Promise<void> {
    try {
      const result = await executeRequest({ request, scope: this.#scope, session: (id) => this.#session(id) });
      this.#send(responseFrame(request, { result: result === undefined ? NONE : result }));
    } catch (error) {
      if (isUnexpected(error)) this.#onError(error);
      this.#send(responseFrame(request, { error: toRpcError(error).toWire() }));
    }
  }

  #send(frame: object): void {
    if (!this.#ended) this.#peer.send(frame);
  }

  #session(id: string | undefined): RpcSession {
    if (id === undefined) return this.#defaultSession;
    const session = this.#sessions.get(id);
    if (session === undefined) throw RpcError.sessionNotFound(id);
    return session;
  }

  #makeScope(): RpcScope {
    return {
      transport: "websocket",
      settings: this.#settings,
      attach: (id) => {
        if (this.#sessions.has(id)) throw RpcError.sessionExists(id);
        const max = this.#settings.limits.maxSessionsPerSocket;
        if (this.#sessions.size >= max) {
          throw RpcError.limitReached({
            limit: "maxSessionsPerSocket",
            max,
            message: `At most ${max} sessions may be attached to one connection: detach one first`,
          });
        }
        // Signed out, as SurrealDB's attached WebSocket sessions start (the JS SDK replays `authenticate`).
        this.#sessions.set(id, new RpcSession({ defaults: this.#defaults, variableLimits: this.#settings.limits.variables }));
      },
      detach: (id) => {
        const session = this.#sessions.get(id);
        this.#sessions.delete(id);
        // Its transactions can no longer be named by anyone: roll them back now, not when idle.
        if (session !== undefined) void this.#transactions.closeAll(session);
      },
      sessions: () => [...this.#sessions.keys()].map((id) => Uuid.parse(id)),
      begin: (options) => this.#transactions.begin(options),
      commit: (txn, session) => this.#transactions.commit(txn, session),
      cancel: (txn, session) => this.#transactions.cancel(txn, session),
      withStore: <T>(
        options: { tenant: string; txn: string | undefined; session: RpcSession; readOnly?: boolean },
        work: (store: RecordStore) => Promise<T>,
      ) =>
        options.txn === undefined
          ? this.#access.run(options.tenant, work, { readOnly: options.readOnly ?? false })
          : this.#transactions.run(options.txn, { session: options.session, tenant: options.tenant }, work),
    };
  }
}
