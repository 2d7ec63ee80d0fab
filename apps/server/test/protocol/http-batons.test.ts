// HTTP streams and batons: rotation, close, reuse and forgery detection,
// and transactions that span requests linked only by batons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import {
  closeReq,
  execute,
  executeResult,
  expectJsonError,
  okResponse,
  pipeline,
  postPipeline,
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

/** A baton with one character changed (same length and alphabet, so only the signature is wrong). */
function tamper(baton: string, at: number): string {
  const original = baton.charAt(at);
  const replacement = original === "A" ? "B" : "A";
  return baton.slice(0, at) + replacement + baton.slice(at + 1);
}

describe("batons", () => {
  it("issues a new, different baton on every response and null after close", async () => {
    const seen = new Set<string>();
    let baton: string | null = null;
    for (let i = 0; i < 4; i++) {
      const reply = await pipeline(server.httpUrl, { baton, requests: [execute("SELECT ?", [value.int(i)])] });
      expect(executeResult(reply.results[0]).rows).toEqual([[value.int(i)]]);
      expect(typeof reply.baton).toBe("string");
      expect(seen.has(reply.baton as string), "a baton was issued twice").toBe(false);
      seen.add(reply.baton as string);
      baton = reply.baton;
    }
    const closed = await pipeline(server.httpUrl, { baton, requests: [closeReq] });
    expect(closed.results[0]).toEqual({ type: "ok", response: { type: "close" } });
    expect(closed.baton).toBeNull();
  });

  it("treats an absent baton field like null: a new stream", async () => {
    const reply = await pipeline(server.httpUrl, { requests: [execute("SELECT 1")] });
    expect(typeof reply.baton).toBe("string");
    await pipeline(server.httpUrl, { baton: reply.baton, requests: [closeReq] });
  });

  it("refuses a baton that has already been used with 400 JSON BATON_REUSED", async () => {
    const first = await pipeline(server.httpUrl, { requests: [execute("SELECT 1")] });
    const second = await pipeline(server.httpUrl, { baton: first.baton, requests: [execute("SELECT 2")] });
    expect(second.baton).not.toBe(first.baton);
    const reused = await postPipeline(server.httpUrl, { baton: first.baton, requests: [execute("SELECT 3")] });
    expectJsonError(reused, { status: 400, code: "BATON_REUSED" });
  });

  it("refuses the baton of a closed stream", async () => {
    const open = await pipeline(server.httpUrl, { requests: [execute("SELECT 1")] });
    await pipeline(server.httpUrl, { baton: open.baton, requests: [closeReq] });
    const late = await postPipeline(server.httpUrl, { baton: open.baton, requests: [execute("SELECT 1")] });
    expect(late.status).toBe(400);
    expect(late.contentType).toBe("application/json");
    expect(late.body).toMatchObject({ message: expect.any(String), code: expect.any(String) });
  });

  it("refuses a baton presented while its stream is still busy with the previous request", async () => {
    await runStatements(server.httpUrl, ["CREATE TABLE busy_t (x)"]);
    // Stream A holds the write lock, so stream B's write waits (the busy timeout is 5 s).
    const holder = await pipeline(server.httpUrl, { requests: [execute("BEGIN IMMEDIATE")] });
    const waiter = await pipeline(server.httpUrl, { requests: [execute("SELECT 1")] });
    const body = { baton: waiter.baton, requests: [execute("INSERT INTO busy_t VALUES ('b')")] };
    const first = postPipeline(server.httpUrl, body);
    const second = postPipeline(server.httpUrl, body);
    // Whichever arrives second finds the stream busy (the other waits for A's lock) and is refused.
    const refused = await Promise.race([first, second]);
    expectJsonError(refused, { status: 400, code: "BATON_REUSED" });
    await pipeline(server.httpUrl, { baton: holder.baton, requests: [execute("COMMIT"), closeReq] });
    const [a, b] = await Promise.all([first, second]);
    const served = a === refused ? b : a;
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(executeResult(served.body.results[0]).affected_row_count).toBe(1);
    await pipeline(server.httpUrl, { baton: served.body.baton, requests: [closeReq] });
    expect(await queryRows(server.httpUrl, "SELECT x FROM busy_t")).toEqual([[value.text("b")]]);
  });

  it("answers requests after close in the same pipeline with errors, and returns a null baton", async () => {
    const reply = await pipeline(server.httpUrl, { requests: [execute("SELECT 1"), closeReq, execute("SELECT 2")] });
    executeResult(reply.results[0]);
    okResponse(reply.results[1], "close");
    expect(reply.results[2]).toMatchObject({ type: "error", error: { message: expect.any(String), code: expect.any(String) } });
    expect(reply.baton).toBeNull();
  });

  it("refuses forged and tampered batons with 400 JSON BATON_INVALID", async () => {
    const genuine = await pipeline(server.httpUrl, { requests: [execute("SELECT 1")] });
    const baton = genuine.baton as string;
    const forgeries = [
      "not-a-baton",
      "",
      tamper(baton, 3), // stream id
      tamper(baton, 14), // sequence number
      tamper(baton, baton.length - 5), // signature
      baton.slice(0, -1),
      `${baton}A`,
      Buffer.alloc(48).toString("base64url"),
    ];
    for (const forged of forgeries) {
      const res = await postPipeline(server.httpUrl, { baton: forged, requests: [execute("SELECT 1")] });
      expectJsonError(res, { status: 400, code: "BATON_INVALID" });
    }
    // The genuine baton is still good after all of that.
    const next = await pipeline(server.httpUrl, { baton, requests: [closeReq] });
    expect(next.baton).toBeNull();
  });
});

describe("transactions across requests", () => {
  it("keeps BEGIN, INSERT and COMMIT of three requests on one connection; others see the row only after COMMIT", async () => {
    await runStatements(server.httpUrl, ["CREATE TABLE tx_t (x INTEGER)"]);

    const begun = await pipeline(server.httpUrl, { requests: [execute("BEGIN")] });
    executeResult(begun.results[0]);

    const inserted = await pipeline(server.httpUrl, {
      baton: begun.baton,
      requests: [execute("INSERT INTO tx_t VALUES (42)"), { type: "get_autocommit" }, execute("SELECT x FROM tx_t")],
    });
    expect(executeResult(inserted.results[0]).affected_row_count).toBe(1);
    expect(okResponse(inserted.results[1], "get_autocommit").is_autocommit).toBe(false);
    expect(executeResult(inserted.results[2]).rows).toEqual([[value.int(42)]]);

    // Another stream does not see the uncommitted row.
    expect(await queryRows(server.httpUrl, "SELECT x FROM tx_t")).toEqual([]);

    const committed = await pipeline(server.httpUrl, { baton: inserted.baton, requests: [execute("COMMIT"), closeReq] });
    executeResult(committed.results[0]);
    expect(committed.baton).toBeNull();

    expect(await queryRows(server.httpUrl, "SELECT x FROM tx_t")).toEqual([[value.int(42)]]);
  });

  it("rolls back an open transaction when the stream is closed", async () => {
    await runStatements(server.httpUrl, ["CREATE TABLE tx_close_t (x INTEGER)"]);
    const begun = await pipeline(server.httpUrl, { requests: [execute("BEGIN IMMEDIATE"), execute("INSERT INTO tx_close_t VALUES (1)")] });
    const closed = await pipeline(server.httpUrl, { baton: begun.baton, requests: [closeReq] });
    expect(closed.baton).toBeNull();
    expect(await queryRows(server.httpUrl, "SELECT x FROM tx_close_t")).toEqual([]);
    // And the write lock went with it.
    await runStatements(server.httpUrl, ["BEGIN IMMEDIATE", "INSERT INTO tx_close_t VALUES (2)", "COMMIT"]);
    expect(await queryRows(server.httpUrl, "SELECT x FROM tx_close_t")).toEqual([[value.int(2)]]);
  });
});
