import { describe, expect, it } from "vitest";
import type { SqlValue } from "@baton/protocol-types";
import { valueToWire } from "./hrana-json-values.js";
import { encodeHranaJson, HranaStmtResult, type ExecutedStatement } from "./hrana-result-json.js";

const executed = (rows: SqlValue[][], extra: Partial<ExecutedStatement> = {}): ExecutedStatement => ({
  columns: rows[0]?.map((_, i) => ({ name: i === 1 ? null : `c${i}`, decltype: i === 0 ? "INTEGER" : null })) ?? [],
  rows,
  affectedRowCount: 0,
  lastInsertRowid: null,
  rowsRead: rows.length,
  rowsWritten: 0,
  ...extra,
});

/** The message as the per-cell objects and JSON.stringify wrote it. */
function reference(result: ExecutedStatement) {
  return {
    cols: result.columns.map((col) => ({ name: col.name, decltype: col.decltype })),
    rows: result.rows.map((row) => row.map((cell) => valueToWire(cell))),
    affected_row_count: result.affectedRowCount,
    last_insert_rowid: result.lastInsertRowid === null ? null : result.lastInsertRowid.toString(),
    rows_read: result.rowsRead,
    rows_written: result.rowsWritten,
  };
}

const awkward: SqlValue[][] = [
  [2n ** 63n - 1n, -(2n ** 63n), 0n, -1n],
  [2, -0, 1e308, 5e-324],
  [0.1, -1.5e-7, 1e21, 123456789.125],
  ["", 'quote " and \\ backslash', "emoji 🎉 and \u{10348}", "nul \u0000 and \u2028 and \ud800 lone"],
  [null, new Uint8Array([]), new Uint8Array([1, 2]), Buffer.from("hello")],
];

describe("HranaStmtResult", () => {
  it("writes the same text as per-cell objects through JSON.stringify", () => {
    const result = executed(awkward, { affectedRowCount: 3, lastInsertRowid: -(2n ** 63n), rowsWritten: 3 });
    const expected = JSON.stringify(reference(result));
    expect(new HranaStmtResult(result).json()).toBe(expected);
    expect(encodeHranaJson(new HranaStmtResult(result))).toBe(expected);
    expect(JSON.stringify(new HranaStmtResult(result))).toBe(expected);
  });

  it("writes an empty result and a result without rows", () => {
    for (const result of [executed([]), executed([], { columns: [{ name: "a", decltype: null }] })]) {
      expect(new HranaStmtResult(result).json()).toBe(JSON.stringify(reference(result)));
    }
  });

  it("gives wire values to code that reads its rows", () => {
    const result = executed(awkward);
    expect(new HranaStmtResult(result).rows).toEqual(reference(result).rows);
  });

  it("refuses a REAL that JSON cannot carry when it is made, not when it is sent", () => {
    for (const bad of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      expect(() => new HranaStmtResult(executed([[1n, bad]]))).toThrow(
        expect.objectContaining({ code: "VALUE_NOT_REPRESENTABLE" }),
      );
    }
  });
});

describe("encodeHranaJson", () => {
  it("matches JSON.stringify for messages with results inside", () => {
    const result = executed([[1n, "a"]]);
    const message = {
      baton: null,
      base_url: undefined,
      results: [
        { type: "ok", response: { type: "execute", result: new HranaStmtResult(result) } },
        { type: "ok", response: { type: "batch", result: { step_results: [new HranaStmtResult(result), null], step_errors: [null, { message: "m", code: "C" }] } } },
        { type: "error", error: { message: 'a "quoted" message', code: "SQLITE_ERROR" } },
      ],
      skipped: [undefined, () => 1],
    };
    expect(encodeHranaJson(message)).toBe(JSON.stringify(message));
  });

  it("leaves class instances and toJSON to JSON.stringify", () => {
    const date = new Date(0);
    const custom = { toJSON: () => ({ replaced: true }) };
    expect(encodeHranaJson({ date, custom, nested: Object.create(null) as object })).toBe(
      JSON.stringify({ date, custom, nested: {} }),
    );
  });

  it("refuses what is not a JSON value", () => {
    expect(() => encodeHranaJson(undefined)).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
  });
});
