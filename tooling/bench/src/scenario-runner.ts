// Runs one A/B scenario: both servers started on identical copies of the seed, each side's load
// checked once, then rounds that run the two sides back to back, alternating which goes first.
import { join } from "node:path";
import type { RoundResult, ScenarioResult, ScenarioSummary, SideSummary } from "./bench-results.js";
import type { LoadDriver } from "./load/driver-client.js";
import { median, spreadOf } from "./report/statistics.js";
import type { Scenario, SideMeasurement, SideName } from "./scenario.js";
import type { ServerProcess } from "./servers/server-process.js";
import { startOnSeed, withBatonArgs } from "./servers/start-server.js";
import { dropPostgres, seedPostgres } from "./seed-postgres.js";

export interface RunContext {
  readonly driver: LoadDriver;
  /** The seed database file (see seed-database.ts). */
  readonly seed: string;
  /** The record seed file (see seed-records.ts), written on first use. */
  readonly recordSeed: () => Promise<string>;
  /** Scratch directory for the servers' data. */
  readonly workDir: string;
  readonly rounds: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Extra arguments for `baton start`, on top of each scenario's own. */
  readonly batonArgs: readonly string[];
  readonly progress: (line: string) => void;
}

const SIDES: readonly SideName[] = ["baseline", "baton"];

/** Starts one side's server on a fresh copy of the seed. */
export async function startSide(
  ctx: RunContext,
  options: { scenario: Scenario; side: SideName; nodeArgs?: readonly string[] },
): Promise<ServerProcess> {
  return startOnSeed({
    seed: options.scenario.seed === "records" ? await ctx.recordSeed() : ctx.seed,
    dataDir: join(ctx.workDir, options.scenario.name, options.side),
    namespaces: options.scenario.databases,
    spec: withBatonArgs(options.scenario[options.side].server, ctx.batonArgs),
    nodeArgs: options.nodeArgs ?? [],
  });
}

/** Seeds what a scenario needs outside the data directories (a Postgres schema); returns its clean-up. */
export async function prepareScenarioData(scenario: Scenario): Promise<() => Promise<void>> {
  const { postgres } = scenario;
  if (postgres === undefined) return () => Promise.resolve();
  await seedPostgres(postgres);
  return () => dropPostgres(postgres);
}

function summariseSide(measurements: readonly SideMeasurement[]): SideSummary {
  return {
    requestsPerSecond: spreadOf(measurements.map((m) => m.requestsPerSecond)),
    p50Ms: median(measurements.map((m) => m.latencyMs.p50)),
    p99Ms: median(measurements.map((m) => m.latencyMs.p99)),
    serverCpuUsPerRequest: median(measurements.map((m) => m.serverCpuUsPerRequest)),
    serverCores: median(measurements.map((m) => m.serverCores)),
    loadCores: median(measurements.map((m) => m.loadCores)),
    otherCores: median(measurements.map((m) => m.otherCores)),
    errors: measurements.reduce((sum, m) => sum + m.errors, 0),
  };
}

export function summariseRounds(rounds: readonly RoundResult[]): ScenarioSummary {
  const baseline = summariseSide(rounds.map((r) => r.baseline));
  const baton = summariseSide(rounds.map((r) => r.baton));
  return {
    baseline,
    baton,
    ratio: spreadOf(rounds.map((r) => r.ratio)),
    ratioOfMedians: baton.requestsPerSecond.median / baseline.requestsPerSecond.median,
    cpuPerRequestRatio: baton.serverCpuUsPerRequest / baseline.serverCpuUsPerRequest,
  };
}

const fmt = (m: SideMeasurement) =>
  `${Math.round(m.requestsPerSecond).toLocaleString("en-US")} req/s, p50 ${m.latencyMs.p50.toFixed(2)} ms, ` +
  `p99 ${m.latencyMs.p99.toFixed(2)} ms, server ${m.serverCores.toFixed(2)} cores, load ${m.loadCores.toFixed(2)}, other ${m.otherCores.toFixed(2)}` +
  (m.errors > 0 ? `, ${m.errors} ERRORS` : "");

export async function runScenario(ctx: RunContext, scenario: Scenario): Promise<ScenarioResult> {
  const problems: string[] = [];
  const samples: Record<SideName, readonly string[]> = { baseline: [], baton: [] };
  const rounds: RoundResult[] = [];
  const servers: Partial<Record<SideName, ServerProcess>> = {};
  let cleanUp = () => Promise.resolve();
  try {
    cleanUp = await prepareScenarioData(scenario);
    for (const side of SIDES) servers[side] = await startSide(ctx, { scenario, side });
    for (const side of SIDES) {
      const target = servers[side] as ServerProcess;
      const probe = await ctx.driver.call("probe", { target, load: scenario[side].load }, 60_000);
      samples[side] = probe.samples;
      problems.push(...probe.problems.map((p) => `${side}: ${p}`));
    }
    if (problems.length > 0) return { name: scenario.name, title: scenario.title, rounds, problems, samples };

    const timeoutMs = ctx.warmupMs + ctx.durationMs + 60_000;
    for (let round = 0; round < ctx.rounds; round++) {
      const order = round % 2 === 0 ? SIDES : [...SIDES].reverse();
      const measured: Partial<Record<SideName, SideMeasurement>> = {};
      for (const side of order) {
        const target = servers[side] as ServerProcess;
        const run = { load: scenario[side].load, target, warmupMs: ctx.warmupMs, durationMs: ctx.durationMs };
        const measurement = await ctx.driver.call("run", run, timeoutMs);
        if (!target.running) throw new Error(`the ${side} server died during the run:\n${target.log}`);
        measured[side] = measurement;
        ctx.progress(`  round ${round + 1}/${ctx.rounds} ${side.padEnd(8)} ${fmt(measurement)}`);
      }
      const baseline = measured.baseline as SideMeasurement;
      const baton = measured.baton as SideMeasurement;
      rounds.push({ round, order, baseline, baton, ratio: baton.requestsPerSecond / baseline.requestsPerSecond });
      if (baseline.errors + baton.errors > 0) {
        problems.push(`round ${round + 1}: ${baseline.errors} baseline and ${baton.errors} Baton errors`);
      }
    }
    return {
      name: scenario.name,
      title: scenario.title,
      ...(scenario.perRequest === undefined ? {} : { perRequest: scenario.perRequest }),
      rounds,
      summary: summariseRounds(rounds),
      problems,
      samples,
    };
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return { name: scenario.name, title: scenario.title, rounds, problems, samples };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    await cleanUp().catch((error: unknown) => problems.push(`clean-up: ${error instanceof Error ? error.message : String(error)}`));
  }
}
