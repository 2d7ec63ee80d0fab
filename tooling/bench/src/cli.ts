// pnpm bench — Baton against a bare baseline doing the same database work, side by side.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from "./bench-options.js";
import { prepareWorkspace, runBench } from "./bench-runner.js";
import { LoadDriver } from "./load/driver-client.js";
import { PACKAGE_DIR } from "./node-runner.js";
import { profileScenario } from "./profile/profile-runner.js";
import { renderResults } from "./report/results-table.js";
import { allProbes, allScenarios, select } from "./scenarios/registry.js";

const progress = (line: string) => process.stderr.write(`${line}\n`);

function list(): void {
  for (const s of allScenarios) console.log(`${s.name.padEnd(34)} ${s.title}`);
  for (const p of allProbes) console.log(`${p.name.padEnd(34)} ${p.title}`);
}

/** Kills the run (and, through the exit hook, every server) if it overruns its time budget. */
function watchdog(seconds: number): void {
  setTimeout(() => {
    console.error(`bench: still running after ${Math.round(seconds)} s; giving up`);
    process.exit(2);
  }, seconds * 1000).unref();
}

async function profile(options: BenchOptions): Promise<number> {
  const { scenarios } = select(options.patterns);
  watchdog(120 + scenarios.length * ((options.warmupMs + options.durationMs) / 1000 + 30));
  const workspace = prepareWorkspace();
  const driver = await LoadDriver.start();
  try {
    const ctx = { ...options, driver, seed: workspace.seed, recordSeed: workspace.recordSeed, workDir: workspace.workDir, progress };
    for (const scenario of scenarios) {
      progress(`profiling Baton: ${scenario.name}`);
      const { file, report } = await profileScenario(ctx, { scenario, outDir: join(PACKAGE_DIR, "results", "profiles") });
      console.log(`\n${scenario.name} (${file})\n${report}`);
    }
  } finally {
    await driver.stop();
    workspace.dispose();
  }
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.list) {
    list();
    return 0;
  }
  const selection = select(options.patterns);
  if (selection.unmatched.length > 0) throw new UsageError(`No scenario matches ${selection.unmatched.join(", ")} (see --list)`);
  if (options.profile) return profile(options);
  const perSide = (options.warmupMs + options.durationMs) / 1000 + 1;
  watchdog(Math.max(300, 2 * (selection.scenarios.length * (options.rounds * 2 * perSide + 10) + selection.probes.length * 90)));
  const results = await runBench({ ...options, scenarios: selection.scenarios, probes: selection.probes, progress });
  console.log(`\n${renderResults(results)}`);
  if (options.outFile !== undefined) {
    mkdirSync(dirname(options.outFile), { recursive: true });
    writeFileSync(options.outFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nRaw numbers: ${options.outFile}`);
  }
  const failed = [...results.scenarios, ...results.memory].some((r) => r.problems.length > 0);
  return failed ? 1 : 0;
}

// Exiting through process.exit runs the exit hook that kills every server this run started.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    process.exit(130);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `bench: ${error.message}\n\n${USAGE}` : error);
    process.exit(1);
  },
);
