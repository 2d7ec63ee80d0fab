// `pnpm bench --profile SCENARIO…`: runs Baton's side of each scenario once under `--cpu-prof`,
// keeps the profile, and prints where the time went (profile before optimising).
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunContext } from "../scenario-runner.js";
import { prepareScenarioData, startSide } from "../scenario-runner.js";
import type { Scenario } from "../scenario.js";
import { renderProfile, summariseProfile, type CpuProfile } from "./profile-summary.js";
import { windowInProfile, type AbsoluteWindow } from "./profile-window.js";

// V8 dates a profile in microseconds of the monotonic clock, the clock `process.hrtime` reads, so
// the harness's own readings place the window on the profile's clock, whatever Baton spent starting.
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export async function profileScenario(
  ctx: RunContext,
  options: { scenario: Scenario; outDir: string },
): Promise<{ file: string; report: string }> {
  const { scenario, outDir } = options;
  const profileDir = join(ctx.workDir, `${scenario.name}-profile`);
  mkdirSync(profileDir, { recursive: true });
  const cleanUp = await prepareScenarioData(scenario);
  const server = await startSide(ctx, { scenario, side: "baton", nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] });
  let measured: string;
  let measuredWindow: AbsoluteWindow = { fromUs: 0, toUs: 0 };
  try {
    const probe = await ctx.driver.call("probe", { target: server, load: scenario.baton.load }, 60_000);
    if (probe.problems.length > 0) throw new Error(`the load failed: ${probe.problems.join("; ")}`);
    const run = { load: scenario.baton.load, target: server, warmupMs: ctx.warmupMs, durationMs: ctx.durationMs };
    // Only the measurement window counts: not start-up, the probe or the warm-up.
    const fromUs = monotonicUs() + ctx.warmupMs * 1000;
    const m = await ctx.driver.call("run", run, ctx.warmupMs + ctx.durationMs + 60_000);
    measuredWindow = { fromUs, toUs: Math.min(fromUs + ctx.durationMs * 1000, monotonicUs()) };
    measured = `${Math.round(m.requestsPerSecond)} req/s under the profiler, p99 ${m.latencyMs.p99.toFixed(2)} ms`;
  } finally {
    // SIGTERM lets Baton shut down and exit, which is when Node writes the profile.
    await server.stop(15_000);
    await cleanUp();
  }
  const written = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
  if (written === undefined) throw new Error(`Baton wrote no .cpuprofile into ${profileDir}`);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${scenario.name}.cpuprofile`);
  copyFileSync(join(profileDir, written), file);
  // A profile is our own V8's output; its shape is V8's documented Profile object.
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const placed = windowInProfile(profile, measuredWindow);
  const heading = `${measured}; the ${ctx.durationMs / 1000} s measurement window`;
  if (placed.kind === "outside") {
    const whole = renderProfile(summariseProfile(profile));
    return { file, report: `${heading}: NOT PROFILED, ${placed.note}; the whole profile instead:\n${whole}` };
  }
  const summary = renderProfile(summariseProfile(profile, { fromMs: placed.fromMs, toMs: placed.toMs }));
  return { file, report: `${heading}${placed.kind === "clamped" ? ` (${placed.note})` : ""}:\n${summary}` };
}
