// WebSocket load: each connection keeps one request in flight per slot, re-sending a slot's
// pre-encoded frame as soon as its reply arrives. Replies are matched to slots by reading the
// request id straight from the bytes; nothing is decoded or allocated per message beyond what
// `ws` itself needs.
import type WebSocket from "ws";
import type { LoadRun, SideMeasurement, WsLoad } from "../scenario.js";
import { failureTest } from "./fail-markers.js";
import { MeasurementWindow } from "./measurement-window.js";
import { handshake, openSocket, payloadsOf, sendOptionsFor, wsUrlOf } from "./ws-connect.js";

/** Where Hrana's JSON replies carry their request id. */
export const HRANA_ID_MARKER = '"request_id":';
const ZERO = 48;
const NINE = 57;

/** The decimal integer in `data` right after `marker`, or -1. */
export function requestIdOf(data: Buffer, marker: Buffer): number {
  const at = data.indexOf(marker);
  if (at < 0) return -1;
  let id = 0;
  let digits = 0;
  for (let i = at + marker.length; i < data.length; i++) {
    const c = data[i] as number;
    if (c < ZERO || c > NINE) break;
    id = id * 10 + (c - ZERO);
    digits++;
  }
  return digits === 0 ? -1 : id;
}

export async function runWsLoad(run: LoadRun, load: WsLoad): Promise<SideMeasurement> {
  const frames = payloadsOf({ payloads: load.frames, encoding: load.encoding });
  const handshakeFrames = payloadsOf({ payloads: load.handshake, encoding: load.encoding });
  const send = sendOptionsFor(load.encoding);
  const idMarker = Buffer.from(load.idMarker ?? HRANA_ID_MARKER, "latin1");
  const failed = failureTest(load.failIf);
  const slots = frames.length;
  const sentAt = new Float64Array(load.connections * slots);
  const window = new MeasurementWindow(run);
  let running = true;

  const sockets: WebSocket[] = [];
  try {
    for (let c = 0; c < load.connections; c++) {
      const ws = await openSocket({ url: wsUrlOf(run.target.wsUrl, load.path), protocols: load.protocols });
      sockets.push(ws);
      await handshake(ws, { frames: handshakeFrames, failIf: load.failIf, encoding: load.encoding });
    }
  } catch (error) {
    for (const ws of sockets) ws.terminate();
    throw error;
  }

  sockets.forEach((ws, c) => {
    const base = c * slots;
    ws.on("message", (data: Buffer) => {
      const slot = requestIdOf(data, idMarker) - load.firstRequestId;
      if (slot < 0 || slot >= slots) {
        window.failure();
        return;
      }
      if (failed(data)) window.failure();
      else window.success(performance.now() - (sentAt[base + slot] as number));
      if (!running) return;
      sentAt[base + slot] = performance.now();
      ws.send(frames[slot] as Buffer, send);
    });
    ws.on("close", () => {
      if (running) window.failure();
    });
    ws.on("error", () => window.failure());
    for (let slot = 0; slot < slots; slot++) {
      sentAt[base + slot] = performance.now();
      ws.send(frames[slot] as Buffer, send);
    }
  });

  try {
    return await window.measure();
  } finally {
    running = false;
    for (const ws of sockets) ws.terminate();
  }
}
