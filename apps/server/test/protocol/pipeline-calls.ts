// Raw Hrana-over-HTTP calls for the protocol tests: request builders, one pipeline round trip
// with its invariants checked (HTTP 200, one result per request), and result unwrapping.
import { validatorFor } from "@baton/protocol-types";
import { PipelineRespBody } from "@baton/protocol-types/hrana";
import { expect } from "vitest";
import { postJson, stmt, type RawResponse, type Wire } from "../support/hrana-http.js";

export type { Wire };

/** Hrana JSON values (spec section "Values"): integers as decimal strings, blobs as base64. */
export const value = {
  null: () => ({ type: "null" }),
  int: (v: string | number | bigint) => ({ type: "integer", value: String(v) }),
  float: (v: number) => ({ type: "float", value: v }),
  text: (v: string) => ({ type: "text", value: v }),
  blob: (base64: string) => ({ type: "blob", base64 }),
};

export const execute = (sql: string, args: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  type: "execute",
  stmt: stmt(sql, args, extra),
});

export const closeReq = { type: "close" } as const;

const pipelineReply = validatorFor(PipelineRespBody);

export interface PipelineBody {
  readonly baton?: string | null;
  readonly requests: readonly unknown[];
}

export interface PipelineReply {
  readonly baton: string | null;
  readonly base_url: string | null;
  readonly results: Wire[];
}

export interface CallOptions {
  /** The endpoint path (default `/v3/pipeline`). */
  readonly path?: string;
  readonly headers?: Record<string, string>;
}

/** POSTs a pipeline body as it is; no assertion about the outcome. */
export function postPipeline(baseUrl: string, body: unknown, options: CallOptions = {}): Promise<RawResponse> {
  return postJson(`${baseUrl}${options.path ?? "/v3/pipeline"}`, body, options.headers);
}

/** POSTs a pipeline and asserts HTTP 200 with exactly one result per request. */
export async function pipeline(baseUrl: string, body: PipelineBody, options: CallOptions = {}): Promise<PipelineReply> {
  const res = await postPipeline(baseUrl, body, options);
  expect(res.status, `pipeline answered ${res.status}: ${JSON.stringify(res.body)}`).toBe(200);
  const reply = res.body as PipelineReply;
  expect(reply.results).toHaveLength(body.requests.length);
  // Every reply must match the published schema the clients are generated against.
  expect(pipelineReply.check(reply), pipelineReply.explain(reply)).toBe(true);
  return reply;
}

/** The `response` of an `ok` result, asserting its type. */
export function okResponse(result: Wire, type: string): Wire {
  expect(result, JSON.stringify(result)).toMatchObject({ type: "ok", response: { type } });
  return result.response;
}

/** The StmtResult of an `ok` execute result. */
export function executeResult(result: Wire): Wire {
  return okResponse(result, "execute").result;
}

/** The `error` of an `error` result, asserting it has a string message and code. */
export function errorOf(result: Wire): { message: string; code: string } {
  expect(result, JSON.stringify(result)).toMatchObject({ type: "error", error: { message: expect.any(String) } });
  expect(typeof result.error.code, `error without a code: ${JSON.stringify(result)}`).toBe("string");
  return result.error;
}

/**
 * Runs statements on a fresh stream that is closed at the end, asserting every one succeeded;
 * returns their StmtResults.
 */
export async function runStatements(baseUrl: string, sqls: readonly string[], options: CallOptions = {}): Promise<Wire[]> {
  const reply = await pipeline(baseUrl, { baton: null, requests: [...sqls.map((sql) => execute(sql)), closeReq] }, options);
  expect(reply.baton).toBeNull();
  return reply.results.slice(0, sqls.length).map(executeResult);
}

/** The rows of one query on a fresh stream. */
export async function queryRows(baseUrl: string, sql: string, options: CallOptions = {}): Promise<Wire[][]> {
  const [result] = await runStatements(baseUrl, [sql], options);
  return result.rows;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asserts a whole-request failure: the status, `Content-Type: application/json` exactly, and `{message, code}`. */
export function expectJsonError(res: RawResponse, expected: { status: number; code?: string }): void {
  const where = `${res.status} ${res.contentType ?? "(no content type)"}: ${JSON.stringify(res.body)}`;
  expect(res.status, where).toBe(expected.status);
  expect(res.contentType, where).toBe("application/json");
  expect(res.body, where).toMatchObject({ message: expect.any(String), code: expected.code ?? expect.any(String) });
}
