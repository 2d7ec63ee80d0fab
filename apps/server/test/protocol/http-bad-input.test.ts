// Bad input over HTTP: malformed bodies, wrong field types, unknown requests, oversized bodies,
// unknown paths and wrong methods. Whole-body failures are 4xx with a JSON `{message, code}`;
// a bad request inside a valid envelope is a per-request error. The server keeps serving.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RawResponse } from "../support/hrana-http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { closeReq, errorOf, execute, executeResult, expectJsonError, pipeline, postPipeline, value } from "./pipeline-calls.js";

const MAX_BODY = 1024;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(["--max-body", String(MAX_BODY)]);
});

afterAll(async () => {
  await server.close();
});

/** A request through node:http, so bodies can be streamed in chunks without a Content-Length. */
function chunkedPost(url: string, chunks: readonly string[]): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the text
        }
        resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"] ?? null, body });
      });
      res.on("error", reject);
    });
    // The server may answer and close before the whole body is written.
    req.on("error", (error) => reject(error));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

async function send(method: string, path: string, body?: string): Promise<RawResponse> {
  const res = await fetch(`${server.httpUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body, headers: { "content-type": "application/json" } }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, contentType: res.headers.get("content-type"), body: parsed };
}

async function stillServes(): Promise<void> {
  const reply = await pipeline(server.httpUrl, { requests: [execute("SELECT 'alive'"), closeReq] });
  expect(executeResult(reply.results[0]).rows).toEqual([[value.text("alive")]]);
}

describe("malformed bodies", () => {
  it("answers malformed JSON with 400 JSON PROTOCOL_ERROR", async () => {
    for (const body of ['{"baton": null, "requests": [', "not json", "", "{'baton': null}"]) {
      const res = await postPipeline(server.httpUrl, body);
      expectJsonError(res, { status: 400, code: "PROTOCOL_ERROR" });
    }
  });

  it("answers a body that is not UTF-8 with 400 JSON PROTOCOL_ERROR", async () => {
    const res = await fetch(`${server.httpUrl}/v3/pipeline`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    const body: unknown = await res.json();
    expectJsonError({ status: res.status, contentType: res.headers.get("content-type"), body }, { status: 400, code: "PROTOCOL_ERROR" });
  });

  it("answers envelopes with wrong field types with 400", async () => {
    const bodies: unknown[] = [
      { baton: null, requests: 5 },
      { baton: 7, requests: [] },
      { baton: null },
      { baton: null, requests: "execute" },
      { baton: null, requests: { 0: closeReq } },
      { baton: ["x"], requests: [] },
      [],
      null,
      "pipeline",
      42,
    ];
    for (const body of bodies) {
      const res = await postPipeline(server.httpUrl, JSON.stringify(body));
      expectJsonError(res, { status: 400, code: "PROTOCOL_ERROR" });
    }
    await stillServes();
  });
});

describe("bad requests inside a valid envelope", () => {
  it("answers each bad request with its own error and runs the good ones", async () => {
    const bad: unknown[] = [
      { type: "execute", stmt: { sql: "SELECT 1", args: "x" } },
      { type: "execute", stmt: 5 },
      { type: "execute" },
      { type: "execute", stmt: { sql: 7 } },
      { type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "integer", value: 5 }] } },
      { type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "integer", value: "99999999999999999999" }] } },
      { type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "float", value: "2.5" }] } },
      { type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "blob", base64: "!!!" }] } },
      { type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "date", value: "2024" }] } },
      { type: "execute", stmt: { sql: "SELECT 1", sql_id: 1 } },
      { type: "execute", stmt: {} },
      { type: "execute", stmt: { sql: "SELECT 1", want_rows: "yes" } },
      { type: "execute", stmt: { sql: "SELECT :a", named_args: [{ name: 1, value: { type: "null" } }] } },
      { type: "batch", batch: { steps: [{ stmt: { sql: "SELECT 1" }, condition: { type: "maybe" } }] } },
      { type: "batch", batch: { steps: [{ stmt: { sql: "SELECT 1" }, condition: { type: "ok", step: -1 } }] } },
      { type: "batch", batch: "steps" },
      { type: "store_sql", sql_id: "one", sql: "SELECT 1" },
      { type: "store_sql", sql_id: 2 ** 31, sql: "SELECT 1" },
      { type: "sequence", sql: 1 },
      { type: "describe" },
      { type: "close_sql" },
      { type: 5 },
      {},
      null,
      "execute",
      [],
    ];
    // A few at a time, to stay under --max-body; each pipeline ends with requests that must still run.
    for (let start = 0; start < bad.length; start += 4) {
      const group = bad.slice(start, start + 4);
      const reply = await pipeline(server.httpUrl, {
        baton: null,
        requests: [...group, execute("SELECT 'still running'"), closeReq],
      });
      group.forEach((request, i) => {
        const error = errorOf(reply.results[i]);
        expect(error.code, JSON.stringify(request)).not.toBe("INTERNAL_ERROR");
      });
      expect(executeResult(reply.results[group.length]).rows).toEqual([[value.text("still running")]]);
      expect(reply.results[group.length + 1]).toEqual({ type: "ok", response: { type: "close" } });
    }
  });

  it("reports an unknown request type as UNKNOWN_REQUEST, also on /v2/pipeline", async () => {
    for (const path of ["/v2/pipeline", "/v3/pipeline"]) {
      const reply = await pipeline(
        server.httpUrl,
        { requests: [{ type: "no_such_request" }, { type: "open_stream", stream_id: 1 }, execute("SELECT 1"), closeReq] },
        { path },
      );
      expect(errorOf(reply.results[0]).code).toBe("UNKNOWN_REQUEST");
      // A WebSocket-only request is unknown to the HTTP pipeline.
      expect(errorOf(reply.results[1]).code).toBe("UNKNOWN_REQUEST");
      executeResult(reply.results[2]);
    }
  });
});

describe("limits, paths and methods", () => {
  it("answers a body over --max-body with 413 JSON BODY_TOO_LARGE", async () => {
    const body = JSON.stringify({ baton: null, requests: [execute(`SELECT '${"x".repeat(2 * MAX_BODY)}'`)] });
    const res = await postPipeline(server.httpUrl, body);
    expectJsonError(res, { status: 413, code: "BODY_TOO_LARGE" });
    await stillServes();
  });

  it("answers a chunked body that grows over --max-body with 413 JSON BODY_TOO_LARGE", async () => {
    const head = '{"baton":null,"requests":[{"type":"execute","stmt":{"sql":"SELECT \'';
    const chunks = [head, ...Array.from({ length: 8 }, () => "y".repeat(256)), "'\"}}]}"];
    const res = await chunkedPost(`${server.httpUrl}/v3/pipeline`, chunks);
    expectJsonError(res, { status: 413, code: "BODY_TOO_LARGE" });
    await stillServes();
  });

  it("accepts a body just under the limit", async () => {
    const filler = "z".repeat(MAX_BODY - 200);
    const body = JSON.stringify({ baton: null, requests: [execute(`SELECT length('${filler}')`), closeReq] });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY);
    const res = await postPipeline(server.httpUrl, body);
    expect(res.status).toBe(200);
    expect(executeResult(res.body.results[0]).rows).toEqual([[value.int(filler.length)]]);
  });

  it("answers unknown paths with 404 JSON", async () => {
    for (const [method, path] of [
      ["POST", "/v9/pipeline"],
      ["GET", "/nope"],
      ["POST", "/v3/pipeline/extra"],
      ["POST", "/database/api/nope"],
      ["POST", "/database/v3/pipeline"],
    ] as const) {
      const res = await send(method, path, method === "POST" ? JSON.stringify({ requests: [] }) : undefined);
      expectJsonError(res, { status: 404 });
    }
  });

  it("answers a wrong method with 405 JSON", async () => {
    for (const [method, path] of [
      ["GET", "/v3/pipeline"],
      ["GET", "/v2/pipeline"],
      ["PUT", "/v2/pipeline"],
      ["DELETE", "/v3/pipeline"],
      ["POST", "/v3"],
      ["POST", "/health"],
      ["GET", "/v3/cursor"],
      ["GET", "/database/api/pipeline"],
    ] as const) {
      const res = await send(method, path, method === "GET" ? undefined : JSON.stringify({ requests: [] }));
      expectJsonError(res, { status: 405 });
    }
  });

  it("still serves a normal request after all of that", async () => {
    await stillServes();
  });
});
