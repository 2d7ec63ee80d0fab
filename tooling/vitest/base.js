// Shared vitest settings: resolve workspace packages to their TypeScript source and
// write a JSON report per package so the root test command can print one summary line.
import { defineConfig } from "vitest/config";
import { basename, resolve } from "node:path";

const sourceConditions = ["baton-source", "node", "import", "module", "default"];
// Vite's own server conditions plus ours. Not "import": vitest hands these to its workers as
// `node --conditions …`, and with "import" there, require() inside CommonJS packages (pg) picks
// ESM wrappers and fails. Vite adds import/require by itself where they belong.
const serverConditions = ["baton-source", "module", "node", "development|production"];

/** Vitest config for the package whose directory is `dir`. */
export function packageConfig(dir, overrides = {}) {
  const name = basename(dir);
  return defineConfig({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: serverConditions, externalConditions: ["baton-source"] } },
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      environment: "node",
      pool: "forks",
      testTimeout: 30_000,
      hookTimeout: 30_000,
      reporters: ["default", "json"],
      outputFile: { json: resolve(dir, "../../.test-reports", `${name}.json`) },
      ...overrides,
    },
  });
}
