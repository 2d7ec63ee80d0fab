// Before a side is measured, its load runs once, slowly, with every answer checked: a scenario
// whose requests fail would otherwise report the speed of error replies.
import type { HttpLoad, ServerAddress, WsLoad } from "../scenario.js";
import { handshake, openSocket, TEXT_FRAME } from "./ws-connect.js";

export interface ProbeReport {
  /** Empty when every answer was a success. */
  readonly problems: readonly string[];
  /** The first answer of each step or slot, shortened, for the results file. */
  readonly samples: readonly string[];
}

const shorten = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}… (${text.length} bytes)` : text);

export async function probeHttp(target: ServerAddress, load: HttpLoad): Promise<ProbeReport> {
  const problems: string[] = [];
  const samples: string[] = [];
  let carry: string | undefined;
  for (const [index, step] of load.steps.entries()) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    for (const [name, value] of Object.entries(step.headers ?? {})) headers[name] = value.replaceAll("{{conn}}", "0");
    const body = step.body.replaceAll("{{carry}}", carry ?? "null");
    const response = await fetch(new URL(step.path, target.httpUrl), { method: "POST", headers, body });
    const text = await response.text();
    samples.push(shorten(text));
    if (response.status !== 200) problems.push(`step ${index}: HTTP ${response.status} ${shorten(text)}`);
    else if (step.failIf !== undefined && text.includes(step.failIf)) problems.push(`step ${index}: ${shorten(text)}`);
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
  const ws = await openSocket({ url: target.wsUrl, protocols: load.protocols });
  try {
    await handshake(ws, { frames: load.handshake.map((f) => Buffer.from(f, "utf8")), failIf: load.failIf });
    const replies = new Promise<string[]>((resolve) => {
      const got: string[] = [];
      ws.on("message", (data: Buffer) => {
        got.push(data.toString("utf8"));
        if (got.length === load.frames.length) resolve(got);
      });
    });
    for (const frame of load.frames) ws.send(Buffer.from(frame, "utf8"), TEXT_FRAME);
    const timeout = new Promise<string[]>((_, reject) =>
      setTimeout(() => reject(new Error("no reply within 10 s")), 10_000).unref(),
    );
    for (const reply of await Promise.race([replies, timeout])) {
      if (samples.length < 1) samples.push(shorten(reply));
      if (reply.includes(load.failIf) || !reply.includes('"request_id":')) problems.push(shorten(reply));
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    ws.terminate();
  }
  return { problems, samples };
}
