// A server under test in its own process: started, recognised as ready by its start-up log
// line, and stopped (politely, then not). Every process started here is killed if the harness exits.
import { spawn, type ChildProcess } from "node:child_process";
import type { ServerAddress } from "../scenario.js";

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export interface ServerProcessOptions {
  readonly label: string;
  readonly args: readonly string[];
  /** Matches the start-up line; group 1 is the server's base HTTP URL. */
  readonly ready: RegExp;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

const LOG_LIMIT = 16_384;

export class ServerProcess implements ServerAddress {
  readonly label: string;
  readonly httpUrl: string;
  readonly wsUrl: string;
  /** A field, not a getter: the address is sent to the load process as JSON. */
  readonly pid: number;
  readonly #child: ChildProcess;
  readonly #log: { text: string };

  private constructor(options: { label: string; child: ChildProcess; httpUrl: string; log: { text: string } }) {
    this.label = options.label;
    this.#child = options.child;
    this.httpUrl = options.httpUrl;
    this.wsUrl = options.httpUrl.replace(/^http/, "ws");
    this.#log = options.log;
    this.pid = options.child.pid ?? -1;
  }

  static start(options: ServerProcessOptions): Promise<ServerProcess> {
    const child = spawn(process.execPath, [...options.args], {
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    live.add(child);
    child.once("exit", () => live.delete(child));
    const log = { text: "" };
    return new Promise((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`${options.label} did not start within ${options.timeoutMs ?? 15_000} ms:\n${log.text}`));
      }, options.timeoutMs ?? 15_000);
      const onData = (chunk: Buffer) => {
        log.text = (log.text + chunk.toString("utf8")).slice(-LOG_LIMIT);
        const found = ready ? null : options.ready.exec(log.text);
        if (found?.[1] !== undefined) {
          ready = true;
          clearTimeout(timer);
          resolve(new ServerProcess({ label: options.label, child, httpUrl: found[1], log }));
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        if (!ready) reject(new Error(`${options.label} exited (${signal ?? code}) before it was ready:\n${log.text}`));
      });
    });
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** What the process wrote on stdout and stderr (the last 16 KiB). */
  get log(): string {
    return this.#log.text;
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.#child.once("exit", () => resolve()));
    this.#child.kill("SIGTERM");
    const kill = setTimeout(() => this.#child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(kill);
  }
}
