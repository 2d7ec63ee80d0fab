// Dispatches one stream request (the HTTP pipeline's vocabulary, also used by the simplified
// WebSocket route) to its handler. Every request type has exactly one entry in the handler
// table, and the table's type makes a missing one a type error; it is built once, not per call.
import type { StreamRequest, StreamRequestType, StreamResponse } from "@baton/protocol-types/hrana";
import type { SqlStore } from "@baton/session-core";
import type { HranaStream } from "./hrana-stream.js";
import type { HranaVersion } from "./request-decoder.js";
import { describeSql, executeBatch, executeSequence, executeStmt } from "./stream-operations.js";

export interface StreamRequestContext {
  readonly stream: HranaStream;
  /** The stream's stored SQL texts, created on first use. */
  readonly store: () => SqlStore;
  readonly peekStore: () => SqlStore | undefined;
  readonly version: HranaVersion;
}

type Answer = StreamResponse | Promise<StreamResponse>;
type Handler<K extends StreamRequestType> = (ctx: StreamRequestContext, request: Extract<StreamRequest, { type: K }>) => Answer;

const CLOSED: StreamResponse = Object.freeze({ type: "close" });

const handlers: { readonly [K in StreamRequestType]: Handler<K> } = {
  close: ({ stream }) => (stream.closeNow() ? CLOSED : stream.close().then(() => CLOSED)),
  execute: (ctx, r) => {
    const result = executeStmt(ctx.stream, { stmt: r.stmt, store: ctx.peekStore() });
    if (result instanceof Promise) return result.then((done): StreamResponse => ({ type: "execute", result: done }));
    return { type: "execute", result };
  },
  batch: async (ctx, r) => ({
    type: "batch",
    result: await executeBatch(ctx.stream, { batch: r.batch, store: ctx.peekStore(), version: ctx.version }),
  }),
  sequence: async (ctx, r) => {
    await executeSequence(ctx.stream, { source: r, store: ctx.peekStore() });
    return { type: "sequence" };
  },
  describe: async (ctx, r) => ({ type: "describe", result: await describeSql(ctx.stream, { source: r, store: ctx.peekStore() }) }),
  store_sql: (ctx, r) => {
    ctx.store().store(r.sql_id, r.sql);
    return { type: "store_sql" };
  },
  close_sql: (ctx, r) => {
    ctx.peekStore()?.close(r.sql_id);
    return { type: "close_sql" };
  },
  get_autocommit: ({ stream }) => ({ type: "get_autocommit", is_autocommit: stream.isAutocommit() }),
};

/** The response, or a promise of it when the request had to wait (callers check, not await). */
export function dispatchStreamRequest(ctx: StreamRequestContext, request: StreamRequest): Answer {
  // TypeScript cannot correlate the entry with the request's own variant; the table's type does.
  const handler = handlers[request.type] as Handler<StreamRequestType>;
  return handler(ctx, request);
}
