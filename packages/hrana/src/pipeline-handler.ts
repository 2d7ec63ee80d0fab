// Hrana over HTTP: the pipeline and cursor endpoints. Every request of a pipeline runs, in
// order, and gets exactly one result; only a failure of the whole body (bad envelope, bad
// baton, unknown tenant) is thrown, for the transport to answer with an HTTP error.
import { targetKey, type DatabaseRouter, type DatabaseTarget, type SqlDatabase } from "@baton/adapters-kysely";
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
import { dispatchStreamRequest, type StreamRequestContext } from "./stream-request-dispatcher.js";
import { errorToWire } from "./wire-mapping.js";

const pipelineBody = validatorFor(PipelineReqBody);
const cursorBody = validatorFor(CursorReqBody);

export interface HttpRequestInfo {
  readonly version: HranaVersion;
  readonly target: DatabaseTarget;
  /** The decoded body (codec output), not yet validated. */
  readonly body: unknown;
}

/** A pipeline's progress: the stream's context, the results so far, and whether it closed. */
interface PipelineRun {
  readonly ctx: StreamRequestContext;
  readonly results: StreamResult[];
  closed: boolean;
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

  /**
   * Runs a pipeline. The answer is a promise only when something had to wait (opening the
   * tenant's database, a statement waiting for a connection or a lock): a pipeline of one-shot
   * statements on an open SQLite database is answered before this returns.
   */
  pipeline(request: HttpRequestInfo): PipelineRespBody | Promise<PipelineRespBody> {
    const body = request.body;
    if (!pipelineBody.check(body)) {
      throw new GatewayError("PROTOCOL_ERROR", `Invalid pipeline body: ${pipelineBody.explain(body)}`);
    }
    const database = this.#database(request.target);
    if (database instanceof Promise) return database.then((open) => this.#run(request, body, open));
    return this.#run(request, body, database);
  }

  /** The target's database: itself when it is open already, else a promise of it. */
  #database(target: DatabaseTarget): SqlDatabase | Promise<SqlDatabase> {
    return this.#databases.openDatabase?.(target) ?? this.#databases.database(target);
  }

  #run(request: HttpRequestInfo, body: PipelineReqBody, database: SqlDatabase): PipelineRespBody | Promise<PipelineRespBody> {
    const lease = this.#lease(request, { baton: body.baton, database });
    const run: PipelineRun = { ctx: lease.state.context(request.version), results: [], closed: false };
    const requests = body.requests;
    for (let i = 0; i < requests.length; i++) {
      const pending = this.#step(run, requests[i]);
      if (pending !== undefined) return this.#finishLater({ run, lease, rest: requests.slice(i + 1), pending });
    }
    return { baton: lease.finish(run.closed), base_url: null, results: run.results };
  }

  /** The rest of a pipeline once one of its requests had to wait. */
  async #finishLater(options: {
    run: PipelineRun;
    lease: HttpStreamLease<HttpStreamState>;
    rest: readonly unknown[];
    pending: Promise<void>;
  }): Promise<PipelineRespBody> {
    const { run, lease } = options;
    await options.pending;
    for (const raw of options.rest) await this.#step(run, raw);
    return { baton: lease.finish(run.closed), base_url: null, results: run.results };
  }

  /**
   * One request: its result is pushed at once, or when the returned promise settles. Never
   * throws, and the promise never rejects: a failing request gets an error result.
   */
  #step(run: PipelineRun, raw: unknown): Promise<void> | undefined {
    try {
      const decoded = decodeStreamRequest(raw, run.ctx.version);
      const pending = dispatchStreamRequest(run.ctx, decoded);
      const closes = decoded.type === "close";
      if (!(pending instanceof Promise)) {
        run.results.push({ type: "ok", response: pending });
        if (closes) run.closed = true;
        return undefined;
      }
      return pending.then(
        (response) => {
          run.results.push({ type: "ok", response });
          if (closes) run.closed = true;
        },
        (error: unknown) => {
          run.results.push({ type: "error", error: errorToWire(toGatewayError(error)) });
        },
      );
    } catch (error) {
      run.results.push({ type: "error", error: errorToWire(toGatewayError(error)) });
      return undefined;
    }
  }

  /** The v3 cursor endpoint: the baton first, then the batch's entries. */
  async cursor(request: HttpRequestInfo): Promise<{ head: CursorRespBody; entries: CursorEntry[] }> {
    const body = request.body;
    if (!cursorBody.check(body)) {
      throw new GatewayError("PROTOCOL_ERROR", `Invalid cursor body: ${cursorBody.explain(body)}`);
    }
    const database = await this.#database(request.target);
    const lease = this.#lease(request, { baton: body.baton, database });
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

  #lease(request: HttpRequestInfo, options: { baton: string | null | undefined; database: SqlDatabase }): HttpStreamLease<HttpStreamState> {
    const { database } = options;
    const lease = this.#streams.begin(
      options.baton,
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
