// Starts a real Baton server on a random port over a fresh temporary data directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseStartArgs, startBaton, type RunningBaton } from "../../src/index.js";

export interface TestServer extends RunningBaton {
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * `args` are `baton start` flags (e.g. `["--stream-idle-timeout", "300"]`) and an optional STORE,
 * or a function giving them for the server's data directory (for a STORE inside it); bind and
 * data are chosen here.
 */
export async function startTestServer(
  args: readonly string[] | ((dataDir: string) => readonly string[]) = [],
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "baton-test-"));
  const given = typeof args === "function" ? args(dataDir) : args;
  const quiet = { info: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => console.error(m, e) };
  let running: RunningBaton;
  try {
    const config = parseStartArgs(["--bind", "127.0.0.1:0", "--data", dataDir, ...given], {});
    running = await startBaton(config, quiet);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...running,
    dataDir,
    async close() {
      await running.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
