// The Hrana protocol service: one per server, shared by every HTTP request and socket.
import type { DatabaseRouter, DatabaseTarget } from "@baton/adapters-kysely";
import { HttpStreamRegistry, type SqlStoreLimits } from "@baton/session-core";
import type { HttpStreamState } from "./http-stream-state.js";
import { LegacyWsConnection, type LegacyWsReply } from "./legacy-ws-connection.js";
import { PipelineHandler } from "./pipeline-handler.js";
import type { HranaVersion } from "./request-decoder.js";
import { HranaWsConnection, type HelloAuthenticator, type WsLimits, type WsPeer } from "./ws-connection.js";

export interface HranaServiceOptions {
  /** Where each request's database comes from (adapters and tenants). */
  readonly databases: DatabaseRouter;
  /** HMAC key for batons (≥ 32 bytes); random per process when absent. */
  readonly batonSecret?: Uint8Array | undefined;
  /** Idle time before an HTTP stream expires, from its last request (default 10 s, as sqld). */
  readonly streamIdleTimeoutMs?: number | undefined;
  /** How long an expired stream answers STREAM_EXPIRED (default 300 s). */
  readonly streamTombstoneMs?: number | undefined;
  /** Open HTTP streams allowed at once (default 50 000). */
  readonly maxHttpStreams?: number | undefined;
  readonly httpSqlStore?: SqlStoreLimits | undefined;
  readonly ws?: Partial<WsLimits> | undefined;
  /** Reports errors that have no request to answer (e.g. a rollback failing on expiry). */
  readonly onError?: ((error: unknown) => void) | undefined;
}

const defaultWsLimits: WsLimits = {
  sqlStore: { maxCount: 150, maxLength: 65_536 },
  maxStreams: 1024,
  maxCursors: 1024,
  maxInFlight: 1024,
};

export class HranaService {
  readonly http: PipelineHandler;
  readonly #databases: DatabaseRouter;
  readonly #streams: HttpStreamRegistry<HttpStreamState>;
  readonly #wsLimits: WsLimits;
  readonly #httpSqlStore: SqlStoreLimits;
  readonly #sockets = new Set<{ shutdown(): Promise<void> }>();

  constructor(options: HranaServiceOptions) {
    this.#databases = options.databases;
    this.#httpSqlStore = options.httpSqlStore ?? { maxCount: 50, maxLength: 65_536 };
    this.#wsLimits = { ...defaultWsLimits, ...options.ws };
    this.#streams = new HttpStreamRegistry<HttpStreamState>({
      secret: options.batonSecret,
      idleTimeoutMs: options.streamIdleTimeoutMs,
      tombstoneMs: options.streamTombstoneMs,
      maxStreams: options.maxHttpStreams,
      onExpire: (state) => state.stream.queue.run(() => state.stream.close()),
      onError: options.onError,
    });
    this.http = new PipelineHandler({ databases: this.#databases, streams: this.#streams, sqlStoreLimits: this.#httpSqlStore });
  }

  /** Open HTTP streams. */
  get httpStreamCount(): number {
    return this.#streams.size;
  }

  openWebSocket(options: {
    version: HranaVersion;
    target: DatabaseTarget;
    peer: WsPeer;
    authenticate: HelloAuthenticator;
  }): HranaWsConnection {
    const connection = new HranaWsConnection({ ...options, databases: this.#databases, limits: this.#wsLimits });
    return this.#track(connection);
  }

  openLegacyWebSocket(options: { target: DatabaseTarget; send: (reply: LegacyWsReply) => void }): LegacyWsConnection {
    const connection = new LegacyWsConnection({ ...options, databases: this.#databases, sqlStoreLimits: this.#httpSqlStore });
    return this.#track(connection);
  }

  /** Call when a socket has closed: its streams are rolled back and released. */
  async socketClosed(connection: { shutdown(): Promise<void> }): Promise<void> {
    this.#sockets.delete(connection);
    await connection.shutdown();
  }

  /** Rolls back and releases every stream, HTTP and WebSocket. */
  async close(): Promise<void> {
    const sockets = [...this.#sockets];
    this.#sockets.clear();
    await Promise.all([this.#streams.close(), ...sockets.map((socket) => socket.shutdown())]);
  }

  #track<T extends { shutdown(): Promise<void> }>(connection: T): T {
    this.#sockets.add(connection);
    return connection;
  }
}
