// Starts the server a side names: the built Baton CLI in production mode, or a baseline script.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { batonCliPath, SRC_DIR, tsxExecArgv } from "../node-runner.js";
import type { ServerSpec } from "../scenario.js";
import { copySeed } from "../seed-database.js";
import { ServerProcess } from "./server-process.js";

export interface StartServerOptions {
  readonly spec: ServerSpec;
  readonly dataDir: string;
  /** Extra Node flags (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
}

/** `spec` with `extra` appended to Baton's arguments (baselines are left alone). */
export function withBatonArgs(spec: ServerSpec, extra: readonly string[]): ServerSpec {
  return spec.kind === "baton" && extra.length > 0 ? { ...spec, args: [...(spec.args ?? []), ...extra] } : spec;
}

export function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const { spec, dataDir } = options;
  const nodeArgs = options.nodeArgs ?? [];
  const bind = ["--bind", "127.0.0.1:0", "--data", dataDir];
  switch (spec.kind) {
    case "baton": {
      const cli = batonCliPath();
      if (!existsSync(cli)) {
        throw new Error(`${cli} is missing: build Baton first (\`pnpm bench\` at the repository root builds it)`);
      }
      return ServerProcess.start({
        label: "Baton",
        args: [...nodeArgs, cli, "start", ...bind, ...(spec.args ?? [])],
        env: { NODE_ENV: "production" },
        ready: /Hrana over HTTP at (http:\/\/\S+)/,
      });
    }
    case "baseline":
      return ServerProcess.start({
        label: `baseline ${spec.script}`,
        args: [...tsxExecArgv(), ...nodeArgs, join(SRC_DIR, "baselines", `${spec.script}.ts`), ...bind, ...(spec.args ?? [])],
        env: { NODE_ENV: "production" },
        ready: /listening at (http:\/\/\S+)/,
      });
  }
}

/** Copies the seed into `dataDir` as the given namespaces, then starts the server on it. */
export function startOnSeed(
  options: StartServerOptions & { readonly seed: string; readonly namespaces: readonly string[] },
): Promise<ServerProcess> {
  copySeed({ seed: options.seed, dir: options.dataDir, namespaces: options.namespaces });
  return startServer(options);
}
