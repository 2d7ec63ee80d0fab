// The timed part of a load run: after the warm-up, count successes and failures, record
// latencies, and read the server's and our own CPU time at both ends.
import { setTimeout as sleep } from "node:timers/promises";
import { cpuSeconds, machineBusySeconds } from "../proc-stats.js";
import type { LoadRun, SideMeasurement } from "../scenario.js";
import { LatencyHistogram } from "./latency-histogram.js";

export class MeasurementWindow {
  /** True between the end of the warm-up and the end of the run; hot paths check it. */
  open = false;
  readonly latencies = new LatencyHistogram();
  errors = 0;
  readonly #run: LoadRun;

  constructor(run: LoadRun) {
    this.#run = run;
  }

  /** A request answered successfully after `ms`. */
  success(ms: number): void {
    if (this.open) this.latencies.record(ms);
  }

  failure(): void {
    if (this.open) this.errors++;
  }

  /** Waits out the warm-up, measures for the run's duration, and reports. */
  async measure(): Promise<SideMeasurement> {
    const { warmupMs, durationMs, target } = this.#run;
    await sleep(warmupMs);
    const server0 = cpuSeconds(target.pid);
    const load0 = process.cpuUsage();
    const machine0 = machineBusySeconds();
    const t0 = performance.now();
    this.open = true;
    await sleep(durationMs);
    this.open = false;
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = cpuSeconds(target.pid) - server0;
    const load = process.cpuUsage(load0);
    const machine = machineBusySeconds() - machine0;
    const loadSeconds = (load.user + load.system) / 1e6;
    const requests = this.latencies.count;
    return {
      requests,
      errors: this.errors,
      seconds,
      requestsPerSecond: requests / seconds,
      latencyMs: this.latencies.summary(),
      serverCores: serverCpu / seconds,
      loadCores: loadSeconds / seconds,
      otherCores: Math.max(0, machine - serverCpu - loadSeconds) / seconds,
      serverCpuUsPerRequest: requests === 0 ? 0 : (serverCpu * 1e6) / requests,
    };
  }
}
