import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStartArgs, startBaton, type RunningBaton } from "@baton/server";
import { drain, JobQueue } from "./job-queue.js";

let baton: RunningBaton;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "baton-worker-"));
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  baton = await startBaton(parseStartArgs(["--bind", "127.0.0.1:0", "--data", dataDir], {}), quiet);
});

afterAll(async () => {
  await baton.server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each(["http", "ws"] as const)("the example worker over %s", (scheme) => {
  it("drains a queue with concurrent workers, each job exactly once", async () => {
    const clients: Client[] = [];
    const url = scheme === "http" ? baton.httpUrl : baton.wsUrl;
    const open = () => {
      const client = createClient({ url });
      clients.push(client);
      return new JobQueue(client);
    };
    const setup = open();
    await setup.setUp();
    await clients[0]?.execute("DELETE FROM jobs");
    await setup.enqueue(Array.from({ length: 60 }, (_, i) => ({ kind: scheme, payload: String(i) })));
    const done = await Promise.all(
      ["w1", "w2", "w3", "w4"].map((worker) =>
        drain(open(), { worker, run: async (job) => `${job.payload}!` }),
      ),
    );
    expect(done.reduce((a, b) => a + b, 0)).toBe(60);
    expect(await setup.counts()).toEqual({ done: 60 });
    for (const client of clients) client.close();
  });
});
