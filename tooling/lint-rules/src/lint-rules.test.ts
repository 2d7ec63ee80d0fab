// Lints small snippets against the real root eslint.config.js, so the layering rules (README.md, Layout)
// and the import-cycle check cannot silently stop firing after a config edit.
import { ESLint, type Linter } from "eslint";
import { resolve } from "node:path";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");

// The typed rules need the linted file on disk inside a tsconfig; the probes below are virtual
// files (some packages have no source yet), and the rules under test need no type information.
const untyped = tseslint.configs.disableTypeChecked as Linter.Config;

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfig: untyped });
});

/** Lints `code` as if it lived at `filePath` (relative to the repo root); returns its errors. */
async function errorsFor(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error(`no lint result for ${filePath}`);
  return result.messages.filter((m) => m.severity === 2);
}

function expectRestricted(messages: Linter.LintMessage[], count = 1) {
  const restricted = messages.filter((m) => m.ruleId === "no-restricted-imports");
  expect(restricted, JSON.stringify(messages, null, 2)).toHaveLength(count);
  for (const m of restricted) expect(m.message).toContain("README.md");
}

describe("layering: session-core", () => {
  const file = "packages/session-core/src/lint-probe.ts";

  it("rejects sockets and database drivers, type-only imports included", async () => {
    expectRestricted(await errorsFor(file, `import "ws";\n`));
    expectRestricted(await errorsFor(file, `import "node:http";\n`));
    expectRestricted(await errorsFor(file, `import "node:net";\n`));
    expectRestricted(await errorsFor(file, `import type { Database } from "better-sqlite3";\nexport type { Database };\n`));
    expectRestricted(await errorsFor(file, `import "pg";\nimport "mysql2/promise";\nimport "@libsql/client";\nimport "kysely";\n`), 4);
  });

  it("rejects the layers below it", async () => {
    const messages = await errorsFor(file, `import "@baton/server-node";\nexport * from "@baton/hrana";\n`);
    expectRestricted(messages, 2);
    expect(messages[0]?.message).toContain("@baton/session-core may import only the layers above it");
  });

  it("accepts the layers above it and its own files", async () => {
    expect(await errorsFor(file, `import "@baton/protocol-types";\nimport "@baton/codecs";\nimport "./http-stream-registry.js";\n`)).toEqual([]);
  });
});

describe("layering: hrana", () => {
  const file = "packages/hrana/src/lint-probe.ts";

  it("rejects transports and drivers", async () => {
    expectRestricted(await errorsFor(file, `import "ws";\nimport "node:http";\nimport "net";\nimport "kysely";\n`), 4);
  });

  it("rejects the layers below it", async () => {
    expectRestricted(await errorsFor(file, `import "@baton/server-node";\nimport "@baton/server";\n`), 2);
  });

  it("accepts every layer above it, and its own ws/ and http/ folders", async () => {
    const code = [
      `import "@baton/protocol-types/hrana";`,
      `import "@baton/codecs";`,
      `import "@baton/session-core";`,
      `import "@baton/adapters-kysely";`,
      `import "./ws/frames.js";`,
      `import "./http/pipeline.js";`,
      "",
    ].join("\n");
    expect(await errorsFor(file, code)).toEqual([]);
  });
});

describe("layering: protocol-types", () => {
  const file = "packages/protocol-types/src/lint-probe.ts";

  it("imports no other Baton package, socket or driver", async () => {
    expectRestricted(await errorsFor(file, `import "@baton/codecs";\nimport "@baton/session-core";\n`), 2);
    expectRestricted(await errorsFor(file, `import "ws";\nimport "better-sqlite3";\n`), 2);
  });

  it("accepts TypeBox and its own files", async () => {
    expect(await errorsFor(file, `import "@sinclair/typebox";\nimport "./hrana/index.js";\n`)).toEqual([]);
  });
});

describe("layering: every package", () => {
  it("rejects ./internal/* subpaths and relative imports into another package", async () => {
    const file = "apps/server/src/lint-probe.ts";
    expectRestricted(await errorsFor(file, `import "@baton/hrana/internal/dispatch.js";\n`));
    const relative = await errorsFor(file, `import "../../../packages/codecs/src/index.js";\n`);
    expectRestricted(relative);
  });

  it("lets the transport import ws and node:http", async () => {
    const file = "packages/server-node/src/lint-probe.ts";
    expect(await errorsFor(file, `import "ws";\nimport "node:http";\nimport "@baton/hrana";\n`)).toEqual([]);
  });
});

describe("import cycles", () => {
  it("reports a cycle between two files that import each other by their .js names", async () => {
    // The fixtures are in the global ignores; lint them explicitly.
    const cycles = new ESLint({ cwd: repoRoot, overrideConfig: untyped, ignore: false });
    const results = await cycles.lintFiles(["tooling/lint-rules/fixtures/cycle/cycle-a.ts", "tooling/lint-rules/fixtures/cycle/cycle-b.ts"]);
    expect(results).toHaveLength(2);
    for (const result of results) {
      const rules = result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
      expect(rules, result.filePath).toEqual(["import-x/no-cycle"]);
    }
  });
});

/** The severity (0, 1, 2) of `rule` in a computed config; calculateConfigForFile normalises to numbers. */
function severity(config: Linter.Config, rule: string): unknown {
  const entry = config.rules?.[rule];
  return Array.isArray(entry) ? entry[0] : entry;
}

describe("the rest of the house rules", () => {
  it("apply to package sources, with tests relaxed only where intended", async () => {
    const full = new ESLint({ cwd: repoRoot });
    const source = (await full.calculateConfigForFile("packages/hrana/src/lint-probe.ts")) as Linter.Config;
    expect(severity(source, "@typescript-eslint/switch-exhaustiveness-check")).toBe(2);
    expect(source.rules?.["max-params"]).toEqual([2, 3]);
    expect(severity(source, "@typescript-eslint/no-explicit-any")).toBe(2);
    expect(severity(source, "@typescript-eslint/consistent-type-imports")).toBe(2);
    expect(severity(source, "import-x/no-cycle")).toBe(2);

    const test = (await full.calculateConfigForFile("packages/hrana/src/lint-probe.test.ts")) as Linter.Config;
    expect(severity(test, "max-params")).toBe(0);
    expect(severity(test, "import-x/no-cycle")).toBe(2);
    expect(severity(test, "no-restricted-imports")).toBe(2);
  });
});
