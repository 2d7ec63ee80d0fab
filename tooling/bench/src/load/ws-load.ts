// WebSocket load: each connection keeps one request in flight per slot, re-sending a slot's
// pre-encoded frame as soon as its reply arrives. Replies are matched to slots by reading the
// request id straight from the bytes; nothing is decoded or allocated per message beyond what
// `ws` itself needs.
import type WebSocket from "ws";
import type { LoadRun, SideMeasurement, WsLoad } from "../scenario.js";
import { MeasurementWindow } from "./measurement-window.js";
import { handshake, openSocket, TEXT_FRAME } from "./ws-connect.js";

const ID_MARKER = Buffer.from('"request_id":');
const ZERO = 48;
const NINE = 57;

/** The decimal integer in `data` right after the request id marker, or -1. */
function requestIdOf(data: Buffer): number {
  const at = data.indexOf(ID_MARKER);
  if (at < 0) return -1;
  let id = 0;
  let digits = 0;
  for (let i = at + ID_MARKER.length; i < data.length; i++) {
    const c = data[i] as number;
    if (c < ZERO || c > NINE) break;
    id = id * 10 + (c - ZERO);
    digits++;
  }
  return digits === 0 ? -1 : id;
}

export async function runWsLoad(run: LoadRun, load: WsLoad): Promise<SideMeasurement> {
  const frames = load.frames.map((frame) => Buffer.from(frame, "utf8"));
  const handshakeFrames = load.handshake.map((frame) => Buffer.from(frame, "utf8"));
  const failIf = Buffer.from(load.failIf, "utf8");
  const slots = frames.length;
  const sentAt = new Float64Array(load.connections * slots);
  const window = new MeasurementWindow(run);
  let running = true;

  const sockets: WebSocket[] = [];
  try {
    for (let c = 0; c < load.connections; c++) {
      const ws = await openSocket({ url: run.target.wsUrl, protocols: load.protocols });
      sockets.push(ws);
      await handshake(ws, { frames: handshakeFrames, failIf: load.failIf });
    }
  } catch (error) {
    for (const ws of sockets) ws.terminate();
    throw error;
  }

  sockets.forEach((ws, c) => {
    const base = c * slots;
    ws.on("message", (data: Buffer) => {
      const slot = requestIdOf(data) - load.firstRequestId;
      if (slot < 0 || slot >= slots) {
        window.failure();
        return;
      }
      if (data.includes(failIf)) window.failure();
      else window.success(performance.now() - (sentAt[base + slot] as number));
      if (!running) return;
      sentAt[base + slot] = performance.now();
      ws.send(frames[slot] as Buffer, TEXT_FRAME);
    });
    ws.on("close", () => {
      if (running) window.failure();
    });
    ws.on("error", () => window.failure());
    for (let slot = 0; slot < slots; slot++) {
      sentAt[base + slot] = performance.now();
      ws.send(frames[slot] as Buffer, TEXT_FRAME);
    }
  });

  try {
    return await window.measure();
  } finally {
    running = false;
    for (const ws of sockets) ws.terminate();
  }
}
