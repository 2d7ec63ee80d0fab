// One benchmark run: the seed, the load process, every selected scenario and memory probe,
// and the results with the targets checked.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchResults, MemoryResult, ScenarioResult } from "./bench-results.js";
import { LoadDriver } from "./load/driver-client.js";
import type { MemoryProbe } from "./memory/memory-probes.js";
import { openFileLimit } from "./proc-stats.js";
import { machineInfo } from "./report/machine-info.js";
import { evaluateTargets } from "./report/targets.js";
import type { Scenario } from "./scenario.js";
import { runScenario, type RunContext } from "./scenario-runner.js";
import { writeSeedDatabase } from "./seed-database.js";
import { writeRecordSeed } from "./seed-records.js";

export interface BenchSettings {
  readonly rounds: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Idle connections and streams the memory probes open. */
  readonly memoryCount: number;
  /** Extra arguments for `baton start` (recorded with the results). */
  readonly batonArgs: readonly string[];
}

export interface BenchPlan extends BenchSettings {
  readonly scenarios: readonly Scenario[];
  readonly probes: readonly MemoryProbe[];
  readonly progress: (line: string) => void;
}

export interface Workspace {
  readonly workDir: string;
  /** The SQL seed database file. */
  readonly seed: string;
  /** The record seed (seed-records.ts), written on first use. */
  readonly recordSeed: () => Promise<string>;
  readonly dispose: () => void;
}

/** A scratch directory with the seed database, removed by `dispose` or when the process exits. */
export function prepareWorkspace(): Workspace {
  const workDir = mkdtempSync(join(tmpdir(), "baton-bench-"));
  const remove = () => rmSync(workDir, { recursive: true, force: true });
  process.once("exit", remove);
  const seed = join(workDir, "seed.db");
  writeSeedDatabase(seed);
  let recordSeed: Promise<string> | undefined;
  return {
    workDir,
    seed,
    recordSeed: () => (recordSeed ??= writeRecordSeed({ seed, dir: join(workDir, "record-seed") })),
    dispose: () => {
      process.off("exit", remove);
      remove();
    },
  };
}

export async function runBench(plan: BenchPlan): Promise<BenchResults> {
  const started = performance.now();
  const date = new Date().toISOString();
  const workspace = prepareWorkspace();
  const driver = await LoadDriver.start();
  const scenarios: ScenarioResult[] = [];
  const memory: MemoryResult[] = [];
  try {
    const ctx: RunContext = { ...plan, driver, seed: workspace.seed, recordSeed: workspace.recordSeed, workDir: workspace.workDir };
    for (const [index, scenario] of plan.scenarios.entries()) {
      plan.progress(`[${index + 1}/${plan.scenarios.length}] ${scenario.name}: ${scenario.title}`);
      scenarios.push(await runScenario(ctx, scenario));
    }
    // Each process needs a descriptor per socket, plus its own files and some room.
    const maxSockets = Math.max(100, openFileLimit() - 500);
    for (const probe of plan.probes) {
      plan.progress(`[memory] ${probe.name}: ${probe.title}`);
      try {
        memory.push(await probe.run({ ...ctx, count: plan.memoryCount, maxSockets }));
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        memory.push({ name: probe.name, title: probe.title, notes: [], problems: [problem] });
      }
    }
  } finally {
    await driver.stop();
    workspace.dispose();
  }
  const { rounds, warmupMs, durationMs, memoryCount, batonArgs } = plan;
  return {
    date,
    machine: machineInfo(),
    settings: { rounds, warmupMs, durationMs, memoryCount, batonArgs },
    scenarios,
    memory,
    targets: evaluateTargets({ scenarios, memory }),
    seconds: (performance.now() - started) / 1000,
  };
}
