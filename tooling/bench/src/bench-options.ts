// The command line of `pnpm bench`.
import { join, resolve } from "node:path";
import { PACKAGE_DIR } from "./node-runner.js";

export const USAGE = `Usage: pnpm bench [SCENARIO…] [options]

Runs Baton (built, production mode) and a bare baseline doing the same SQLite work side by side,
alternating A/B for several rounds, and prints Baton/baseline ratios. SCENARIO is a name, a
prefix (hrana-http, memory) or a * glob; none runs everything.

  --rounds N          A/B rounds per scenario (default 5)
  --duration S        measured seconds per side and round (default 3)
  --warmup S          warm-up seconds before each measurement (default 1)
  --memory-count N    idle connections / streams the memory probes open (default 10000)
  --quick             1 round × 1 s, 0.5 s warm-up, 1000 idle items: a smoke run, not a measurement
  --out FILE          raw results as JSON (default tooling/bench/results/latest.json)
  --no-out            do not write the JSON file
  --baton-arg ARG     pass ARG to \`baton start\` too (repeat it), e.g. --baton-arg=--pool-size=8,
                      to compare a setting against the same baseline
  --profile           instead of A/B rounds, run Baton's side once under --cpu-prof and print the
                      top costs; profiles go to tooling/bench/results/profiles/
  --list              list the scenarios and memory probes
  --help              this text`;

export interface BenchOptions {
  readonly patterns: readonly string[];
  readonly rounds: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly memoryCount: number;
  /** undefined: do not write. */
  readonly outFile: string | undefined;
  /** Extra arguments for `baton start`. */
  readonly batonArgs: readonly string[];
  readonly profile: boolean;
  readonly list: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const DEFAULT_OUT = join(PACKAGE_DIR, "results", "latest.json");

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} needs a positive number`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const patterns: string[] = [];
  const batonArgs: string[] = [];
  let quick = false;
  const given: { rounds?: number; duration?: number; warmup?: number; memoryCount?: number } = {};
  let outFile: string | undefined = DEFAULT_OUT;
  const flags = { profile: false, list: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const [flag, inline] = arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--rounds":
        given.rounds = Math.round(positive(flag, value()));
        break;
      case "--duration":
        given.duration = positive(flag, value());
        break;
      case "--warmup":
        given.warmup = positive(flag, value());
        break;
      case "--memory-count":
        given.memoryCount = Math.round(positive(flag, value()));
        break;
      case "--out":
        outFile = resolve(value() ?? "");
        break;
      case "--baton-arg":
        batonArgs.push(value() ?? "");
        break;
      case "--no-out":
        outFile = undefined;
        break;
      case "--quick":
        quick = true;
        break;
      case "--profile":
      case "--list":
      case "--help":
        flags[flag.slice(2) as keyof typeof flags] = true;
        break;
      case "-h":
        flags.help = true;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}`);
        patterns.push(arg);
    }
  }
  return {
    patterns,
    rounds: given.rounds ?? (quick ? 1 : 5),
    durationMs: (given.duration ?? (quick ? 1 : 3)) * 1000,
    warmupMs: (given.warmup ?? (quick ? 0.5 : 1)) * 1000,
    memoryCount: given.memoryCount ?? (quick ? 1000 : 10_000),
    outFile,
    batonArgs,
    ...flags,
  };
}
