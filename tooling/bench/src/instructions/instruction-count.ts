// Instructions per Hrana request, counted by callgrind: a CPU cost that, unlike wall-clock
// throughput, does not move when other programs share the machine. One valgrind'd process
// runs the in-process workload (instruction-workload.ts); for each mode it warms up, then the
// counters are read (callgrind_control) before and after each of several batches of N
// requests, so start-up, seeding and JIT warm-up are left out. Batches still differ by a few
// per cent (garbage collection is paced by time, which valgrind stretches): the median is the
// figure, the spread says how far to trust a difference. Usage (from tooling/bench):
//
//   node --conditions=baton-source --import tsx src/instructions/instruction-count.ts [service] [http] [ws] [--count N] [--warmup N] [--batches N]
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copySeed, writeSeedDatabase } from "../seed-database.js";
import { SRC_DIR, tsxExecArgv } from "../node-runner.js";
import type { WorkloadMode } from "./instruction-workload.js";

const MODES: readonly WorkloadMode[] = ["service", "http", "ws"];

interface Options {
  readonly modes: WorkloadMode[];
  readonly count: number;
  readonly warmup: number;
  readonly batches: number;
}

function parse(argv: readonly string[]): Options {
  const modes: WorkloadMode[] = [];
  let count = 1_000;
  let warmup = 5_000;
  let batches = 7;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--count") count = Number(argv[++i]);
    else if (arg === "--warmup") warmup = Number(argv[++i]);
    else if (arg === "--batches") batches = Number(argv[++i]);
    else if ((MODES as readonly string[]).includes(arg)) modes.push(arg as WorkloadMode);
    else throw new Error(`unknown argument ${arg}; modes: ${MODES.join(", ")}, --count N, --warmup N, --batches N`);
  }
  if (!(count > 0 && warmup >= 0 && batches > 0)) throw new Error("--count and --batches must be positive, --warmup not negative");
  return { modes: modes.length > 0 ? modes : [...MODES], count, warmup, batches };
}

/** Instructions executed so far by every thread of a callgrind run. */
function instructionsSoFar(pid: number): number {
  const status = execFileSync("callgrind_control", ["-e", "Ir", String(pid)], { encoding: "utf8" });
  let total = 0;
  for (const match of status.matchAll(/^\s*Th\s+\d+\s+([\d,]+)\s*$/gm)) total += Number((match[1] ?? "0").replaceAll(",", ""));
  if (total === 0) throw new Error(`no counters in callgrind_control's answer:\n${status}`);
  return total;
}

/** Resolves when the child has printed `line` (one of its progress marks). */
function waitFor(child: ChildProcessWithoutNullStreams, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString("utf8");
      if (!seen.includes(`${line}\n`)) return;
      child.stdout.off("data", onData);
      child.off("exit", onExit);
      resolve();
    };
    const onExit = (code: number | null): void => reject(new Error(`the workload exited (${String(code)}) before "${line}"`));
    child.stdout.on("data", onData);
    child.once("exit", onExit);
  });
}

const thousands = (n: number): string => Math.round(n / 1000).toLocaleString("en-US");

/** One line per mode: the median, and the range over batches, in thousands of instructions. */
function report(mode: WorkloadMode, perRequest: readonly number[]): string {
  const sorted = [...perRequest].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const range = `${thousands(sorted[0] ?? 0)}–${thousands(sorted[sorted.length - 1] ?? 0)}`;
  return `${mode.padEnd(8)} ${thousands(median).padStart(6)} k instructions/request (batches: ${range} k; ${perRequest.map(thousands).join(" ")})`;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), "baton-instr-"));
  try {
    const seed = join(work, "seed.db");
    writeSeedDatabase(seed);
    const dataDir = join(work, "data");
    copySeed({ seed, dir: dataDir, namespaces: ["default"] });
    const child = spawn(
      "valgrind",
      [
        "--tool=callgrind",
        `--callgrind-out-file=${join(work, "callgrind.out")}`,
        process.execPath,
        // One V8 thread (no concurrent JIT or GC helpers), so the counts repeat run to run.
        "--predictable",
        "--predictable-gc-schedule",
        "--conditions=baton-source",
        ...tsxExecArgv(),
        join(SRC_DIR, "instructions", "instruction-workload.ts"),
        dataDir,
        String(options.count),
        String(options.warmup),
        String(options.batches),
        ...options.modes,
      ],
      { env: { ...process.env, NODE_ENV: "production" } },
    );
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    try {
      for (const mode of options.modes) {
        const perRequest: number[] = [];
        for (let batch = 0; batch < options.batches; batch++) {
          await waitFor(child, `ready ${mode} ${batch}`);
          const before = instructionsSoFar(child.pid ?? 0);
          child.stdin.write("go\n");
          await waitFor(child, `done ${mode} ${batch}`);
          perRequest.push((instructionsSoFar(child.pid ?? 0) - before) / options.count);
          child.stdin.write("next\n");
        }
        console.log(report(mode, perRequest));
      }
    } catch (error) {
      child.kill();
      throw new Error(`${(error as Error).message}\n${errors.split("\n").filter((line) => !line.startsWith("==")).join("\n")}`);
    }
    await new Promise((resolve) => child.once("exit", resolve));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
