// The Hrana messages every statement answers with, written from their known members: a
// WebSocket `response_ok` and an HTTP pipeline body, with an `execute` response's result written
// by HranaStmtResult. Walking them as generic objects (encodeHranaJson) cost as much again as
// writing the result itself. Anything else goes through encodeHranaJson; the text is the same.
import type { PipelineRespBody, Response, ServerMsg, StreamResponse, StreamResult } from "@baton/protocol-types/hrana";
import { encodeHranaJson, HranaStmtResult } from "./hrana-result-json.js";

/** A WebSocket server message as JSON text. */
export function encodeServerMsg(message: ServerMsg): string {
  if (message.type !== "response_ok") return encodeHranaJson(message);
  return `{"type":"response_ok","request_id":${message.request_id},"response":${responseJson(message.response)}}`;
}

/** An HTTP pipeline response body as JSON text. */
export function encodePipelineResponse(body: PipelineRespBody): string {
  let results = "";
  for (const result of body.results) results += `${results === "" ? "" : ","}${streamResultJson(result)}`;
  return `{"baton":${JSON.stringify(body.baton)},"base_url":${JSON.stringify(body.base_url)},"results":[${results}]}`;
}

function streamResultJson(result: StreamResult): string {
  if (result.type !== "ok") return encodeHranaJson(result);
  return `{"type":"ok","response":${responseJson(result.response)}}`;
}

function responseJson(response: StreamResponse | Response): string {
  if (response.type === "execute" && response.result instanceof HranaStmtResult) {
    return `{"type":"execute","result":${response.result.json()}}`;
  }
  return encodeHranaJson(response);
}
