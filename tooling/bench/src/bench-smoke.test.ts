// `pnpm bench --quick` end to end on one scenario: the built Baton, the bare baseline and the
// load process all start, both sides are measured, and the table and JSON have their shape.
// It asserts no timing: a ratio only has to be a number.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { BenchResults } from "./bench-results.js";
import { SRC_DIR, tsxExecArgv } from "./node-runner.js";
import { BENCH_POSTGRES_URL } from "./seed-postgres.js";

const dir = mkdtempSync(join(tmpdir(), "baton-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; pid: number }> {
  const child = spawn(process.execPath, [...tsxExecArgv(), join(SRC_DIR, "cli.ts"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr, pid: child.pid ?? -1 })));
}

/** Both sides of a scenario measured without errors, and a finite positive ratio. */
function expectMeasured(results: BenchResults, name: string): void {
  const scenario = results.scenarios.find((s) => s.name === name);
  expect(scenario?.problems, name).toEqual([]);
  expect(scenario?.rounds).toHaveLength(1);
  for (const side of ["baseline", "baton"] as const) {
    const measured = scenario?.rounds[0]?.[side];
    expect(measured?.requests).toBeGreaterThan(0);
    expect(measured?.errors).toBe(0);
    expect(measured?.latencyMs.p99).toBeGreaterThan(0);
  }
  const ratio = scenario?.summary?.ratio.median ?? Number.NaN;
  expect(Number.isFinite(ratio) && ratio > 0).toBe(true);
}

/** `--quick` on the scenarios `names`, written to `file` in the temp dir: every one must be measured. */
async function quickRun(options: { file: string; names: readonly string[] }): Promise<BenchResults> {
  const out = join(dir, options.file);
  const { code, stderr } = await runCli(["--quick", "--out", out, ...options.names]);
  expect(code, stderr).toBe(0);
  const results = JSON.parse(readFileSync(out, "utf8")) as BenchResults;
  expect(results.scenarios.map((s) => s.name)).toEqual(options.names);
  for (const name of options.names) expectMeasured(results, name);
  return results;
}

describe("pnpm bench --quick", () => {
  it("measures Baton and the baseline on one scenario and prints their ratio", async () => {
    const out = join(dir, "quick.json");
    const { code, stdout, stderr } = await runCli(["--quick", "--out", out, "hrana-http-point-c1"]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^hrana-http-point-c1\s+[\d,]+ ±\d+%\s+[\d,]+ ±\d+%\s+\d+\.\d\d \(/m);

    const results = JSON.parse(readFileSync(out, "utf8")) as BenchResults;
    expect(results.machine.cpus).toBeGreaterThan(0);
    expect(results.settings).toMatchObject({ rounds: 1, durationMs: 1000 });
    expect(results.scenarios.map((s) => s.name)).toEqual(["hrana-http-point-c1"]);
    expectMeasured(results, "hrana-http-point-c1");
    expect(results.targets.length).toBeGreaterThan(0);
  }, 60_000);

  it("measures SurrealDB RPC in CBOR over WebSocket and HTTP, with identical replies on both sides", async () => {
    const results = await quickRun({ file: "rpc.json", names: ["rpc-ws-select-16x16", "rpc-http-create-c64"] });
    // The probe's first reply of each side, decoded: the same record, whichever server answered.
    const select = results.scenarios[0]?.samples;
    const record = (sample: string | undefined) => (JSON.parse(sample ?? "null") as { result: unknown }).result;
    expect(record(select?.baton[0])).toEqual(record(select?.baseline[0]));
    expect(record(select?.baton[0])).toMatchObject({ id: { tag: 8, value: ["person", 4242] }, name: "person-4242" });
  }, 90_000);

  it("measures the SDK's SurrealQL query path over WebSocket and HTTP, with the same statement entries on both sides", async () => {
    const results = await quickRun({ file: "query.json", names: ["rpc-ws-query-select-16x16", "rpc-http-query-create-c64"] });
    // One statement entry per reply; its `time` is each server's own, the rest must agree.
    type Entry = { status: string; time: string; type: unknown; result: unknown };
    const entries = (sample: string | undefined) => (JSON.parse(sample ?? "null") as { result: Entry[] }).result;
    const [select, create] = results.scenarios.map((s) => s.samples);
    const batonSelect = entries(select?.baton[0]);
    expect(batonSelect).toHaveLength(1);
    expect(batonSelect[0]?.time).toMatch(/^\d+(\.\d+)?(ns|µs|ms|s)$/);
    expect({ ...batonSelect[0], time: "" }).toEqual({ ...entries(select?.baseline[0])[0], time: "" });
    expect(batonSelect[0]).toMatchObject({ status: "OK", type: { tag: 6 }, result: { id: { tag: 8, value: ["person", 4242] }, name: "person-4242" } });
    // A create of a table answers an array of the one new record, its id generated (so not compared).
    for (const side of ["baton", "baseline"] as const) {
      expect(entries(create?.[side][0])).toMatchObject([{ status: "OK", result: [{ id: { tag: 8, value: ["bench", expect.any(String)] }, name: "bench", qty: 7 }] }]);
    }
  }, 90_000);

  it("measures Hrana on Postgres against the bare pg baseline and drops the scenario's schema", async () => {
    const out = join(dir, "pg.json");
    const { code, stderr, pid } = await runCli(["--quick", "--out", out, "hrana-http-point-c64-pg"]);
    expect(code, stderr).toBe(0);
    const results = JSON.parse(readFileSync(out, "utf8")) as BenchResults;
    expectMeasured(results, "hrana-http-point-c64-pg");
    const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
    await client.connect();
    try {
      // The CLI ran as another process, so its schema carries that process's id: none may be left.
      const left = await client.query("SELECT nspname FROM pg_namespace WHERE nspname = 'baton_bench_' || $1", [String(pid)]);
      expect(left.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  }, 90_000);

  it("refuses a scenario that does not exist", async () => {
    const { code, stderr } = await runCli(["--no-out", "no-such-scenario"]);
    expect(code).toBe(1);
    expect(stderr).toContain("No scenario matches no-such-scenario");
  });
});
