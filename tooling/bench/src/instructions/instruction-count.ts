// Instructions per Hrana request, counted by callgrind: a CPU cost that, unlike wall-clock
// throughput, does not move when other programs share the machine. One valgrind'd process
// runs the in-process workload (instruction-workload.ts); for each mode it warms up, then the
// counters are read (callgrind_control) before and after N requests, so start-up, seeding and
// JIT warm-up are left out. Usage (from tooling/bench):
//
//   node --conditions=baton-source --import tsx src/instructions/instruction-count.ts [service] [http] [ws] [--count N] [--warmup N]
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
}

function parse(argv: readonly string[]): Options {
  const modes: WorkloadMode[] = [];
  let count = 2_000;
  let warmup = 500;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--count") count = Number(argv[++i]);
    else if (arg === "--warmup") warmup = Number(argv[++i]);
    else if ((MODES as readonly string[]).includes(arg)) modes.push(arg as WorkloadMode);
    else throw new Error(`unknown argument ${arg}; modes: ${MODES.join(", ")}, --count N, --warmup N`);
  }
  if (!(count > 0 && warmup >= 0)) throw new Error("--count must be positive, --warmup not negative");
  return { modes: modes.length > 0 ? modes : [...MODES], count, warmup };
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
        "--single-threaded",
        "--conditions=baton-source",
        ...tsxExecArgv(),
        join(SRC_DIR, "instructions", "instruction-workload.ts"),
        dataDir,
        String(options.count),
        String(options.warmup),
        ...options.modes,
      ],
      { env: { ...process.env, NODE_ENV: "production" } },
    );
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    try {
      for (const mode of options.modes) {
        await waitFor(child, `ready ${mode}`);
        const before = instructionsSoFar(child.pid ?? 0);
        child.stdin.write("go\n");
        await waitFor(child, `done ${mode}`);
        const after = instructionsSoFar(child.pid ?? 0);
        child.stdin.write("next\n");
        const perRequest = Math.round((after - before) / options.count);
        console.log(`${mode.padEnd(8)} ${perRequest.toLocaleString("en-US").padStart(10)} instructions/request (${options.count} requests after ${options.warmup} warm-up)`);
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
