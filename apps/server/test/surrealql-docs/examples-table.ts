// Renders docs/surrealql-examples.md from the examples' data, so the table and the suite cannot
// drift apart (examples-table.test.ts checks the file; UPDATE_DOCS=1 rewrites it).
import type { DocExample, Family } from "./doc-example-types.js";

/** Where the rendered table lives, relative to the repository root. */
export const TABLE_PATH = "docs/surrealql-examples.md";

const MAX_QUERY = 110;

/** A table cell: one line, pipes escaped, backticks kept out of code spans. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

function querySnippet(query: string): string {
  const line = query.replace(/\s+/g, " ").trim();
  const short = line.length > MAX_QUERY ? `${line.slice(0, MAX_QUERY - 1)}…` : line;
  // A double-backtick span holds the query's own backticks.
  return `\`\` ${cell(short)} \`\``;
}

function verdict(example: DocExample): "passes" | "differs" | "fails" {
  if (example.fails !== undefined || Object.keys(example.failsOn ?? {}).length > 0) return "fails";
  return example.differs === undefined ? "passes" : "differs";
}

function resultCell(example: DocExample): string {
  if (example.fails !== undefined) return `fails: ${cell(example.fails)}`;
  const on = Object.entries(example.failsOn ?? {});
  if (on.length > 0) return on.map(([backend, why]) => `fails on ${backend}: ${cell(why)}`).join("; ");
  if (example.differs !== undefined) return `differs: ${cell(example.differs)}`;
  return "passes";
}

/** The whole Markdown page. */
export function renderExamplesTable(examples: readonly DocExample[]): string {
  const families = [...new Set(examples.map((example) => example.family))];
  const count = (family: Family | undefined, which: ReturnType<typeof verdict>) =>
    examples.filter((example) => (family === undefined || example.family === family) && verdict(example) === which).length;
  const summaryRow = (label: string, family?: Family) => {
    const total = examples.filter((example) => family === undefined || example.family === family).length;
    return `| ${label} | ${total} | ${count(family, "passes")} | ${count(family, "differs")} | ${count(family, "fails")} |`;
  };
  const page = (example: DocExample) => example.doc.replace("https://surrealdb.com/docs/surrealql/", "");
  return [
    "# SurrealDB's documentation examples on Baton",
    "",
    "Examples from SurrealDB's own documentation (the SurrealQL statement and function pages), each",
    "run through Baton's RPC `query` method in a namespace of its own and compared with the documented",
    "result. Generated from `apps/server/test/surrealql-docs/doc-examples.ts` by",
    "`UPDATE_DOCS=1 npx vitest run test/surrealql-docs/examples-table.test.ts` (in `apps/server`);",
    "that test fails when this page and the data disagree. The suite runs on SQLite over WebSocket,",
    "PostgreSQL over HTTP and MariaDB over WebSocket, in CBOR; a failing example runs as an expected",
    "failure, so a fix in Baton shows up as a test to update.",
    "",
    "Results: **passes** (the documented result, compared exactly, or by shape where the database",
    "generates ids, times or random values), **differs** (the documented result in substance; how it",
    "differs is said), **fails** (what Baton answers instead, and the suspected cause).",
    "",
    "## Summary",
    "",
    "| Family | Examples | Pass | Differ | Fail |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...families.map((family) => summaryRow(family, family)),
    summaryRow("**All**"),
    "",
    "## Examples",
    "",
    "| Statement | Example | Doc | Result on Baton |",
    "| --- | --- | --- | --- |",
    ...examples.map(
      (example) => `| ${cell(example.family)} | \`${example.id}\`: ${querySnippet(example.query)} | [${page(example)}](${example.doc}) | ${resultCell(example)} |`,
    ),
    "",
  ].join("\n");
}
