// Memory probes: what an idle Hrana WebSocket connection and an idle HTTP stream cost in
// Baton's resident memory, and how far RSS climbs while Baton answers a 100 000-row result.
// Each probe starts its own fresh server, so one probe's garbage never counts against another.
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { IdleMemoryReading, MemoryResult, PeakMemoryReading } from "../bench-results.js";
import type { LoadDriver } from "../load/driver-client.js";
import { memoryOf, resetPeakMemory } from "../proc-stats.js";
import { slope } from "../report/statistics.js";
import type { ServerSpec } from "../scenario.js";
import { CLOSE, execute, HELLO_FRAME, pipelineBody, stmt, wsRequestFrame } from "../scenarios/hrana-wire.js";
import { ITEM_ROWS } from "../seed-database.js";
import type { ServerProcess } from "../servers/server-process.js";
import { startOnSeed, withBatonArgs } from "../servers/start-server.js";

export interface MemoryContext {
  readonly driver: LoadDriver;
  readonly seed: string;
  readonly workDir: string;
  /** How many idle connections or streams to open. */
  readonly count: number;
  /** How many sockets one process may open (from the open-file limit, with room to spare). */
  readonly maxSockets: number;
  /** Extra arguments for `baton start`. */
  readonly batonArgs: readonly string[];
  readonly progress: (line: string) => void;
}

export interface MemoryProbe {
  readonly name: string;
  readonly title: string;
  run(ctx: MemoryContext): Promise<MemoryResult>;
}

const LONG_MS = 180_000;
const STEPS = 4;

async function withServer<T>(
  ctx: MemoryContext,
  options: { name: string; spec: ServerSpec; work: (server: ServerProcess) => Promise<T> },
): Promise<T> {
  const server = await startOnSeed({
    seed: ctx.seed,
    dataDir: join(ctx.workDir, options.name, options.spec.kind),
    namespaces: ["default"],
    spec: withBatonArgs(options.spec, ctx.batonArgs),
  });
  try {
    return await options.work(server);
  } finally {
    await server.stop();
  }
}

/**
 * RSS growth per item: a small warm-up (so start-up costs and first compilations are not
 * counted), then `count` items added in steps with a reading after each, then a settled reading.
 */
async function measureIdle(options: {
  server: ServerProcess;
  count: number;
  warmUp: () => Promise<void>;
  add: (n: number) => Promise<void>;
}): Promise<IdleMemoryReading> {
  const { server, count } = options;
  await options.warmUp();
  await sleep(1000);
  const rssBefore = memoryOf(server.pid).rss;
  const steps: { count: number; rss: number }[] = [{ count: 0, rss: rssBefore }];
  let added = 0;
  for (let step = 1; step <= STEPS; step++) {
    const n = Math.round((count * step) / STEPS) - added;
    await options.add(n);
    added += n;
    await sleep(300);
    steps.push({ count: added, rss: memoryOf(server.pid).rss });
  }
  await sleep(1500);
  const rssAfter = memoryOf(server.pid).rss;
  return {
    kind: "idle",
    count,
    rssBefore,
    rssAfter,
    bytesPerItem: (rssAfter - rssBefore) / count,
    slopeBytesPerItem: slope(steps.map((s) => ({ x: s.count, y: s.rss }))),
    steps,
  };
}

const WS_HANDSHAKE = [HELLO_FRAME, wsRequestFrame({ requestId: 1, request: { type: "open_stream", stream_id: 1 } })];

async function idleSockets(ctx: MemoryContext, server: ServerProcess): Promise<IdleMemoryReading> {
  const count = Math.min(ctx.count, ctx.maxSockets);
  const hold = async (count: number) => {
    const request = { wsUrl: server.wsUrl, protocols: ["hrana3"], handshake: WS_HANDSHAKE, failIf: '"response_error"', count };
    await ctx.driver.call("holdSockets", { ...request, concurrency: 64 }, LONG_MS);
  };
  try {
    return await measureIdle({
      server,
      count,
      warmUp: async () => {
        await hold(200);
        await ctx.driver.call("releaseSockets", {}, LONG_MS);
      },
      add: hold,
    });
  } finally {
    await ctx.driver.call("releaseSockets", {}, LONG_MS);
  }
}

const wsIdle: MemoryProbe = {
  name: "memory-ws-idle",
  title: "RSS per idle Hrana WebSocket connection (hello + open_stream, then nothing)",
  async run(ctx) {
    const baton = await withServer(ctx, { name: this.name, spec: { kind: "baton" }, work: (s) => idleSockets(ctx, s) });
    const baseline = await withServer(ctx, {
      name: this.name,
      spec: { kind: "baseline", script: "bare-ws-server" },
      work: (s) => idleSockets(ctx, s),
    });
    const notes =
      ctx.maxSockets < ctx.count
        ? [`The open-file limit (ulimit -n) allows ${ctx.maxSockets} connections per process, not ${ctx.count}: measured with ${ctx.maxSockets}; the figure is per connection either way.`]
        : [];
    return { name: this.name, title: this.title, baton, baseline, notes, problems: [] };
  },
};

const ONE_SHOT = pipelineBody({ carry: false, requests: [execute(stmt("SELECT 1")), CLOSE] });
const KEEP_OPEN = pipelineBody({ carry: false, requests: [execute(stmt("SELECT 1"))] });

const httpStreamIdle: MemoryProbe = {
  name: "memory-http-stream-idle",
  title: "RSS per idle Hrana HTTP stream (execute SELECT 1 without close: a baton kept, never used)",
  async run(ctx) {
    const problems: string[] = [];
    const post = async (server: ServerProcess, options: { body: string; count: number; expect: string }) => {
      const request = { url: new URL("/v3/pipeline", server.httpUrl).href, concurrency: 8, ...options };
      const outcome = await ctx.driver.call("postMany", request, LONG_MS);
      if (outcome.failed > 0) problems.push(`${outcome.failed} of ${options.count} requests failed: ${outcome.sample}`);
    };
    // Streams must outlive the measurement: the default idle timeout (10 s) would expire them.
    const baton = await withServer(ctx, {
      name: this.name,
      spec: { kind: "baton", args: ["--stream-idle-timeout", "600000"] },
      work: (server) =>
        measureIdle({
          server,
          count: ctx.count,
          warmUp: () => post(server, { body: ONE_SHOT, count: 2000, expect: '"baton":null' }),
          add: (count) => post(server, { body: KEEP_OPEN, count, expect: '"baton":"' }),
        }),
    });
    return {
      name: this.name,
      title: this.title,
      baton,
      notes: ["Baton ran with --stream-idle-timeout 600000 so that no stream expired while measured."],
      problems,
    };
  },
};

const ALL_ROWS = pipelineBody({ carry: false, requests: [execute(stmt("SELECT id, name, qty, price FROM items ORDER BY id")), CLOSE] });
const SOME_ROWS = pipelineBody({
  carry: false,
  requests: [execute(stmt("SELECT id, name, qty, price FROM items ORDER BY id LIMIT 1000")), CLOSE],
});

async function peakWhileAnswering(ctx: MemoryContext, server: ServerProcess): Promise<PeakMemoryReading> {
  const url = new URL("/v3/pipeline", server.httpUrl).href;
  await ctx.driver.call("postMany", { url, body: SOME_ROWS, count: 20, concurrency: 1, expect: '"rows"' }, LONG_MS);
  await sleep(1000);
  const reset = resetPeakMemory(server.pid);
  const rssBefore = memoryOf(server.pid).rss;
  let sampled = rssBefore;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, memoryOf(server.pid).rss);
  }, 5);
  try {
    const response = await ctx.driver.call("fetchLarge", { url, body: ALL_ROWS }, LONG_MS);
    if (response.status !== 200) throw new Error(`the ${ITEM_ROWS}-row request answered HTTP ${response.status}`);
    const reading = memoryOf(server.pid);
    const peak = reset ? Math.max(reading.peak, sampled) : sampled;
    return {
      kind: "peak",
      rssBefore,
      peak,
      growth: peak - rssBefore,
      responseBytes: response.bytes,
      ms: response.ms,
      method: reset ? "VmHWM" : "sampled",
    };
  } finally {
    clearInterval(sampler);
  }
}

const largeResultPeak: MemoryProbe = {
  name: "memory-rows100k",
  title: `Peak RSS growth while answering a ${ITEM_ROWS.toLocaleString("en-US")}-row result over HTTP (execute + close)`,
  async run(ctx) {
    const baton = await withServer(ctx, { name: this.name, spec: { kind: "baton" }, work: (s) => peakWhileAnswering(ctx, s) });
    const baseline = await withServer(ctx, {
      name: this.name,
      spec: { kind: "baseline", script: "bare-http-server" },
      work: (s) => peakWhileAnswering(ctx, s),
    });
    return { name: this.name, title: this.title, baton, baseline, notes: [], problems: [] };
  },
};

export const memoryProbes: readonly MemoryProbe[] = [wsIdle, httpStreamIdle, largeResultPeak];
