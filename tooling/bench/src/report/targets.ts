// The targets, checked against one run's results.
import type { BenchResults, MemoryReading, ScenarioResult, TargetResult } from "../bench-results.js";
import { formatBytes } from "./format.js";

type Inputs = Pick<BenchResults, "scenarios" | "memory">;

const summaryOf = (inputs: Inputs, name: string) => inputs.scenarios.find((s: ScenarioResult) => s.name === name)?.summary;

function batonMemory(inputs: Inputs, name: string): MemoryReading | undefined {
  return inputs.memory.find((m) => m.name === name)?.baton;
}

const NOT_MEASURED = { measured: "not measured", met: null } as const;

function atLeast(options: { name: string; value: number | undefined; goal: number }): TargetResult {
  const { name, value, goal } = options;
  const base = { name, goal: `≥ ${goal.toFixed(2)}` };
  return value === undefined ? { ...base, ...NOT_MEASURED } : { ...base, measured: value.toFixed(2), met: value >= goal };
}

function idleBelow(options: { name: string; reading: MemoryReading | undefined; goalBytes: number }): TargetResult {
  const { name, reading, goalBytes } = options;
  const base = { name, goal: `< ${formatBytes(goalBytes)}` };
  if (reading?.kind !== "idle") return { ...base, ...NOT_MEASURED };
  return { ...base, measured: formatBytes(reading.bytesPerItem), met: reading.bytesPerItem < goalBytes };
}

export function evaluateTargets(inputs: Inputs): TargetResult[] {
  const c64 = summaryOf(inputs, "hrana-http-point-c64");
  const ws = summaryOf(inputs, "hrana-ws-point-16x16");
  const peak = batonMemory(inputs, "memory-rows100k");
  const p99 = c64?.baton.p99Ms;
  return [
    atLeast({ name: "Hrana HTTP point select, 64 connections: Baton/baseline", value: c64?.ratio.median, goal: 0.7 }),
    atLeast({ name: "Hrana WebSocket point select, 16×16: Baton/baseline", value: ws?.ratio.median, goal: 0.8 }),
    {
      name: "Hrana HTTP point select, 64 connections: Baton p99",
      goal: "< 5 ms",
      ...(p99 === undefined ? NOT_MEASURED : { measured: `${p99.toFixed(2)} ms`, met: p99 < 5 }),
    },
    idleBelow({ name: "RSS per idle Hrana WebSocket connection", reading: batonMemory(inputs, "memory-ws-idle"), goalBytes: 16 * 1024 }),
    idleBelow({ name: "RSS per idle Hrana HTTP stream", reading: batonMemory(inputs, "memory-http-stream-idle"), goalBytes: 4 * 1024 }),
    {
      name: "Peak RSS growth, 100 000-row result",
      goal: "reported",
      ...(peak?.kind === "peak" ? { measured: formatBytes(peak.growth), met: null } : NOT_MEASURED),
    },
  ];
}
