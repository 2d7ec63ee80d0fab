// Before a side is measured, its load runs once, slowly, with every answer checked: a scenario
// whose requests fail would otherwise report the speed of error replies.
import { decode } from "cbor-x";
import type { HttpLoad, PayloadEncoding, ServerAddress, WsLoad } from "../scenario.js";
import { failureTest } from "./fail-markers.js";
import { handshake, openSocket, payloadsOf, sendOptionsFor, wsUrlOf } from "./ws-connect.js";
import { HRANA_ID_MARKER, requestIdOf } from "./ws-load.js";

export interface ProbeReport {
  /** Empty when every answer was a success. */
  readonly problems: readonly string[];
  /** The first answer of each step or slot, shortened, for the results file. */
  readonly samples: readonly string[];
}

const shorten = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}… (${text.length} bytes)` : text);

/** A reply as readable text: binary (CBOR) replies decoded and shown as JSON, tags as `{tag, value}`. */
function readable(bytes: Buffer, encoding: PayloadEncoding | undefined): string {
  if (encoding !== "base64") return bytes.toString("utf8");
  try {
    return JSON.stringify(decode(bytes), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  } catch {
    return `0x${bytes.toString("hex")}`;
  }
}

export async function probeHttp(target: ServerAddress, load: HttpLoad): Promise<ProbeReport> {
  const problems: string[] = [];
  const samples: string[] = [];
  let carry: string | undefined;
  for (const [index, step] of load.steps.entries()) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    for (const [name, value] of Object.entries(step.headers ?? {})) headers[name] = value.replaceAll("{{conn}}", "0");
    const body =
      step.encoding === "base64" ? Buffer.from(step.body, "base64") : step.body.replaceAll("{{carry}}", carry ?? "null");
    const response = await fetch(new URL(step.path, target.httpUrl), { method: "POST", headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    // As the load reads it (autocannon's body is UTF-8 text), so `failIf` is checked the same way.
    const text = bytes.toString("utf8");
    samples.push(shorten(readable(bytes, step.encoding)));
    if (response.status !== 200) problems.push(`step ${index}: HTTP ${response.status} ${shorten(readable(bytes, step.encoding))}`);
    else if (step.failIf !== undefined && failureTest(step.failIf)(text)) problems.push(`step ${index}: ${shorten(readable(bytes, step.encoding))}`);
    if (step.capture !== undefined) {
      carry = new RegExp(step.capture).exec(text)?.[1];
      if (carry === undefined) problems.push(`step ${index}: nothing matched ${step.capture}`);
    }
  }
  return { problems, samples };
}

export async function probeWs(target: ServerAddress, load: WsLoad): Promise<ProbeReport> {
  const problems: string[] = [];
  const samples: string[] = [];
  const ws = await openSocket({ url: wsUrlOf(target.wsUrl, load.path), protocols: load.protocols });
  const { encoding } = load;
  const idMarker = Buffer.from(load.idMarker ?? HRANA_ID_MARKER, "latin1");
  const failed = failureTest(load.failIf);
  try {
    const handshakeFrames = payloadsOf({ payloads: load.handshake, encoding });
    await handshake(ws, { frames: handshakeFrames, failIf: load.failIf, encoding });
    const replies = new Promise<Buffer[]>((resolve) => {
      const got: Buffer[] = [];
      ws.on("message", (data: Buffer) => {
        got.push(data);
        if (got.length === load.frames.length) resolve(got);
      });
    });
    const send = sendOptionsFor(encoding);
    for (const frame of payloadsOf({ payloads: load.frames, encoding })) ws.send(frame, send);
    const timeout = new Promise<Buffer[]>((_, reject) =>
      setTimeout(() => reject(new Error("no reply within 10 s")), 10_000).unref(),
    );
    for (const reply of await Promise.race([replies, timeout])) {
      if (samples.length < 1) samples.push(shorten(readable(reply, encoding)));
      const slot = requestIdOf(reply, idMarker) - load.firstRequestId;
      if (failed(reply) || slot < 0 || slot >= load.frames.length) {
        problems.push(shorten(readable(reply, encoding)));
      }
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    ws.terminate();
  }
  return { problems, samples };
}
