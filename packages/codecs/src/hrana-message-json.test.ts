import { describe, expect, it } from "vitest";
import type { PipelineRespBody, ServerMsg } from "@baton/protocol-types/hrana";
import { encodePipelineResponse, encodeServerMsg } from "./hrana-message-json.js";
import { HranaStmtResult } from "./hrana-result-json.js";

const columns = Object.freeze([Object.freeze({ name: "id", decltype: "INTEGER" }), Object.freeze({ name: "note", decltype: null })]);
const result = () =>
  new HranaStmtResult({
    columns,
    rows: [[1n, 'a "quoted" text']],
    affectedRowCount: 0,
    lastInsertRowid: null,
    rowsRead: 1,
    rowsWritten: 0,
  });

describe("Hrana message encoders", () => {
  it("write WebSocket messages as JSON.stringify does", () => {
    const messages: ServerMsg[] = [
      { type: "response_ok", request_id: 7, response: { type: "execute", result: result() } },
      { type: "response_ok", request_id: 8, response: { type: "open_stream" } },
      { type: "response_ok", request_id: 9, response: { type: "batch", result: { step_results: [result(), null], step_errors: [null, { message: "no", code: "SQLITE_ERROR" }] } } },
      { type: "response_error", request_id: 10, error: { message: "bad \u2028 thing", code: "PROTOCOL_ERROR" } },
      { type: "hello_ok" },
    ];
    for (const message of messages) expect(encodeServerMsg(message)).toBe(JSON.stringify(message));
  });

  it("write pipeline bodies as JSON.stringify does", () => {
    const bodies: PipelineRespBody[] = [
      {
        baton: "b\"aton",
        base_url: null,
        results: [
          { type: "ok", response: { type: "execute", result: result() } },
          { type: "error", error: { message: "failed", code: "SQLITE_CONSTRAINT" } },
          { type: "ok", response: { type: "close" } },
        ],
      },
      { baton: null, base_url: "http://x", results: [] },
    ];
    for (const body of bodies) expect(encodePipelineResponse(body)).toBe(JSON.stringify(body));
  });

  it("share the wire columns of a frozen column list between results, and keep them frozen", () => {
    const [a, b] = [result(), result()];
    expect(a.cols).toBe(b.cols);
    expect(Object.isFrozen(a.cols)).toBe(true);
    expect(() => (a.cols as { name: string | null }[]).push({ name: "x" })).toThrow(TypeError);
  });
});
