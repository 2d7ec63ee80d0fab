// Load for memory probes: many idle WebSocket connections held open, many HTTP requests
// leaving streams behind, and one large response read to the end.
import type WebSocket from "ws";
import { handshake, openSocket } from "./ws-connect.js";

const held: WebSocket[] = [];

export interface HoldSocketsRequest {
  readonly wsUrl: string;
  readonly protocols: readonly string[];
  readonly handshake: readonly string[];
  readonly failIf: string;
  readonly count: number;
  /** Handshakes under way at once. */
  readonly concurrency: number;
}

/** Opens `count` more connections, runs each one's handshake and keeps them open. Returns how many are held. */
export async function holdSockets(request: HoldSocketsRequest): Promise<number> {
  const frames = request.handshake.map((frame) => Buffer.from(frame, "utf8"));
  let remaining = request.count;
  const worker = async () => {
    while (remaining > 0) {
      remaining--;
      const ws = await openSocket({ url: request.wsUrl, protocols: request.protocols, timeoutMs: 30_000 });
      held.push(ws);
      await handshake(ws, { frames, failIf: request.failIf });
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.count) }, worker));
  return held.length;
}

/** Closes every held connection and waits until they are closed. */
export async function releaseSockets(): Promise<void> {
  const closing = held.splice(0).map(
    (ws) =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once("close", () => resolve());
        ws.terminate();
      }),
  );
  await Promise.all(closing);
}

export interface PostManyRequest {
  readonly url: string;
  readonly body: string;
  readonly count: number;
  readonly concurrency: number;
  /** A response body must contain this to count as a success. */
  readonly expect: string;
}

/** POSTs `body` `count` times; resolves with how many answers were 200 and contained `expect`. */
export async function postMany(request: PostManyRequest): Promise<{ ok: number; failed: number; sample: string }> {
  let remaining = request.count;
  let ok = 0;
  let failed = 0;
  let sample = "";
  const worker = async () => {
    while (remaining > 0) {
      remaining--;
      const response = await fetch(request.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: request.body,
      });
      const text = await response.text();
      if (response.status === 200 && text.includes(request.expect)) ok++;
      else {
        failed++;
        sample ||= `${response.status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.count) }, worker));
  return { ok, failed, sample };
}

/** POSTs once and reads the whole response without keeping it. */
export async function fetchLarge(request: { url: string; body: string }): Promise<{ status: number; bytes: number; ms: number }> {
  const t0 = performance.now();
  const response = await fetch(request.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: request.body,
  });
  let bytes = 0;
  if (response.body !== null) {
    for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
  }
  return { status: response.status, bytes, ms: performance.now() - t0 };
}
