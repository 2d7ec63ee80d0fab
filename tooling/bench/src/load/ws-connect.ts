// Opening a load-generating WebSocket and running its handshake frames.
import WebSocket from "ws";
import type { FailMarkers, PayloadEncoding } from "../scenario.js";
import { failureTest } from "./fail-markers.js";

/**
 * Client frames must be masked (RFC 6455 §5.3), but nothing here needs the mask to be secret:
 * an all-zero mask lets `ws` skip XOR-ing every payload, which keeps the load process cheap.
 */
const zeroMask = (mask: Buffer): void => {
  mask.fill(0);
};

/** Sends pre-encoded bytes as a text frame (a Buffer would otherwise go out as binary). */
export const TEXT_FRAME = { binary: false } as const;

/** Sends pre-encoded bytes as a binary frame (CBOR). */
export const BINARY_FRAME = { binary: true } as const;

/** The bytes of pre-serialised payloads, and how to send them. */
export function payloadsOf(options: { payloads: readonly string[]; encoding?: PayloadEncoding }): Buffer[] {
  const encoding = options.encoding ?? "utf8";
  return options.payloads.map((payload) => Buffer.from(payload, encoding));
}

export const sendOptionsFor = (encoding: PayloadEncoding | undefined) =>
  encoding === "base64" ? BINARY_FRAME : TEXT_FRAME;

/** `base` (a server's ws:// URL) with `path` in place of its path. */
export function wsUrlOf(base: string, path: string | undefined): string {
  return path === undefined ? base : new URL(path, base).toString();
}

export function openSocket(options: { url: string; protocols: readonly string[]; timeoutMs?: number }): Promise<WebSocket> {
  const ws = new WebSocket(options.url, [...options.protocols], {
    perMessageDeflate: false,
    skipUTF8Validation: true,
    generateMask: zeroMask,
    handshakeTimeout: options.timeoutMs ?? 10_000,
  });
  return new Promise((resolve, reject) => {
    ws.once("open", () => {
      ws.off("error", reject);
      resolve(ws);
    });
    ws.once("error", reject);
  });
}

/** Sends `frames` and waits for as many replies; a reply containing a `failIf` marker rejects. */
export function handshake(
  ws: WebSocket,
  options: { frames: readonly Buffer[]; failIf: FailMarkers; encoding?: PayloadEncoding },
): Promise<void> {
  if (options.frames.length === 0) return Promise.resolve();
  const failed = failureTest(options.failIf);
  return new Promise((resolve, reject) => {
    let pending = options.frames.length;
    const onMessage = (data: Buffer) => {
      if (failed(data)) {
        cleanup();
        reject(new Error(`handshake refused: ${data.toString(options.encoding === "base64" ? "hex" : "utf8").slice(0, 300)}`));
        return;
      }
      if (--pending === 0) {
        cleanup();
        resolve();
      }
    };
    const onClose = (code: number) => {
      cleanup();
      reject(new Error(`socket closed during the handshake (${code})`));
    };
    const cleanup = () => {
      ws.off("message", onMessage);
      ws.off("close", onClose);
    };
    ws.on("message", onMessage);
    ws.on("close", onClose);
    const send = sendOptionsFor(options.encoding);
    for (const frame of options.frames) ws.send(frame, send);
  });
}
