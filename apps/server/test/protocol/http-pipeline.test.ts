// Hrana over HTTP at the wire level: probes, values, batches and conditions, sequence, describe,
// stored SQL, autocommit state and version gating.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import {
  closeReq,
  errorOf,
  execute,
  executeResult,
  okResponse,
  pipeline,
  queryRows,
  runStatements,
  value,
} from "./pipeline-calls.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const cond = {
  ok: (step: number) => ({ type: "ok", step }),
  error: (step: number) => ({ type: "error", step }),
  not: (c: unknown) => ({ type: "not", cond: c }),
  and: (...conds: unknown[]) => ({ type: "and", conds }),
  or: (...conds: unknown[]) => ({ type: "or", conds }),
  isAutocommit: () => ({ type: "is_autocommit" }),
};

const step = (sql: string, condition?: unknown) => ({
  ...(condition === undefined ? {} : { condition }),
  stmt: { sql, args: [], named_args: [], want_rows: true },
});

const byId = (sqlId: number, args: unknown[] = []) => ({ sql_id: sqlId, args, named_args: [], want_rows: true });

describe("probes", () => {
  it("answers GET /v2 and GET /v3 with 2xx", async () => {
    for (const path of ["/v2", "/v3"]) {
      const res = await fetch(`${server.httpUrl}${path}`);
      await res.arrayBuffer();
      expect(res.ok, `${path} answered ${res.status}`).toBe(true);
    }
  });

  it("does not offer protobuf: GET /v3-protobuf is not 2xx", async () => {
    const res = await fetch(`${server.httpUrl}/v3-protobuf`);
    await res.arrayBuffer();
    expect(res.ok, `/v3-protobuf answered ${res.status}`).toBe(false);
  });

  it("answers GET /health with 200", async () => {
    const res = await fetch(`${server.httpUrl}/health`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
  });
});

describe("execute and values", () => {
  it("round-trips all five value types exactly, integers as strings and 2.0 as a float", async () => {
    const reply = await pipeline(server.httpUrl, {
      baton: null,
      requests: [
        execute("SELECT ?, ?, ?, ?, ?", [
          value.null(),
          value.int("9223372036854775807"),
          value.float(2.0),
          value.text("héllo ✓"),
          value.blob("AQIDBA=="),
        ]),
        closeReq,
      ],
    });
    expect(reply.baton).toBeNull();
    expect(reply.base_url).toBeNull();
    const result = executeResult(reply.results[0]);
    expect(result.cols).toHaveLength(5);
    expect(result.rows).toHaveLength(1);
    const [nul, int, float, text, blob] = result.rows[0];
    expect(nul).toEqual({ type: "null" });
    // A JSON number here would have lost precision (2^63 - 1 is not a double).
    expect(int).toEqual({ type: "integer", value: "9223372036854775807" });
    expect(float).toEqual({ type: "float", value: 2 });
    expect(text).toEqual({ type: "text", value: "héllo ✓" });
    expect(blob.type).toBe("blob");
    expect([...Buffer.from(blob.base64 as string, "base64")]).toEqual([1, 2, 3, 4]);
    okResponse(reply.results[1], "close");
  });

  it("binds float as REAL and integer as INTEGER, and types results by storage class", async () => {
    const [literals] = await runStatements(server.httpUrl, ["SELECT 2.0, 2, -0.5, 1e300, -9223372036854775808"]);
    expect(literals.rows[0]).toEqual([
      { type: "float", value: 2 },
      { type: "integer", value: "2" },
      { type: "float", value: -0.5 },
      { type: "float", value: 1e300 },
      { type: "integer", value: "-9223372036854775808" },
    ]);
    const reply = await pipeline(server.httpUrl, {
      requests: [
        execute("SELECT typeof(?), typeof(?), typeof(?), typeof(?), typeof(?)", [
          value.float(2.0),
          value.int("2"),
          value.text("2"),
          value.blob("AA=="),
          value.null(),
        ]),
        closeReq,
      ],
    });
    expect(executeResult(reply.results[0]).rows[0]).toEqual(
      ["real", "integer", "text", "blob", "null"].map((t) => ({ type: "text", value: t })),
    );
  });

  it("stores and reads back typed columns with decltypes, counts and rowids", async () => {
    const reply = await pipeline(server.httpUrl, {
      requests: [
        execute("CREATE TABLE vals (i INTEGER, r REAL, t TEXT, b BLOB)"),
        execute("INSERT INTO vals VALUES (?, ?, ?, ?)", [
          value.int("-9223372036854775808"),
          value.float(2.0),
          value.text(""),
          value.blob("/wA="),
        ]),
        execute("SELECT i, r, t, b FROM vals"),
        execute("SELECT i FROM vals WHERE 0"),
        closeReq,
      ],
    });
    const insert = executeResult(reply.results[1]);
    expect(insert.affected_row_count).toBe(1);
    expect(insert.last_insert_rowid).toBe("1");
    const select = executeResult(reply.results[2]);
    expect(select.cols).toEqual([
      { name: "i", decltype: "INTEGER" },
      { name: "r", decltype: "REAL" },
      { name: "t", decltype: "TEXT" },
      { name: "b", decltype: "BLOB" },
    ]);
    const [i, r, t, b] = select.rows[0];
    expect(i).toEqual({ type: "integer", value: "-9223372036854775808" });
    expect(r).toEqual({ type: "float", value: 2 });
    expect(t).toEqual({ type: "text", value: "" });
    expect([...Buffer.from(b.base64 as string, "base64")]).toEqual([0xff, 0x00]);
    // Column metadata is present even when there are no rows.
    const empty = executeResult(reply.results[3]);
    expect(empty.rows).toEqual([]);
    expect(empty.cols).toEqual([{ name: "i", decltype: "INTEGER" }]);
  });

  it("binds named arguments with and without their prefix", async () => {
    const reply = await pipeline(server.httpUrl, {
      requests: [
        execute("SELECT :a, $b, @c", [], {
          named_args: [
            { name: ":a", value: value.int("1") },
            { name: "b", value: value.text("two") },
            { name: "c", value: value.float(3.5) },
          ],
        }),
        closeReq,
      ],
    });
    expect(executeResult(reply.results[0]).rows[0]).toEqual([value.int("1"), value.text("two"), value.float(3.5)]);
  });

  it("returns no rows with want_rows: false", async () => {
    const reply = await pipeline(server.httpUrl, {
      requests: [execute("SELECT 1 UNION ALL SELECT 2", [], { want_rows: false }), closeReq],
    });
    expect(executeResult(reply.results[0]).rows).toEqual([]);
  });
});

describe("batch conditions", () => {
  it("evaluates ok, error, not, and, or and is_autocommit; skipped steps have neither result nor error", async () => {
    const steps = [
      step("SELECT 0"),
      step("SELECT * FROM no_such_table"),
      step("SELECT 2", cond.ok(0)),
      step("SELECT 3", cond.error(1)),
      step("SELECT 4", cond.ok(1)),
      step("SELECT 5", cond.not(cond.ok(1))),
      step("SELECT 6", cond.and(cond.ok(0), cond.error(1))),
      step("SELECT 7", cond.and(cond.ok(0), cond.ok(1))),
      step("SELECT 8", cond.or(cond.ok(1), cond.ok(4))),
      step("SELECT 9", cond.or(cond.ok(1), cond.error(1))),
      step("SELECT 10", cond.error(4)),
      step("SELECT 11", cond.not(cond.error(4))),
      step("SELECT 12", cond.isAutocommit()),
      step("SELECT 13", cond.not(cond.isAutocommit())),
    ];
    const reply = await pipeline(server.httpUrl, { requests: [{ type: "batch", batch: { steps } }, closeReq] });
    const result = okResponse(reply.results[0], "batch").result;
    expect(result.step_results).toHaveLength(steps.length);
    expect(result.step_errors).toHaveLength(steps.length);
    const ran = [0, 2, 3, 5, 6, 9, 11, 12];
    const skipped = [4, 7, 8, 10, 13];
    for (const i of ran) {
      expect(result.step_errors[i], `step ${i}`).toBeNull();
      expect(result.step_results[i]?.rows, `step ${i}`).toEqual([[value.int(i)]]);
    }
    for (const i of skipped) {
      expect(result.step_results[i], `step ${i}`).toBeNull();
      expect(result.step_errors[i], `step ${i}`).toBeNull();
    }
    expect(result.step_results[1]).toBeNull();
    expect(result.step_errors[1]).toMatchObject({ message: expect.any(String), code: expect.any(String) });
  });

  it("evaluates is_autocommit against the real transaction state at each step", async () => {
    const steps = [
      step("BEGIN"),
      step("SELECT 1", cond.isAutocommit()),
      step("SELECT 2", cond.not(cond.isAutocommit())),
      step("COMMIT", cond.ok(0)),
      step("SELECT 4", cond.isAutocommit()),
      step("SELECT 5", cond.not(cond.isAutocommit())),
    ];
    const reply = await pipeline(server.httpUrl, { requests: [{ type: "batch", batch: { steps } }, closeReq] });
    const result = okResponse(reply.results[0], "batch").result;
    expect(result.step_errors).toEqual([null, null, null, null, null, null]);
    expect(result.step_results[1]).toBeNull();
    expect(result.step_results[2]?.rows).toEqual([[value.int(2)]]);
    expect(result.step_results[3]).not.toBeNull();
    expect(result.step_results[4]?.rows).toEqual([[value.int(4)]]);
    expect(result.step_results[5]).toBeNull();
  });

  it("rolls back through conditions when a statement in the transaction fails", async () => {
    await runStatements(server.httpUrl, ["CREATE TABLE cond_tx (id INTEGER PRIMARY KEY)", "INSERT INTO cond_tx VALUES (1)"]);
    const steps = [
      step("BEGIN IMMEDIATE"),
      step("INSERT INTO cond_tx VALUES (2)", cond.and(cond.ok(0), cond.not(cond.isAutocommit()))),
      step("INSERT INTO cond_tx VALUES (1)", cond.ok(1)), // primary key violation
      step("COMMIT", cond.ok(2)),
      step("ROLLBACK", cond.not(cond.ok(3))),
    ];
    const reply = await pipeline(server.httpUrl, { requests: [{ type: "batch", batch: { steps } }, closeReq] });
    const result = okResponse(reply.results[0], "batch").result;
    expect(result.step_results[1]).not.toBeNull();
    expect(result.step_errors[2]).toMatchObject({ code: expect.any(String) });
    expect(result.step_results[3]).toBeNull();
    expect(result.step_errors[3]).toBeNull();
    expect(result.step_results[4]).not.toBeNull();
    expect(await queryRows(server.httpUrl, "SELECT id FROM cond_tx ORDER BY id")).toEqual([[value.int(1)]]);
  });

  it("refuses a condition on the current or a later step as a per-request error, running nothing", async () => {
    await runStatements(server.httpUrl, ["CREATE TABLE later_t (x)"]);
    const reply = await pipeline(server.httpUrl, {
      requests: [
        { type: "batch", batch: { steps: [step("INSERT INTO later_t VALUES (1)"), step("SELECT 1", cond.ok(2)), step("SELECT 2")] } },
        { type: "batch", batch: { steps: [step("INSERT INTO later_t VALUES (2)"), step("SELECT 1", cond.not(cond.error(1)))] } },
        execute("SELECT count(*) FROM later_t"),
        closeReq,
      ],
    });
    errorOf(reply.results[0]);
    errorOf(reply.results[1]);
    expect(executeResult(reply.results[2]).rows).toEqual([[value.int(0)]]);
    okResponse(reply.results[3], "close");
  });
});

describe("sequence", () => {
  it("runs several statements and stops at the first failure", async () => {
    const reply = await pipeline(server.httpUrl, {
      requests: [
        { type: "sequence", sql: "CREATE TABLE seq_t (x); INSERT INTO seq_t VALUES (1); INSERT INTO seq_t VALUES (2);" },
        { type: "sequence", sql: "INSERT INTO seq_t VALUES (3); SELECT * FROM seq_missing; INSERT INTO seq_t VALUES (4)" },
        execute("SELECT x FROM seq_t ORDER BY x"),
        closeReq,
      ],
    });
    expect(reply.results[0]).toEqual({ type: "ok", response: { type: "sequence" } });
    errorOf(reply.results[1]);
    expect(executeResult(reply.results[2]).rows).toEqual([[value.int(1)], [value.int(2)], [value.int(3)]]);
  });
});

describe("describe", () => {
  it("describes parameters, columns with decltype, is_readonly and is_explain without running anything", async () => {
    await runStatements(server.httpUrl, ["CREATE TABLE desc_t (id INTEGER PRIMARY KEY, name TEXT, score REAL)"]);
    const reply = await pipeline(server.httpUrl, {
      requests: [
        { type: "describe", sql: "SELECT ?1 AS x, :a AS y, ? AS z" },
        { type: "describe", sql: "SELECT id, name AS label, score * 2 AS doubled FROM desc_t" },
        { type: "describe", sql: "INSERT INTO desc_t (name) VALUES ('never inserted')" },
        { type: "describe", sql: "EXPLAIN SELECT 1" },
        { type: "describe", sql: "SELEC nonsense" },
        execute("SELECT count(*) FROM desc_t"),
        closeReq,
      ],
    });
    const params = okResponse(reply.results[0], "describe").result;
    expect(params.params).toEqual([{ name: "?1" }, { name: ":a" }, { name: null }]);
    expect(params.is_readonly).toBe(true);
    expect(params.is_explain).toBe(false);

    const cols = okResponse(reply.results[1], "describe").result;
    expect(cols.cols).toEqual([
      { name: "id", decltype: "INTEGER" },
      { name: "label", decltype: "TEXT" },
      { name: "doubled", decltype: null },
    ]);
    expect(cols.params).toEqual([]);
    expect(cols.is_readonly).toBe(true);
    expect(cols.is_explain).toBe(false);

    const insert = okResponse(reply.results[2], "describe").result;
    expect(insert.is_readonly).toBe(false);
    expect(insert.is_explain).toBe(false);
    expect(insert.cols).toEqual([]);

    const explain = okResponse(reply.results[3], "describe").result;
    expect(explain.is_explain).toBe(true);

    errorOf(reply.results[4]);
    expect(executeResult(reply.results[5]).rows).toEqual([[value.int(0)]]);
  });
});

describe("stored SQL", () => {
  it("stores, uses, refuses duplicates, closes and re-stores ids; scoped to the stream", async () => {
    const first = await pipeline(server.httpUrl, {
      requests: [
        { type: "store_sql", sql_id: 1, sql: "SELECT ? + 1 AS n" },
        { type: "execute", stmt: byId(1, [value.int("41")]) },
        { type: "batch", batch: { steps: [{ stmt: byId(1, [value.int("1")]) }] } },
        { type: "store_sql", sql_id: 1, sql: "SELECT 0" },
        { type: "close_sql", sql_id: 1 },
        { type: "execute", stmt: byId(1, [value.int("1")]) },
        { type: "close_sql", sql_id: 1 },
        { type: "store_sql", sql_id: 1, sql: "SELECT 'again' AS s" },
        { type: "describe", sql_id: 1 },
        { type: "sequence", sql_id: 1 },
      ],
    });
    expect(first.results[0]).toEqual({ type: "ok", response: { type: "store_sql" } });
    expect(executeResult(first.results[1]).rows).toEqual([[value.int("42")]]);
    expect(okResponse(first.results[2], "batch").result.step_results[0].rows).toEqual([[value.int("2")]]);
    errorOf(first.results[3]); // id already in use
    expect(first.results[4]).toEqual({ type: "ok", response: { type: "close_sql" } });
    errorOf(first.results[5]); // closed id
    expect(first.results[6]).toEqual({ type: "ok", response: { type: "close_sql" } }); // closing an unused id is fine
    okResponse(first.results[7], "store_sql");
    expect(okResponse(first.results[8], "describe").result.cols).toEqual([{ name: "s", decltype: null }]);
    okResponse(first.results[9], "sequence");
    expect(typeof first.baton).toBe("string");

    // The text survives across requests of the same baton chain ...
    const second = await pipeline(server.httpUrl, {
      baton: first.baton,
      requests: [{ type: "execute", stmt: byId(1) }, closeReq],
    });
    expect(executeResult(second.results[0]).rows).toEqual([[value.text("again")]]);

    // ... but not on another stream.
    const other = await pipeline(server.httpUrl, { requests: [{ type: "execute", stmt: byId(1) }, closeReq] });
    errorOf(other.results[0]);
  });
});

describe("get_autocommit", () => {
  it("is true outside a transaction, false after BEGIN and true again after COMMIT", async () => {
    const reply = await pipeline(server.httpUrl, {
      requests: [
        { type: "get_autocommit" },
        execute("BEGIN"),
        { type: "get_autocommit" },
        execute("COMMIT"),
        { type: "get_autocommit" },
        closeReq,
      ],
    });
    expect(reply.results[0]).toEqual({ type: "ok", response: { type: "get_autocommit", is_autocommit: true } });
    expect(reply.results[2]).toEqual({ type: "ok", response: { type: "get_autocommit", is_autocommit: false } });
    expect(reply.results[4]).toEqual({ type: "ok", response: { type: "get_autocommit", is_autocommit: true } });
  });

  it("keeps the transaction state across requests", async () => {
    const begun = await pipeline(server.httpUrl, { requests: [execute("BEGIN")] });
    const inside = await pipeline(server.httpUrl, { baton: begun.baton, requests: [{ type: "get_autocommit" }] });
    expect(okResponse(inside.results[0], "get_autocommit").is_autocommit).toBe(false);
    const ended = await pipeline(server.httpUrl, {
      baton: inside.baton,
      requests: [execute("ROLLBACK"), { type: "get_autocommit" }, closeReq],
    });
    expect(okResponse(ended.results[1], "get_autocommit").is_autocommit).toBe(true);
    expect(ended.baton).toBeNull();
  });

  it("is refused on /v2/pipeline as a per-request error (Hrana 3 only), as is is_autocommit", async () => {
    const reply = await pipeline(
      server.httpUrl,
      {
        requests: [
          execute("SELECT 1"),
          { type: "get_autocommit" },
          { type: "batch", batch: { steps: [step("SELECT 1"), step("SELECT 2", cond.isAutocommit())] } },
          execute("SELECT 2"),
          closeReq,
        ],
      },
      { path: "/v2/pipeline" },
    );
    executeResult(reply.results[0]);
    errorOf(reply.results[1]);
    errorOf(reply.results[2]);
    expect(executeResult(reply.results[3]).rows).toEqual([[value.int(2)]]);
    okResponse(reply.results[4], "close");
  });
});

describe("pipeline results", () => {
  it("has one result per request, in order; a failure in the middle does not stop later requests", async () => {
    const reply = await pipeline(server.httpUrl, {
      requests: [
        execute("CREATE TABLE mid_t (x)"),
        execute("INSERT INTO mid_t VALUES (1)"),
        execute("INSERT INTO mid_missing VALUES (1)"),
        { type: "no_such_request" },
        execute("SELECT 1; SELECT 2"),
        execute("INSERT INTO mid_t VALUES (2)"),
        execute("SELECT x FROM mid_t ORDER BY x"),
        closeReq,
      ],
    });
    expect(reply.results.map((r) => r.type)).toEqual(["ok", "ok", "error", "error", "error", "ok", "ok", "ok"]);
    expect(executeResult(reply.results[6]).rows).toEqual([[value.int(1)], [value.int(2)]]);
    expect(reply.baton).toBeNull();
  });
});
