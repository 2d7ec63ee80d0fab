// Dispatches one stream request (the HTTP pipeline's vocabulary, also used by the simplified
// WebSocket route) to its handler. Every request type has exactly one arm.
import type { StreamRequest, StreamResponse } from "@baton/protocol-types/hrana";
import { match } from "ts-pattern";
import type { HranaStream } from "./hrana-stream.js";
import type { HranaVersion } from "./request-decoder.js";
import { describeSql, executeBatch, executeSequence, executeStmt } from "./stream-operations.js";
import type { SqlStore } from "@baton/session-core";

export interface StreamRequestContext {
  readonly stream: HranaStream;
  /** The stream's stored SQL texts, created on first use. */
  readonly store: () => SqlStore;
  readonly peekStore: () => SqlStore | undefined;
  readonly version: HranaVersion;
}

/** The response, or a promise of it when the request had to wait (callers check, not await). */
export function dispatchStreamRequest(
  ctx: StreamRequestContext,
  request: StreamRequest,
): StreamResponse | Promise<StreamResponse> {
  const { stream, version } = ctx;
  return match(request)
    .with({ type: "close" }, (): StreamResponse | Promise<StreamResponse> => {
      if (stream.closeNow()) return { type: "close" };
      return stream.close().then(() => ({ type: "close" }));
    })
    .with({ type: "execute" }, (r): StreamResponse | Promise<StreamResponse> => {
      const result = executeStmt(stream, { stmt: r.stmt, store: ctx.peekStore() });
      if (result instanceof Promise) return result.then((done) => ({ type: "execute", result: done }));
      return { type: "execute", result };
    })
    .with({ type: "batch" }, async (r): Promise<StreamResponse> => ({
      type: "batch",
      result: await executeBatch(stream, { batch: r.batch, store: ctx.peekStore(), version }),
    }))
    .with({ type: "sequence" }, async (r): Promise<StreamResponse> => {
      await executeSequence(stream, { source: r, store: ctx.peekStore() });
      return { type: "sequence" };
    })
    .with({ type: "describe" }, async (r): Promise<StreamResponse> => ({
      type: "describe",
      result: await describeSql(stream, { source: r, store: ctx.peekStore() }),
    }))
    .with({ type: "store_sql" }, async (r): Promise<StreamResponse> => {
      ctx.store().store(r.sql_id, r.sql);
      return { type: "store_sql" };
    })
    .with({ type: "close_sql" }, async (r): Promise<StreamResponse> => {
      ctx.peekStore()?.close(r.sql_id);
      return { type: "close_sql" };
    })
    .with({ type: "get_autocommit" }, async (): Promise<StreamResponse> => ({
      type: "get_autocommit",
      is_autocommit: stream.isAutocommit(),
    }))
    .exhaustive();
}
