// The Hrana 3 cursor endpoint over HTTP: newline-separated JSON,
// the baton first, then step_begin / row / step_end entries, step_error for a failing step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import {
  closeReq,
  execute,
  executeResult,
  expectJsonError,
  pipeline,
  postPipeline,
  queryRows,
  runStatements,
  value,
  type Wire,
} from "./pipeline-calls.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await runStatements(server.httpUrl, [
    "CREATE TABLE cur_t (a INTEGER, b TEXT)",
    "INSERT INTO cur_t VALUES (1, 'one'), (2, 'two')",
  ]);
});

afterAll(async () => {
  await server.close();
});

const step = (sql: string, condition?: unknown) => ({
  ...(condition === undefined ? {} : { condition }),
  stmt: { sql, args: [], named_args: [], want_rows: true },
});

/** POSTs to /v3/cursor and splits the body into its JSON lines. */
async function cursor(body: unknown): Promise<{ status: number; lines: Wire[] }> {
  const res = await fetch(`${server.httpUrl}/v3/cursor`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(text.endsWith("\n"), "the last line is terminated").toBe(true);
  const lines = text
    .split("\n")
    .filter((line) => line !== "")
    .map((line): Wire => JSON.parse(line));
  return { status: res.status, lines };
}

describe("POST /v3/cursor", () => {
  it("streams the baton, then step_begin / row / step_end per step and step_error for a failure", async () => {
    const { lines } = await cursor({
      baton: null,
      batch: {
        steps: [
          step("SELECT a, b FROM cur_t ORDER BY a"),
          step("SELECT * FROM cur_missing"),
          step("SELECT 'skipped'", { type: "ok", step: 1 }),
          step("SELECT 'after' AS c", { type: "error", step: 1 }),
        ],
      },
    });
    const [head, ...entries] = lines;
    expect(head).toEqual({ baton: expect.any(String), base_url: null });
    expect(entries).toEqual([
      {
        type: "step_begin",
        step: 0,
        cols: [
          { name: "a", decltype: "INTEGER" },
          { name: "b", decltype: "TEXT" },
        ],
      },
      { type: "row", row: [value.int(1), value.text("one")] },
      { type: "row", row: [value.int(2), value.text("two")] },
      { type: "step_end", affected_row_count: 0, last_insert_rowid: expect.toSatisfy((v) => v === null || typeof v === "string") },
      { type: "step_error", step: 1, error: { message: expect.any(String), code: expect.any(String) } },
      { type: "step_begin", step: 3, cols: [{ name: "c", decltype: null }] },
      { type: "row", row: [value.text("after")] },
      { type: "step_end", affected_row_count: 0, last_insert_rowid: expect.toSatisfy((v) => v === null || typeof v === "string") },
    ]);

    // The baton continues the stream in a pipeline.
    const closed = await pipeline(server.httpUrl, { baton: head.baton, requests: [closeReq] });
    expect(closed.baton).toBeNull();
  });

  it("runs on the stream of a baton, inside its transaction", async () => {
    const begun = await pipeline(server.httpUrl, { requests: [execute("BEGIN")] });
    const { lines } = await cursor({
      baton: begun.baton,
      batch: { steps: [step("INSERT INTO cur_t VALUES (3, 'three')"), step("SELECT count(*) FROM cur_t")] },
    });
    const [head, ...entries] = lines;
    expect(typeof head.baton).toBe("string");
    expect(entries[0]).toMatchObject({ type: "step_begin", step: 0 });
    expect(entries[1]).toMatchObject({ type: "step_end", affected_row_count: 1 });
    expect(entries).toContainEqual({ type: "row", row: [value.int(3)] });

    const rolledBack = await pipeline(server.httpUrl, {
      baton: head.baton,
      requests: [execute("ROLLBACK"), execute("SELECT count(*) FROM cur_t"), closeReq],
    });
    expect(executeResult(rolledBack.results[1]).rows).toEqual([[value.int(2)]]);
    expect(await queryRows(server.httpUrl, "SELECT count(*) FROM cur_t")).toEqual([[value.int(2)]]);
  });

  it("refuses a malformed cursor body with 400 JSON", async () => {
    const res = await postPipeline(server.httpUrl, { baton: null, batch: { steps: "nope" } }, { path: "/v3/cursor" });
    expectJsonError(res, { status: 400, code: "PROTOCOL_ERROR" });
  });
});
