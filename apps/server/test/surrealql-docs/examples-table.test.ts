// docs/surrealql-examples.md is the rendering of the examples' data: this test fails when they disagree.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DOC_EXAMPLES } from "./doc-examples.js";
import { renderExamplesTable, TABLE_PATH } from "./examples-table.js";

const path = join(import.meta.dirname, "../../../..", TABLE_PATH);

test(`${TABLE_PATH} matches doc-examples.ts (UPDATE_DOCS=1 rewrites it)`, () => {
  const rendered = renderExamplesTable(DOC_EXAMPLES);
  if (process.env.UPDATE_DOCS === "1") writeFileSync(path, rendered);
  expect(readFileSync(path, "utf8")).toBe(rendered);
});

test("example ids are unique and every example has one expected outcome per statement at least", () => {
  const ids = DOC_EXAMPLES.map((example) => example.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const example of DOC_EXAMPLES) expect(example.expected.length, example.id).toBeGreaterThan(0);
});
