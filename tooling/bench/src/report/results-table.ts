// The run's results as text: the ratio table, memory, targets.
import type { BenchResults, MemoryReading, ScenarioResult } from "../bench-results.js";
import { formatBytes, formatCount, formatMs, formatPercent, formatTable } from "./format.js";

function scenarioRow(result: ScenarioResult): string[] {
  const s = result.summary;
  if (s === undefined) return [result.name, "FAILED", "", "", "", "", "", "", "", ""];
  const rate = result.perRequest === undefined ? "" : `${formatCount(s.baton.requestsPerSecond.median * result.perRequest.count)} ${result.perRequest.unit}/s`;
  return [
    result.name,
    `${formatCount(s.baseline.requestsPerSecond.median)} ±${formatPercent(s.baseline.requestsPerSecond.spread / 2)}`,
    `${formatCount(s.baton.requestsPerSecond.median)} ±${formatPercent(s.baton.requestsPerSecond.spread / 2)}`,
    `${s.ratio.median.toFixed(2)} (${s.ratio.min.toFixed(2)}–${s.ratio.max.toFixed(2)})`,
    `${formatMs(s.baseline.p50Ms)} / ${formatMs(s.baseline.p99Ms)}`,
    `${formatMs(s.baton.p50Ms)} / ${formatMs(s.baton.p99Ms)}`,
    `${s.baseline.serverCpuUsPerRequest.toFixed(1)} / ${s.baton.serverCpuUsPerRequest.toFixed(1)}`,
    (1 / s.cpuPerRequestRatio).toFixed(2),
    rate,
    `${s.baseline.otherCores.toFixed(2)} / ${s.baton.otherCores.toFixed(2)}`,
  ];
}

function memoryCell(reading: MemoryReading | undefined): string {
  if (reading === undefined) return "–";
  if (reading.kind === "idle") {
    return `${formatBytes(reading.bytesPerItem)} each (slope ${formatBytes(reading.slopeBytesPerItem)}; ${formatCount(reading.count)} opened)`;
  }
  return `+${formatBytes(reading.growth)} peak over ${formatBytes(reading.rssBefore)} (${formatBytes(reading.responseBytes)} response, ${Math.round(reading.ms)} ms)`;
}

export function renderResults(results: BenchResults): string {
  const { machine, settings } = results;
  const out: string[] = [];
  out.push(
    `Baton vs bare baseline: ${settings.rounds} round(s) × ${settings.durationMs / 1000} s ` +
      `(${settings.warmupMs / 1000} s warm-up), ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, ${results.date}`,
  );
  if (settings.batonArgs.length > 0) out.push(`Baton started with: ${settings.batonArgs.join(" ")}`);
  if (results.scenarios.length > 0) {
    out.push("");
    out.push(
      formatTable([
        ["scenario", "baseline req/s", "Baton req/s", "Baton/baseline", "base p50/p99 ms", "Baton p50/p99 ms", "CPU µs/req base/Baton", "CPU ratio", "Baton rate", "other cores base/Baton"],
        ...results.scenarios.map(scenarioRow),
      ]),
    );
    out.push("req/s: median of the rounds ± half their range; Baton/baseline: median of the per-round ratios (range);");
    out.push("latencies: medians of each round's percentile; CPU: server CPU time per answered request; CPU ratio:");
    out.push("baseline CPU per request / Baton's (what the throughput ratio would be if both servers were CPU-bound alone);");
    out.push("other cores: busy CPU outside the two measured processes (kernel networking, other programs); well above 0.3 = a shared machine.");
  }
  if (results.memory.length > 0) {
    out.push("");
    out.push(
      formatTable([
        ["memory probe", "Baton", "bare baseline"],
        ...results.memory.map((m) => [m.name, memoryCell(m.baton), memoryCell(m.baseline)]),
      ]),
    );
  }
  const problems = [
    ...results.scenarios.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`)),
    ...results.memory.flatMap((m) => m.problems.map((p) => `${m.name}: ${p}`)),
  ];
  const notes = results.memory.flatMap((m) => m.notes.map((n) => `${m.name}: ${n}`));
  if (notes.length > 0) out.push("", ...notes.map((n) => `note: ${n}`));
  const targets = results.targets.filter((t) => t.measured !== "not measured");
  if (targets.length > 0) {
    out.push("");
    out.push(
      formatTable([
        ["target", "goal", "measured", ""],
        ...targets.map((t) => [t.name, t.goal, t.measured, t.met === null ? "" : t.met ? "met" : "MISSED"]),
      ]),
    );
  }
  if (problems.length > 0) out.push("", "PROBLEMS:", ...problems.map((p) => `  ${p.slice(0, 2000)}`));
  return out.join("\n");
}
