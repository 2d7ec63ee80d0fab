// A socket dropped mid-transaction: closing the socket must roll
// back its streams' transactions and release the write lock, so another client can write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOk, httpRun, rowsAt, sqlStmt } from "./support/http-pipeline.js";
import { HranaWsClient } from "./support/json-socket.js";
import { startWsTestServer, type WsTestServer } from "./support/ws-test-server.js";

let server: WsTestServer;

beforeAll(async () => {
  // A short busy timeout: a writer fails fast with SQLITE_BUSY while the lock is still held.
  server = await startWsTestServer({ busyTimeoutMs: 100 });
  const created = await httpRun(server.httpUrl, ["CREATE TABLE dropped_t (x TEXT)"]);
  expect(allOk(created), JSON.stringify(created.body)).toBe(true);
});

afterAll(async () => {
  await server.close();
});

const execute = (streamId: number, sql: string) => ({ type: "execute", stream_id: streamId, stmt: sqlStmt(sql) });

/** Retries a write transaction on a fresh HTTP stream until it commits; bounded. */
async function writeWhenLockFree(value: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: unknown;
  while (Date.now() < deadline) {
    const outcome = await httpRun(server.httpUrl, ["BEGIN IMMEDIATE", `INSERT INTO dropped_t VALUES ('${value}')`, "COMMIT"]);
    if (allOk(outcome)) return;
    last = outcome.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the write lock was never released: ${JSON.stringify(last)}`);
}

describe("a socket dropped mid-transaction", () => {
  it("rolls back the transaction and releases the write lock", async () => {
    const client = await HranaWsClient.open(server.wsUrl);
    await client.ok({ type: "open_stream", stream_id: 1 });
    await client.ok(execute(1, "BEGIN IMMEDIATE"));
    await client.ok(execute(1, "INSERT INTO dropped_t VALUES ('uncommitted')"));
    expect((await client.ok({ type: "get_autocommit", stream_id: 1 })).is_autocommit).toBe(false);

    // While the socket lives, its transaction holds the lock: another writer is refused.
    const blocked = await httpRun(server.httpUrl, ["BEGIN IMMEDIATE", "INSERT INTO dropped_t VALUES ('blocked')", "COMMIT"]);
    expect(allOk(blocked)).toBe(false);

    client.socket.terminate();
    await client.socket.waitClosed();

    await writeWhenLockFree("after");
    const rows = await httpRun(server.httpUrl, ["SELECT x FROM dropped_t ORDER BY x"]);
    expect(rowsAt(rows, 0)).toEqual([[{ type: "text", value: "after" }]]);
  });

  it("rolls back every stream of the socket, also on a clean close", async () => {
    const client = await HranaWsClient.open(server.wsUrl);
    await client.ok({ type: "open_stream", stream_id: 1 });
    await client.ok({ type: "open_stream", stream_id: 2 });
    await client.ok(execute(1, "BEGIN IMMEDIATE"));
    await client.ok(execute(1, "INSERT INTO dropped_t VALUES ('stream 1')"));
    await client.ok(execute(2, "BEGIN"));
    await client.ok(execute(2, "SELECT count(*) FROM dropped_t"));
    client.close();
    await client.socket.waitClosed();

    await writeWhenLockFree("after close");
    const rows = await httpRun(server.httpUrl, ["SELECT x FROM dropped_t ORDER BY x"]);
    expect(rowsAt(rows, 0)).toEqual([[{ type: "text", value: "after" }], [{ type: "text", value: "after close" }]]);
  });
});
