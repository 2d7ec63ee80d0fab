// The workload that `instruction-count.ts` runs under callgrind: Baton in-process (the
// source, through the `baton-source` condition) answering N Hrana point selects, either
// straight through HranaService, through a real node:http server with an in-process client,
// or over one Hrana WebSocket with 16 requests in flight. It prints nothing but errors; the
// instruction count comes from valgrind.
import { startBaton, parseStartArgs } from "@baton/server";
import { request, Agent } from "node:http";
import { createInterface } from "node:readline";
import WebSocket from "ws";
import { CLOSE, execute, HELLO_FRAME, int, pipelineBody, stmt, wsRequestFrame } from "../scenarios/hrana-wire.js";

export type WorkloadMode = "service" | "http" | "ws";

const POINT_SELECT = stmt("SELECT id, name, qty, price FROM items WHERE id = ?", [int(4242)]);
const PIPELINE_BODY = pipelineBody({ carry: false, requests: [execute(POINT_SELECT), CLOSE] });
const WS_IN_FLIGHT = 16;

const silent = { info: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) };

function fail(message: string): never {
  throw new Error(message);
}

async function runService(baton: Awaited<ReturnType<typeof startBaton>>, count: number): Promise<void> {
  const target = { namespace: "default" };
  for (let i = 0; i < count; i++) {
    const body: unknown = JSON.parse(PIPELINE_BODY);
    const response = await baton.server.hrana.http.pipeline({ version: 3, target, body });
    if (response.results[0]?.type !== "ok") fail(`request ${i} failed: ${JSON.stringify(response)}`);
  }
}

async function runHttp(baton: Awaited<ReturnType<typeof startBaton>>, count: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const req = request(`${baton.httpUrl}/v3/pipeline`, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(PIPELINE_BODY);
    });
  for (let i = 0; i < count; i++) {
    const text = await post();
    if (!text.includes('"rows":[[')) fail(`request ${i} failed: ${text}`);
  }
  agent.destroy();
}

async function runWs(baton: Awaited<ReturnType<typeof startBaton>>, count: number): Promise<void> {
  const socket = new WebSocket(baton.wsUrl, ["hrana3"]);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const frames: string[] = [];
  const handshake = [HELLO_FRAME];
  for (let slot = 0; slot < WS_IN_FLIGHT; slot++) {
    handshake.push(wsRequestFrame({ requestId: slot + 1, request: { type: "open_stream", stream_id: slot + 1 } }));
    frames.push(wsRequestFrame({ requestId: 1000 + slot, request: { type: "execute", stream_id: slot + 1, stmt: POINT_SELECT } }));
  }
  let awaited = 0;
  let done: () => void = () => undefined;
  socket.on("message", (data: Buffer) => {
    const text = data.toString("utf8");
    if (text.includes('"response_error"') || text.includes('"hello_error"')) fail(`failed: ${text}`);
    if (--awaited === 0) done();
  });
  const exchange = (batch: readonly string[], expected: number): Promise<void> =>
    new Promise((resolve) => {
      awaited = expected;
      done = resolve;
      for (const frame of batch) socket.send(frame);
    });
  await exchange(handshake, WS_IN_FLIGHT + 1);
  for (let sent = 0; sent < count; sent += WS_IN_FLIGHT) await exchange(frames, WS_IN_FLIGHT);
  socket.close();
}

const runners = { service: runService, http: runHttp, ws: runWs } as const;

/** Lines on stdin (the counting side says when to go on), whether or not they arrive in one chunk. */
const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function nextLine(): Promise<void> {
  await stdinLines.next();
}

/**
 * Starts Baton on `dataDir` (which holds `default.db`); for each mode runs `warmup` requests,
 * then `batches` times prints `ready MODE BATCH`, waits for a line on stdin, runs `count`
 * requests and prints `done MODE BATCH` (the counting side reads callgrind's counters at both
 * marks); then stops.
 */
export async function runWorkload(options: {
  modes: readonly WorkloadMode[];
  dataDir: string;
  count: number;
  warmup: number;
  batches: number;
}): Promise<void> {
  const config = parseStartArgs(["--bind", "127.0.0.1:0", "--data", options.dataDir], {});
  const baton = await startBaton(config, silent);
  try {
    for (const mode of options.modes) {
      await runners[mode](baton, options.warmup);
      for (let batch = 0; batch < options.batches; batch++) {
        process.stdout.write(`ready ${mode} ${batch}\n`);
        await nextLine();
        await runners[mode](baton, options.count);
        process.stdout.write(`done ${mode} ${batch}\n`);
        await nextLine();
      }
    }
  } finally {
    await baton.server.close();
    process.stdin.destroy();
  }
}

const isMode = (value: string): value is WorkloadMode => value === "service" || value === "http" || value === "ws";

if (process.argv[1]?.endsWith("instruction-workload.ts") === true) {
  const [dataDir, count, warmup, batches, ...modes] = process.argv.slice(2);
  if (dataDir === undefined || count === undefined || warmup === undefined || batches === undefined || !modes.every(isMode)) {
    console.error("usage: instruction-workload.ts DATA_DIR COUNT WARMUP BATCHES service|http|ws…");
    process.exit(2);
  }
  const numbers = { count: Number(count), warmup: Number(warmup), batches: Number(batches) };
  await runWorkload({ modes: modes.filter(isMode), dataDir, ...numbers });
}
