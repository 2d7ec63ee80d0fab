// The harness's handle on its load process: start it, call an operation, stop it.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { SRC_DIR, tsxExecArgv } from "../node-runner.js";
import { isDriverReply, type DriverOp, type DriverOps } from "./driver-protocol.js";

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class LoadDriver {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #exited = false;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on("message", (message: unknown) => {
      if (!isDriverReply(message)) return;
      const pending = this.#pending.get(message.id);
      if (pending === undefined) return;
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(`load process: ${message.error}`));
    });
    child.once("exit", (code, signal) => {
      this.#exited = true;
      for (const pending of this.#pending.values()) {
        clearTimeout(pending.timer);
        pending.reject(new Error(`the load process exited (${signal ?? code})`));
      }
      this.#pending.clear();
    });
  }

  /** Starts the load process and waits until it can take calls. */
  static async start(): Promise<LoadDriver> {
    const child = fork(join(SRC_DIR, "load", "load-driver.ts"), [], {
      execArgv: tsxExecArgv(),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", reject);
    });
    return new LoadDriver(child);
  }

  get pid(): number {
    return this.#child.pid ?? -1;
  }

  /** Runs one operation; rejects if it takes longer than `timeoutMs`. */
  call<K extends DriverOp>(op: K, args: DriverOps[K]["args"], timeoutMs: number): Promise<DriverOps[K]["result"]> {
    if (this.#exited) return Promise.reject(new Error("the load process is not running"));
    const id = this.#nextId++;
    return new Promise<DriverOps[K]["result"]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`load operation ${op} did not finish within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      // The reply comes from our own load process, which answers `op` with its result type.
      this.#pending.set(id, { resolve: (value) => resolve(value as DriverOps[K]["result"]), reject, timer });
      this.#child.send({ id, op, args });
    });
  }

  async stop(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#child.once("exit", () => resolve()));
    this.#child.disconnect();
    const kill = setTimeout(() => this.#child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(kill);
  }
}
