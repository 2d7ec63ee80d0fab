// How the harness starts its TypeScript child processes (baselines, the load process): plain
// `node` with tsx's loader, resolved from this package so the working directory does not matter.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/** Node flags that let a child run this package's `.ts` files. */
export function tsxExecArgv(): string[] {
  return ["--import", pathToFileURL(require.resolve("tsx")).href];
}

/** This package's `src/` directory. */
export const SRC_DIR = dirname(fileURLToPath(import.meta.url));

/** This package's root directory. */
export const PACKAGE_DIR = dirname(SRC_DIR);

/**
 * The built Baton CLI (`apps/server/dist/cli.js`), found through the workspace dependency, or
 * `BATON_BENCH_CLI` to measure another build (a patched copy of the repository, say) against
 * the same baselines.
 */
export function batonCliPath(): string {
  const override = process.env.BATON_BENCH_CLI;
  if (override !== undefined && override !== "") return override;
  return join(dirname(require.resolve("@baton/server/package.json")), "dist", "cli.js");
}
