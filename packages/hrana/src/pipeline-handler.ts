// Hrana over HTTP: the pipeline and cursor endpoints. Every request of a pipeline runs, in
// order, and gets exactly one result; only a failure of the whole body (bad envelope, bad
// baton, unknown tenant) is thrown, for the transport to answer with an HTTP error.
import { targetKey, type DatabaseRouter, type DatabaseTarget } from "@baton/adapters-kysely";
import { GatewayError, toGatewayError, validatorFor } from "@baton/protocol-types";
import {
  CursorReqBody,
  PipelineReqBody,
  type CursorEntry,
  type CursorRespBody,
  type PipelineRespBody,
  type StreamResult,
} from "@baton/protocol-types/hrana";
import type { HttpStreamRegistry, HttpStreamLease, SqlStoreLimits } from "@baton/session-core";
import { checkBatch, runBatch } from "./batch-runner.js";
import { batchResultToEntries } from "./cursor-entries.js";
import { HranaStream } from "./hrana-stream.js";
import { HttpStreamState } from "./http-stream-state.js";
import { decodeStreamRequest, type HranaVersion } from "./request-decoder.js";
import { dispatchStreamRequest } from "./stream-request-dispatcher.js";
import { errorToWire } from "./wire-mapping.js";

const pipelineBody = validatorFor(PipelineReqBody);
const cursorBody = validatorFor(CursorReqBody);

export interface HttpRequestInfo {
  readonly version: HranaVersion;
  readonly target: DatabaseTarget;
  /** The decoded body (codec output), not yet validated. */
  readonly body: unknown;
}

export interface PipelineHandlerOptions {
  readonly databases: DatabaseRouter;
  readonly streams: HttpStreamRegistry<HttpStreamState>;
  readonly sqlStoreLimits: SqlStoreLimits;
}

export class PipelineHandler {
  readonly #databases: DatabaseRouter;
  readonly #streams: HttpStreamRegistry<HttpStreamState>;
  readonly #limits: SqlStoreLimits;

  constructor(options: PipelineHandlerOptions) {
    this.#databases = options.databases;
    this.#streams = options.streams;
    this.#limits = options.sqlStoreLimits;
  }

  async pipeline(request: HttpRequestInfo): Promise<PipelineRespBody> {
    const body = request.body;
    if (!pipelineBody.check(body)) {
      throw new GatewayError("PROTOCOL_ERROR", `Invalid pipeline body: ${pipelineBody.explain(body)}`);
    }
    const lease = await this.#lease(request, body.baton);
    let closed = false;
    const results: StreamResult[] = [];
    try {
      const ctx = lease.state.context(request.version);
      for (const raw of body.requests) {
        try {
          const decoded = decodeStreamRequest(raw, request.version);
          const pending = dispatchStreamRequest(ctx, decoded);
          results.push({ type: "ok", response: pending instanceof Promise ? await pending : pending });
          if (decoded.type === "close") closed = true;
        } catch (error) {
          results.push({ type: "error", error: errorToWire(toGatewayError(error)) });
        }
      }
    } catch (error) {
      closed = true;
      await lease.state.stream.close();
      lease.finish(true);
      throw error;
    }
    return { baton: lease.finish(closed), base_url: null, results };
  }

  /** The v3 cursor endpoint: the baton first, then the batch's entries. */
  async cursor(request: HttpRequestInfo): Promise<{ head: CursorRespBody; entries: CursorEntry[] }> {
    const body = request.body;
    if (!cursorBody.check(body)) {
      throw new GatewayError("PROTOCOL_ERROR", `Invalid cursor body: ${cursorBody.explain(body)}`);
    }
    const lease = await this.#lease(request, body.baton);
    let entries: CursorEntry[];
    try {
      checkBatch(body.batch, request.version);
      const ctx = lease.state.context(request.version);
      const result = await ctx.stream.withConnection((connection) =>
        runBatch(connection, { batch: body.batch, store: ctx.peekStore() }),
      );
      entries = batchResultToEntries(result);
    } catch (error) {
      entries = [{ type: "error", error: errorToWire(toGatewayError(error)) }];
    }
    return { head: { baton: lease.finish(false), base_url: null }, entries };
  }

  async #lease(request: HttpRequestInfo, baton: string | null | undefined): Promise<HttpStreamLease<HttpStreamState>> {
    const database = await this.#databases.database(request.target);
    const lease = this.#streams.begin(
      baton,
      () =>
        new HttpStreamState({
          stream: new HranaStream({ database, target: request.target }),
          limits: this.#limits,
        }),
    );
    if (lease.state.stream.tenant !== targetKey(request.target)) {
      lease.finish(false);
      throw new GatewayError("BATON_INVALID", "Received a baton that belongs to another database");
    }
    return lease;
  }
}
