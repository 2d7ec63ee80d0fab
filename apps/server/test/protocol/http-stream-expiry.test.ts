// Idle expiry of HTTP streams: an idle stream is dropped, which rolls back
// its transaction and frees the write lock; its baton then answers STREAM_EXPIRED. Expiry counts
// from the last request, so a stream in use does not expire.
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
  sleep,
  value,
} from "./pipeline-calls.js";

// Long enough that a loaded machine's request latency stays well inside it (the "used every
// quarter of the idle time" case must never expire), short enough to keep the tests quick.
const IDLE_MS = 1000;

let server: TestServer;

beforeAll(async () => {
  // A short busy timeout: if the expired stream still held the write lock, the other writer
  // would fail with SQLITE_BUSY instead of waiting for it.
  server = await startTestServer(["--stream-idle-timeout", String(IDLE_MS), "--busy-timeout", "500"]);
  await runStatements(server.httpUrl, ["CREATE TABLE expiry_t (x INTEGER)"]);
});

afterAll(async () => {
  await server.close();
});

describe("stream idle expiry", () => {
  it("expires an idle stream: STREAM_EXPIRED, transaction rolled back, write lock free", async () => {
    const open = await pipeline(server.httpUrl, {
      requests: [execute("BEGIN IMMEDIATE"), execute("INSERT INTO expiry_t VALUES (1)")],
    });
    executeResult(open.results[0]);
    expect(executeResult(open.results[1]).affected_row_count).toBe(1);
    expect(typeof open.baton).toBe("string");

    await sleep(2 * IDLE_MS + 500); // past the idle time and at least one sweep (every IDLE_MS / 4)

    const late = await postPipeline(server.httpUrl, { baton: open.baton, requests: [execute("COMMIT")] });
    expectJsonError(late, { status: 400, code: "STREAM_EXPIRED" });

    // Another stream takes the write lock at once and writes.
    const writer = await pipeline(server.httpUrl, {
      requests: [
        execute("BEGIN IMMEDIATE"),
        execute("INSERT INTO expiry_t VALUES (2)"),
        execute("COMMIT"),
        execute("SELECT x FROM expiry_t ORDER BY x"),
        closeReq,
      ],
    });
    expect(writer.results.map((r) => r.type), JSON.stringify(writer.results)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    // The expired stream's insert was rolled back.
    expect(executeResult(writer.results[3]).rows).toEqual([[value.int(2)]]);

    // The tombstone keeps answering STREAM_EXPIRED.
    const again = await postPipeline(server.httpUrl, { baton: open.baton, requests: [closeReq] });
    expectJsonError(again, { status: 400, code: "STREAM_EXPIRED" });
  });

  it("does not expire a stream used every quarter of the idle time: expiry counts from the last request", async () => {
    await runStatements(server.httpUrl, ["DELETE FROM expiry_t"]);
    let reply = await pipeline(server.httpUrl, { requests: [execute("BEGIN IMMEDIATE"), execute("INSERT INTO expiry_t VALUES (10)")] });
    const rounds = 6; // every 250 ms for 1.5 s: well past the 1 s idle timeout in total
    for (let round = 1; round <= rounds; round++) {
      await sleep(IDLE_MS / 4);
      reply = await pipeline(server.httpUrl, {
        baton: reply.baton,
        requests: [execute("INSERT INTO expiry_t VALUES (?)", [value.int(10 + round)])],
      });
      expect(executeResult(reply.results[0]).affected_row_count).toBe(1);
    }
    const committed = await pipeline(server.httpUrl, { baton: reply.baton, requests: [execute("COMMIT"), closeReq] });
    executeResult(committed.results[0]);
    expect(committed.baton).toBeNull();
    const rows = await queryRows(server.httpUrl, "SELECT count(*) FROM expiry_t");
    expect(rows).toEqual([[value.int(rounds + 1)]]);
  });
});
