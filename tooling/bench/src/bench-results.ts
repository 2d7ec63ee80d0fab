// The shape of a run's results: what the table prints and `results/latest.json` holds.
import type { PerRequest, SideMeasurement, SideName } from "./scenario.js";
import type { Spread } from "./report/statistics.js";

export interface RoundResult {
  readonly round: number;
  /** Which side ran first this round (the order alternates). */
  readonly order: readonly SideName[];
  readonly baseline: SideMeasurement;
  readonly baton: SideMeasurement;
  /** Baton's requests/s over the baseline's, this round. */
  readonly ratio: number;
}

export interface SideSummary {
  readonly requestsPerSecond: Spread;
  /** Medians over the rounds of each round's percentile. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly serverCpuUsPerRequest: number;
  readonly serverCores: number;
  readonly loadCores: number;
  /** Median busy cores outside the server and the load process (see SideMeasurement). */
  readonly otherCores: number;
  readonly errors: number;
}

export interface ScenarioSummary {
  readonly baseline: SideSummary;
  readonly baton: SideSummary;
  /** The per-round ratios (each round's two sides ran back to back): median and range. */
  readonly ratio: Spread;
  /** median(Baton req/s) / median(baseline req/s). */
  readonly ratioOfMedians: number;
  /** Baton's server CPU per request over the baseline's (medians): above 1 means Baton works harder. */
  readonly cpuPerRequestRatio: number;
}

export interface ScenarioResult {
  readonly name: string;
  readonly title: string;
  readonly perRequest?: PerRequest;
  readonly rounds: readonly RoundResult[];
  /** Absent when the scenario could not be measured (see `problems`). */
  readonly summary?: ScenarioSummary;
  readonly problems: readonly string[];
  /** One answer of each side, shortened, to show what was measured. */
  readonly samples: { readonly baseline: readonly string[]; readonly baton: readonly string[] };
}

/** RSS growth per idle item (connection or stream), measured by opening `count` of them. */
export interface IdleMemoryReading {
  readonly kind: "idle";
  readonly count: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
  /** (rssAfter − rssBefore) / count. */
  readonly bytesPerItem: number;
  /** Least-squares slope of RSS over the stepwise readings, a second estimate. */
  readonly slopeBytesPerItem: number;
  readonly steps: readonly { readonly count: number; readonly rss: number }[];
}

/** Peak RSS while one large response was produced and read. */
export interface PeakMemoryReading {
  readonly kind: "peak";
  readonly rssBefore: number;
  readonly peak: number;
  readonly growth: number;
  readonly responseBytes: number;
  readonly ms: number;
  /** "VmHWM" when the kernel's peak could be reset before the request, else "sampled" (every 5 ms). */
  readonly method: "VmHWM" | "sampled";
}

export type MemoryReading = IdleMemoryReading | PeakMemoryReading;

export interface MemoryResult {
  readonly name: string;
  readonly title: string;
  readonly baton?: MemoryReading;
  /** The same measurement on the bare baseline server, where it means something. */
  readonly baseline?: MemoryReading;
  readonly notes: readonly string[];
  readonly problems: readonly string[];
}

export interface TargetResult {
  readonly name: string;
  /** e.g. "≥ 0.70". */
  readonly goal: string;
  /** The measured value, formatted; "not measured" when its scenario did not run. */
  readonly measured: string;
  /** null when not measured or when the target only asks for a report. */
  readonly met: boolean | null;
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
  readonly kernel: string;
  readonly openFileLimit: number;
}

export interface BenchResults {
  readonly date: string;
  readonly machine: MachineInfo;
  readonly settings: {
    readonly rounds: number;
    readonly warmupMs: number;
    readonly durationMs: number;
    readonly memoryCount: number;
    readonly batonArgs: readonly string[];
  };
  readonly scenarios: readonly ScenarioResult[];
  readonly memory: readonly MemoryResult[];
  readonly targets: readonly TargetResult[];
  readonly seconds: number;
}
