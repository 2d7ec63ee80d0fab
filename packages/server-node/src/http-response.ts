// Writing responses: JSON bodies, and whole-request failures as `{message, code}` with
// `Content-Type: application/json` exactly (the libSQL client compares the header verbatim).
import type { ServerResponse } from "node:http";
import { toGatewayError } from "@baton/protocol-types";

export function sendJson(res: ServerResponse, options: { status: number; body: unknown }): void {
  // A string, not a Buffer: node:http then sends head and body in one write instead of a
  // two-part writev, which the benchmark showed to cost far more per response on loopback.
  const payload = JSON.stringify(options.body);
  res.writeHead(options.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

export function sendText(res: ServerResponse, options: { status: number; text: string }): void {
  const payload = Buffer.from(options.text, "utf8");
  res.writeHead(options.status, { "Content-Type": "text/plain", "Content-Length": payload.length });
  res.end(payload);
}

/** An encoded body (e.g. CBOR) with its media type. */
export function sendBytes(res: ServerResponse, options: { status: number; contentType: string; body: Uint8Array }): void {
  res.writeHead(options.status, { "Content-Type": options.contentType, "Content-Length": options.body.byteLength });
  res.end(options.body);
}

/** Answers a failed request with its code's HTTP status; our own bugs are reported, not leaked. */
export function sendError(res: ServerResponse, options: { error: unknown; onInternal?: (error: unknown) => void }): void {
  const error = toGatewayError(options.error);
  if (error.code === "INTERNAL_ERROR") options.onInternal?.(options.error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = error.code === "INTERNAL_ERROR" ? "Internal server error" : error.message;
  if (error.code === "BODY_TOO_LARGE") res.setHeader("Connection", "close");
  sendJson(res, { status: error.status, body: { message, code: error.code } });
}
