// What a method handler sees: the call, its session, and the scope it runs in (one WebSocket, or
// one HTTP request). Scopes differ in where sessions and transactions live; handlers do not care.
import type { Uuid } from "@baton/codecs";
import type { RpcMethodName, RpcParams } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import type { RootAuthority, RpcSession, VariableLimits } from "@baton/session-core";

/** Server-wide settings every call may read. */
export interface RpcSettings {
  readonly version: string;
  /** Judges root passwords and tokens; `authority.required` is false when auth is off. */
  readonly authority: RootAuthority;
  /** The clock (ms) token expiry is judged by. */
  readonly now: () => number;
  readonly limits: RpcLimits;
}

/** What one client may hold in server memory and connections (RpcServiceOptions has the defaults). */
export interface RpcLimits {
  /** Variables one session keeps (`let`/`set`). */
  readonly variables: VariableLimits;
  /** Sessions attached on one WebSocket. */
  readonly maxSessionsPerSocket: number;
  /** Interactive transactions open at once on one WebSocket. */
  readonly maxTransactionsPerSocket: number;
  /** A transaction unused this long (ms) is rolled back. */
  readonly transactionIdleMs: number;
}

/** Where a call runs: sessions, transactions and records of one socket or HTTP request. */
export interface RpcScope {
  readonly transport: "websocket" | "http";
  readonly settings: RpcSettings;
  attach(id: string): void;
  detach(id: string): void;
  sessions(): Uuid[];
  /** Opens a transaction of `session` on `tenant`. */
  begin(options: { tenant: string; session: RpcSession }): Promise<Uuid>;
  /** Ends transaction `txn` of `session` ("Transaction not found" for another session's). */
  commit(txn: string, session: RpcSession): Promise<void>;
  cancel(txn: string, session: RpcSession): Promise<void>;
  /**
   * Runs `work` on `tenant`'s records: inside transaction `txn` when given (which must be
   * `session`'s and on `tenant`), else in its own.
   */
  withStore<T>(
    options: { tenant: string; txn: string | undefined; session: RpcSession; readOnly?: boolean },
    work: (store: RecordStore) => Promise<T>,
  ): Promise<T>;
}

/** One call of `method`, its params checked against the method's schema (`checkParams`). */
export interface RpcCall<M extends RpcMethodName = RpcMethodName> {
  readonly method: M;
  readonly params: RpcParams<M>;
  /** The session's variables with the request's own `vars` laid over them, for this call only. */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly session: RpcSession;
  /** The attached session's UUID text; undefined for the default (or per-request) session. */
  readonly sessionId: string | undefined;
  readonly txn: string | undefined;
  readonly scope: RpcScope;
}

/** A call as it reaches dispatch: its params not yet checked against the method's schema. */
export type UncheckedRpcCall = Omit<RpcCall, "params"> & { readonly params: readonly unknown[] };
