#!/usr/bin/env node
// Sums the vitest JSON reports in .test-reports/ (one per package, written by
// @baton/vitest-config) and prints, as the very last line, the line CI reads:
//   tests: N passed, M failed, K skipped
// Exits 1 if a test or test file failed, if no report exists, or if no test ran.
//
// Options (the root `test` script passes the first two):
//   --require-all          every workspace package with a `test` script must have a report
//   --tasks-exit-code=N    turbo's exit code; non-zero fails the run even if all tests passed
//   --reports-dir=DIR      read reports from DIR instead of <repo>/.test-reports
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const reportDir = resolve(option("reports-dir") ?? join(repoRoot, ".test-reports"));
const requireAll = args.includes("--require-all");
const tasksExitCode = Number(option("tasks-exit-code") ?? 0);

/** Workspace package directories (from pnpm-workspace.yaml `dir/*` globs) whose package.json has a test script. */
function packagesWithTests() {
  const yaml = readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8");
  const globs = [...yaml.matchAll(/^\s*-\s*["']?([\w.-]+)\/\*["']?\s*$/gm)].map((m) => m[1]);
  const dirs = [];
  for (const parent of globs) {
    const parentDir = join(repoRoot, parent);
    if (!existsSync(parentDir)) continue;
    for (const entry of readdirSync(parentDir, { withFileTypes: true })) {
      const manifest = join(parentDir, entry.name, "package.json");
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, "utf8"));
      if (pkg.scripts?.test) dirs.push({ dir: `${parent}/${entry.name}`, name: pkg.name ?? entry.name });
    }
  }
  return dirs;
}

/** Counts and notable test names for one vitest JSON report. */
function readReport(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  const failed = [];
  const skipped = [];
  for (const suite of report.testResults ?? []) {
    const where = relative(repoRoot, suite.name ?? "?");
    const tests = suite.assertionResults ?? [];
    for (const test of tests) {
      if (test.status === "failed") failed.push(`${where} > ${test.fullName}`);
      else if (test.status !== "passed") skipped.push(`${where} > ${test.fullName} [${test.status}]`);
    }
    // A file that fails to import, or a failing beforeAll/afterAll, fails the run with no failed test.
    if (suite.status === "failed" && !tests.some((t) => t.status === "failed")) {
      counts.failed += 1;
      failed.push(`${where} (the file failed: ${firstLine(suite.message) || "see the vitest output above"})`);
    }
  }
  return { counts, failed, skipped };
}

function firstLine(text) {
  return String(text ?? "").split("\n")[0].trim();
}

const files = existsSync(reportDir)
  ? readdirSync(reportDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];

const total = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skips = [];
const problems = [];
const rows = [];

for (const file of files) {
  const name = basename(file, ".json");
  try {
    const { counts, failed, skipped } = readReport(join(reportDir, file));
    rows.push([name, counts]);
    if (counts.passed + counts.failed + counts.skipped === 0) {
      problems.push(`${name}: its report holds no tests (vitest fails a package that has no test files)`);
    }
    for (const key of Object.keys(total)) total[key] += counts[key];
    failures.push(...failed.map((t) => `${name}: ${t}`));
    skips.push(...skipped.map((t) => `${name}: ${t}`));
  } catch (error) {
    total.failed += 1;
    problems.push(`unreadable report ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

if (requireAll) {
  const reported = new Set(files.map((f) => basename(f, ".json")));
  for (const { dir, name } of packagesWithTests()) {
    // @baton/vitest-config names each report after the package directory.
    if (!reported.has(basename(dir))) problems.push(`no test report from ${name} (${dir}): its tests did not run or crashed first`);
  }
}

console.log("");
console.log(`Test summary (${relative(repoRoot, reportDir) || "."}/*.json)`);
const width = Math.max(8, ...rows.map(([name]) => name.length));
for (const [name, c] of rows) {
  console.log(`  ${name.padEnd(width)}  ${String(c.passed).padStart(4)} passed  ${String(c.failed).padStart(3)} failed  ${String(c.skipped).padStart(3)} skipped`);
}
if (files.length === 0) problems.push(`no test reports in ${relative(repoRoot, reportDir) || "."}/: did any test task run?`);
if (skips.length > 0) {
  console.log("Skipped (each name should say why):");
  for (const line of skips) console.log(`  ↓ ${line}`);
}
// Failures come after the (long) list of skips, so the tail of a CI log shows them.
if (failures.length > 0) {
  console.log("Failed:");
  for (const line of failures) console.log(`  ✗ ${line}`);
}
const testsTotal = total.passed + total.failed + total.skipped;
if (files.length > 0 && testsTotal === 0) problems.push("the reports hold no tests at all");
if (tasksExitCode !== 0) problems.push(`turbo exited with ${tasksExitCode}: a codegen:check, lint, typecheck or test task failed (see its output above)`);
for (const line of problems) console.log(`  ! ${line}`);

const ok = total.failed === 0 && problems.length === 0 && testsTotal > 0;
// CI reads this exact line; it must stay the last line of output.
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = ok ? 0 : 1;
