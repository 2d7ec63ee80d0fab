// Request bodies and JSON answers for the bare node:http baselines, written once.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Calls `onBody` with the whole request body once it has arrived. */
export function onRequestBody(req: IncomingMessage, onBody: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => onBody(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
}

export function answerJson(res: ServerResponse, options: { status: number; body: unknown }): void {
  const payload = JSON.stringify(options.body);
  res.writeHead(options.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
