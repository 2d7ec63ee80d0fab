// The messages between the harness and its load process (Node IPC, JSON).
import type { LoadRun, LoadShape, ServerAddress, SideMeasurement } from "../scenario.js";
import type { HoldSocketsRequest, PostManyRequest } from "./idle-load.js";
import type { ProbeReport } from "./load-probe.js";

/** Every operation of the load process: its arguments and its result. */
export interface DriverOps {
  /** One timed load run (warm-up, then the measurement window). */
  run: { args: LoadRun; result: SideMeasurement };
  /** The load once, every answer checked. */
  probe: { args: { target: ServerAddress; load: LoadShape }; result: ProbeReport };
  /** Opens and keeps idle WebSocket connections; the result is how many are held. */
  holdSockets: { args: HoldSocketsRequest; result: number };
  releaseSockets: { args: Record<string, never>; result: null };
  postMany: { args: PostManyRequest; result: { ok: number; failed: number; sample: string } };
  fetchLarge: { args: { url: string; body: string }; result: { status: number; bytes: number; ms: number } };
}

export type DriverOp = keyof DriverOps;

export type DriverCall = { [K in DriverOp]: { id: number; op: K; args: DriverOps[K]["args"] } }[DriverOp];

export type DriverReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

const OPS: ReadonlySet<string> = new Set<DriverOp>(["run", "probe", "holdSockets", "releaseSockets", "postMany", "fetchLarge"]);

/** Both ends are this package's own code; the check guards against stray messages, not a hostile peer. */
export function isDriverCall(message: unknown): message is DriverCall {
  if (typeof message !== "object" || message === null) return false;
  const { id, op, args } = message as Record<string, unknown>;
  return typeof id === "number" && typeof op === "string" && OPS.has(op) && typeof args === "object" && args !== null;
}

export function isDriverReply(message: unknown): message is DriverReply {
  if (typeof message !== "object" || message === null) return false;
  const { id, ok } = message as Record<string, unknown>;
  return typeof id === "number" && typeof ok === "boolean";
}
