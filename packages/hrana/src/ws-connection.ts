// Hrana over WebSocket, one instance per socket: hello, then requests on client-numbered
// streams. Requests on one stream run in order; streams interleave. Stored SQL belongs to the
// connection, so `sql_id`s are resolved when a request arrives. Breaking the framing closes the
// socket (as the spec asks); a bad request inside a valid frame gets a response_error instead.
import type { DatabaseRouter, DatabaseTarget, SqlDatabase } from "@baton/adapters-kysely";
import { GatewayError, toGatewayError, validatorFor } from "@baton/protocol-types";
import {
  HelloMsg,
  RequestMsg,
  type Batch,
  type CursorEntry,
  type Request,
  type RequestType,
  type Response,
  type Stmt,
  type ServerMsg,
} from "@baton/protocol-types/hrana";
import { SqlStore, type SqlStoreLimits } from "@baton/session-core";
import { batchResultToEntries } from "./cursor-entries.js";
import { HranaStream } from "./hrana-stream.js";
import { decodeWsRequest, type HranaVersion } from "./request-decoder.js";
import { inlineSql, resolveSql } from "./sql-source.js";
import { describeSql, executeBatch, executeSequence, executeStmt, requireOpen } from "./stream-operations.js";
import { errorToWire, stmtResultToWire, stmtToInput } from "./wire-mapping.js";

const helloMsg = validatorFor(HelloMsg);
const requestMsg = validatorFor(RequestMsg);

/** WebSocket close codes (RFC 6455) used for protocol violations, as sqld uses them. */
export const CloseCode = { normal: 1000, goingAway: 1001, invalidData: 1007, policy: 1008 } as const;

/** The socket as this handler sees it. */
export interface WsPeer {
  send(message: ServerMsg): void;
  close(code: number, reason: string): void;
  /** Stop and restart reading frames (back-pressure when too many requests are in flight). */
  pause(): void;
  resume(): void;
}

export interface WsLimits {
  readonly sqlStore: SqlStoreLimits;
  readonly maxStreams: number;
  readonly maxCursors: number;
  /** Requests in flight before the socket stops being read. */
  readonly maxInFlight: number;
}

/** Checks a hello's JWT; throws a GatewayError with an AUTH_* code to refuse. */
export type HelloAuthenticator = (jwt: string | null) => Promise<void>;

type WsHandler<K extends RequestType> = (
  connection: HranaWsConnection,
  request: Extract<Request, { type: K }>,
) => Response | Promise<Response>;

interface Cursor {
  readonly streamId: number;
  entries: CursorEntry[] | undefined;
  position: number;
}

export class HranaWsConnection {
  readonly #version: HranaVersion;
  readonly #target: DatabaseTarget;
  readonly #databases: DatabaseRouter;
  readonly #peer: WsPeer;
  readonly #limits: WsLimits;
  readonly #authenticate: HelloAuthenticator;
  readonly #streams = new Map<number, HranaStream>();
  readonly #cursors = new Map<number, Cursor>();
  readonly #store: SqlStore;
  #openDatabase: Promise<SqlDatabase> | undefined;
  #greeted = false;
  /** Settles once the latest hello has been checked; requests wait for it. */
  #auth: Promise<boolean> = Promise.resolve(false);
  /** True once the latest hello has been accepted: requests then need not wait for #auth. */
  #verified = false;
  #inFlight = 0;
  #paused = false;
  #ended = false;

  constructor(options: {
    version: HranaVersion;
    target: DatabaseTarget;
    databases: DatabaseRouter;
    peer: WsPeer;
    limits: WsLimits;
    authenticate: HelloAuthenticator;
  }) {
    this.#version = options.version;
    this.#target = options.target;
    this.#databases = options.databases;
    this.#peer = options.peer;
    this.#limits = options.limits;
    this.#authenticate = options.authenticate;
    this.#store = new SqlStore(options.limits.sqlStore);
  }

  /** Handles one decoded client message. */
  handleMessage(message: unknown): void {
    if (this.#ended) return;
    const type = typeof message === "object" && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type === "hello") return this.#hello(message);
    if (type === "request") return this.#request(message);
    this.#violation(CloseCode.policy, `Unknown message type ${JSON.stringify(type ?? null)}`);
  }

  /** Ends the connection: every stream's transaction is rolled back and its connection returned. */
  async shutdown(): Promise<void> {
    this.#ended = true;
    this.#cursors.clear();
    const streams = [...this.#streams.values()];
    this.#streams.clear();
    await Promise.all(streams.map((stream) => stream.queue.run(() => stream.close())));
  }

  #violation(code: number, reason: string): void {
    this.#ended = true;
    this.#peer.close(code, reason.slice(0, 120));
    void this.shutdown();
  }

  #send(message: ServerMsg): void {
    if (!this.#ended) this.#peer.send(message);
  }

  #hello(message: unknown): void {
    if (!helloMsg.check(message)) {
      return this.#violation(CloseCode.policy, `Invalid hello: ${helloMsg.explain(message)}`);
    }
    if (this.#greeted && this.#version < 2) {
      return this.#violation(CloseCode.policy, "Hrana 1 allows only one hello");
    }
    this.#greeted = true;
    this.#verified = false;
    const checking: Promise<boolean> = this.#authenticate(message.jwt ?? null).then(
      () => {
        if (this.#auth === checking) this.#verified = true;
        this.#send({ type: "hello_ok" });
        return true;
      },
      (error: unknown) => {
        const failure = toGatewayError(error);
        this.#send({ type: "hello_error", error: errorToWire(failure) });
        this.#violation(CloseCode.policy, failure.message);
        return false;
      },
    );
    this.#auth = checking;
  }

  #request(message: unknown): void {
    if (!this.#greeted) return this.#violation(CloseCode.policy, "A request arrived before hello");
    if (!requestMsg.check(message)) {
      return this.#violation(CloseCode.policy, `Invalid request message: ${requestMsg.explain(message)}`);
    }
    const requestId = message.request_id;
    this.#track(+1);
    // Once the hello is accepted, a request that needs no waiting is answered before this
    // returns; requests of one stream still run in order (see #onStream).
    if (this.#verified) return this.#answer(requestId, message.request);
    void this.#auth.then((authenticated) => {
      if (authenticated) this.#answer(requestId, message.request);
      else this.#track(-1);
    });
  }

  /** Dispatches a request and sends its response (now, or when it is ready). */
  #answer(requestId: number, raw: unknown): void {
    let pending: Response | Promise<Response>;
    try {
      pending = this.#dispatch(decodeWsRequest(raw, this.#version));
    } catch (error) {
      return this.#fail(requestId, error);
    }
    if (!(pending instanceof Promise)) return this.#reply(requestId, pending);
    pending.then(
      (response) => this.#reply(requestId, response),
      (error: unknown) => this.#fail(requestId, error),
    );
  }

  #reply(requestId: number, response: Response): void {
    this.#send({ type: "response_ok", request_id: requestId, response });
    this.#track(-1);
  }

  #fail(requestId: number, error: unknown): void {
    this.#send({ type: "response_error", request_id: requestId, error: errorToWire(toGatewayError(error)) });
    this.#track(-1);
  }

  #track(delta: number): void {
    this.#inFlight += delta;
    if (!this.#paused && this.#inFlight >= this.#limits.maxInFlight) {
      this.#paused = true;
      this.#peer.pause();
    } else if (this.#paused && this.#inFlight < this.#limits.maxInFlight / 2) {
      this.#paused = false;
      this.#peer.resume();
    }
  }

  #database(): Promise<SqlDatabase> {
    this.#openDatabase ??= this.#databases.database(this.#target);
    return this.#openDatabase;
  }

  #stream(streamId: number): HranaStream {
    return requireOpen(this.#streams.get(streamId), streamId);
  }

  /** Runs `work` on a stream's queue, after the requests before it on that stream. */
  #onStream<T>(streamId: number, work: (stream: HranaStream) => Promise<T>): Promise<T> {
    const stream = this.#stream(streamId);
    return stream.queue.run(() => work(stream));
  }

  /**
   * A statement on a stream: at once when nothing else is queued on the stream and it needs no
   * waiting (see HranaStream.executeNow), otherwise on the stream's queue. Running at once
   * keeps the order, since it finishes before any later request is looked at.
   */
  #executeOnStream(streamId: number, stmt: Stmt): Response | Promise<Response> {
    const stream = this.#stream(streamId);
    if (stream.queue.pending === 0) {
      const result = stream.executeNow(stmtToInput(stmt, resolveSql(stmt, undefined)));
      if (result !== undefined) return { type: "execute", result: stmtResultToWire(result) };
    }
    return stream.queue.run(async (): Promise<Response> => ({
      type: "execute",
      result: await executeStmt(stream, { stmt, store: undefined }),
    }));
  }

  /**
   * One handler per request type, built once for every connection; the table's type makes a
   * missing one a type error. Static, so the handlers may use the connection's private members.
   */
  static readonly #handlers: { readonly [K in RequestType]: WsHandler<K> } = {
    open_stream: async (self, r) => {
      if (self.#streams.has(r.stream_id)) {
        throw new GatewayError("PROTOCOL_ERROR", `Stream ${r.stream_id} is already open`);
      }
      if (self.#streams.size >= self.#limits.maxStreams) {
        throw new GatewayError("TOO_MANY_STREAMS", `At most ${self.#limits.maxStreams} streams may be open at once`);
      }
      // Registered at once, so requests pipelined behind open_stream find the stream.
      const database = self.#database();
      self.#streams.set(r.stream_id, new HranaStream({ database, target: self.#target }));
      await database;
      return { type: "open_stream" };
    },
    close_stream: async (self, r) => {
      const stream = self.#streams.get(r.stream_id);
      if (stream !== undefined) {
        self.#streams.delete(r.stream_id);
        for (const [id, cursor] of self.#cursors) if (cursor.streamId === r.stream_id) self.#cursors.delete(id);
        await stream.queue.run(() => stream.close());
      }
      return { type: "close_stream" };
    },
    execute: (self, r) => self.#executeOnStream(r.stream_id, inlineSql(r.stmt, self.#store)),
    batch: (self, r) => {
      const batch = self.#inlineBatch(r.batch);
      return self.#onStream(r.stream_id, async (stream): Promise<Response> => ({
        type: "batch",
        result: await executeBatch(stream, { batch, store: undefined, version: self.#version }),
      }));
    },
    sequence: (self, r) => {
      const source = inlineSql(r, self.#store);
      return self.#onStream(r.stream_id, async (stream): Promise<Response> => {
        await executeSequence(stream, { source, store: undefined });
        return { type: "sequence" };
      });
    },
    describe: (self, r) => {
      const source = inlineSql(r, self.#store);
      return self.#onStream(r.stream_id, async (stream): Promise<Response> => ({
        type: "describe",
        result: await describeSql(stream, { source, store: undefined }),
      }));
    },
    store_sql: (self, r) => {
      self.#store.store(r.sql_id, r.sql);
      return { type: "store_sql" };
    },
    close_sql: (self, r) => {
      self.#store.close(r.sql_id);
      return { type: "close_sql" };
    },
    get_autocommit: (self, r) =>
      self.#onStream(r.stream_id, async (stream): Promise<Response> => ({
        type: "get_autocommit",
        is_autocommit: stream.isAutocommit(),
      })),
    open_cursor: (self, r) => self.#openCursor(r),
    fetch_cursor: (self, r) => self.#fetchCursor(r),
    close_cursor: (self, r) => {
      self.#cursors.delete(r.cursor_id);
      return { type: "close_cursor" };
    },
  };

  #dispatch(request: Request): Response | Promise<Response> {
    // TypeScript cannot correlate the entry with the request's own variant; the table's type does.
    const handler = HranaWsConnection.#handlers[request.type] as WsHandler<RequestType>;
    return handler(this, request);
  }

  #inlineBatch(batch: Batch): Batch {
    return { steps: batch.steps.map((step) => ({ ...step, stmt: inlineSql(step.stmt, this.#store) })) };
  }

  async #openCursor(r: Extract<Request, { type: "open_cursor" }>): Promise<Response> {
    if (this.#cursors.has(r.cursor_id)) {
      throw new GatewayError("PROTOCOL_ERROR", `Cursor ${r.cursor_id} is already open`);
    }
    if (this.#cursors.size >= this.#limits.maxCursors) {
      throw new GatewayError("PROTOCOL_ERROR", `At most ${this.#limits.maxCursors} cursors may be open at once`);
    }
    const batch = this.#inlineBatch(r.batch);
    const cursor: Cursor = { streamId: r.stream_id, entries: undefined, position: 0 };
    this.#cursors.set(r.cursor_id, cursor);
    await this.#onStream(r.stream_id, async (stream) => {
      try {
        const result = await executeBatch(stream, { batch, store: undefined, version: this.#version });
        cursor.entries = batchResultToEntries(result);
      } catch (error) {
        cursor.entries = [{ type: "error", error: errorToWire(toGatewayError(error)) }];
      }
    });
    return { type: "open_cursor" };
  }

  async #fetchCursor(r: Extract<Request, { type: "fetch_cursor" }>): Promise<Response> {
    const cursor = this.#cursors.get(r.cursor_id);
    if (cursor === undefined) throw new GatewayError("CURSOR_NOT_OPEN", `Cursor ${r.cursor_id} is not open`);
    // Entries are ready once the cursor's batch has run on its stream's queue.
    await this.#onStream(cursor.streamId, async () => undefined);
    const entries = cursor.entries ?? [];
    const slice = entries.slice(cursor.position, cursor.position + r.max_count);
    cursor.position += slice.length;
    return { type: "fetch_cursor", entries: slice, done: cursor.position >= entries.length };
  }
}
