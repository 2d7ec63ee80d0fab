import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteAdapter, type SqlAdapter, type SqlConnection } from "@baton/adapters-kysely";
import type { Batch, BatchCond } from "@baton/protocol-types/hrana";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBatch, runBatch } from "./batch-runner.js";
import { batchResultToEntries } from "./cursor-entries.js";

let dir: string;
let adapter: SqlAdapter;
let connection: SqlConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "baton-batch-"));
  adapter = createSqliteAdapter({ directory: dir });
  connection = await (await adapter.database("default")).acquire();
  await connection.execute({ sql: "CREATE TABLE t (v INTEGER UNIQUE)", args: [], namedArgs: [], wantRows: false });
});

afterAll(async () => {
  await adapter.close();
  rmSync(dir, { recursive: true, force: true });
});

const step = (sql: string, condition?: BatchCond) => ({ stmt: { sql }, ...(condition ? { condition } : {}) });

describe("batches", () => {
  it("skips, runs and fails steps as their conditions say", async () => {
    const batch: Batch = {
      steps: [
        step("BEGIN"), // 0 ok
        step("INSERT INTO t VALUES (1)", { type: "ok", step: 0 }), // 1 ok
        step("INSERT INTO t VALUES (1)", { type: "ok", step: 1 }), // 2 fails (unique)
        step("SELECT 'after error'", { type: "error", step: 2 }), // 3 runs
        step("SELECT 'skipped'", { type: "ok", step: 2 }), // 4 skipped
        step("SELECT 'not'", { type: "not", cond: { type: "ok", step: 4 } }), // 5 runs
        step("SELECT 'and'", { type: "and", conds: [{ type: "ok", step: 0 }, { type: "error", step: 2 }] }), // 6 runs
        step("SELECT 'or'", { type: "or", conds: [{ type: "ok", step: 4 }, { type: "ok", step: 2 }] }), // 7 skipped
        step("SELECT 'in tx'", { type: "not", cond: { type: "is_autocommit" } }), // 8 runs
        step("ROLLBACK", { type: "ok", step: 0 }), // 9 runs
        step("SELECT 'autocommit'", { type: "is_autocommit" }), // 10 runs
      ],
    };
    checkBatch(batch, 3);
    const result = await runBatch(connection, { batch, store: undefined });
    const ran = result.step_results.map((r) => r !== null);
    const failed = result.step_errors.map((e) => e !== null);
    expect(ran).toEqual([true, true, false, true, false, true, true, false, true, true, true]);
    expect(failed).toEqual([false, false, true, false, false, false, false, false, false, false, false]);
    expect(result.step_errors[2]?.code).toBe("SQLITE_CONSTRAINT");
    expect(connection.isAutocommit()).toBe(true);
    const rows = await connection.execute({ sql: "SELECT count(*) FROM t", args: [], namedArgs: [], wantRows: true });
    expect(rows.rows[0]?.[0]).toBe(0n);
  });

  it("refuses conditions on the current or a later step, and is_autocommit before Hrana 3", () => {
    expect(() => checkBatch({ steps: [step("SELECT 1", { type: "ok", step: 0 })] }, 3)).toThrow(/refers to step 0/);
    expect(() => checkBatch({ steps: [step("SELECT 1"), step("SELECT 1", { type: "not", cond: { type: "error", step: 5 } })] }, 3)).toThrow(
      /refers to step 5/,
    );
    expect(() => checkBatch({ steps: [step("SELECT 1", { type: "is_autocommit" })] }, 2)).toThrow(/Hrana 3/);
  });

  it("turns a batch result into cursor entries carrying the same information", async () => {
    const batch: Batch = { steps: [step("SELECT 1 AS a UNION ALL SELECT 2"), step("SELECT * FROM missing"), step("SELECT 3", { type: "ok", step: 1 })] };
    const entries = batchResultToEntries(await runBatch(connection, { batch, store: undefined }));
    expect(entries.map((e) => e.type)).toEqual(["step_begin", "row", "row", "step_end", "step_error"]);
    expect(entries[0]).toMatchObject({ step: 0, cols: [{ name: "a", decltype: null }] });
    expect(entries[4]).toMatchObject({ step: 1, error: { code: "SQLITE_ERROR" } });
  });
});
