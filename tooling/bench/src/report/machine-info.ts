// The machine a run measured, recorded with its numbers.
import { cpus, platform, release, totalmem } from "node:os";
import type { MachineInfo } from "../bench-results.js";
import { openFileLimit } from "../proc-stats.js";

export function machineInfo(): MachineInfo {
  const all = cpus();
  return {
    cpus: all.length,
    cpuModel: all[0]?.model ?? "unknown",
    memoryBytes: totalmem(),
    node: process.version,
    platform: platform(),
    kernel: release(),
    openFileLimit: openFileLimit(),
  };
}
