// What a method handler sees: the call, its session, and the scope it runs in (one WebSocket, or
// one HTTP request). Scopes differ in where sessions and transactions live; handlers do not care.
import type { Uuid } from "@baton/codecs";
import type { RpcMethodName } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import type { RootCredentials, RpcSession, TokenIssuer } from "@baton/session-core";

/** Server-wide settings every call may read. */
export interface RpcSettings {
  readonly version: string;
  /** Root credentials, when auth is on. */
  readonly credentials: RootCredentials | undefined;
  readonly tokens: TokenIssuer;
  /** The clock (ms) token expiry is judged by. */
  readonly now: () => number;
}

/** Where a call runs: sessions, transactions and records of one socket or HTTP request. */
export interface RpcScope {
  readonly transport: "websocket" | "http";
  readonly settings: RpcSettings;
  attach(id: string): void;
  detach(id: string): void;
  sessions(): Uuid[];
  begin(tenant: string): Promise<Uuid>;
  commit(txn: string): Promise<void>;
  cancel(txn: string): Promise<void>;
  /** Runs `work` on `tenant`'s records: inside transaction `txn` when given, else in its own. */
  withStore<T>(options: { tenant: string; txn: string | undefined }, work: (store: RecordStore) => Promise<T>): Promise<T>;
}

export interface RpcCall {
  readonly method: RpcMethodName;
  readonly params: readonly unknown[];
  /** The session's variables with the request's own `vars` laid over them, for this call only. */
  readonly variables: ReadonlyMap<string, unknown>;
  readonly session: RpcSession;
  /** The attached session's UUID text; undefined for the default (or per-request) session. */
  readonly sessionId: string | undefined;
  readonly txn: string | undefined;
  readonly scope: RpcScope;
}
