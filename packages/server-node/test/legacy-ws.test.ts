// The simplified WebSocket route, `WS /database/api/ws` without a subprotocol: messages
// `{request_id, request}` answered `{request_id, response}` where `response` is a StreamResult,
// one implicit stream per socket carrying transactions across messages, malformed messages
// answered with an error while the socket stays open, and tenants chosen at the upgrade.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOk, httpRun, rowsAt } from "./support/http-pipeline.js";
import { JsonSocket, type Wire } from "./support/json-socket.js";
import { startWsTestServer, type WsTestServer } from "./support/ws-test-server.js";

let server: WsTestServer;

beforeAll(async () => {
  server = await startWsTestServer({ busyTimeoutMs: 100 });
});

afterAll(async () => {
  await server.close();
});

const text = (v: string) => ({ type: "text", value: v });
const int = (v: number) => ({ type: "integer", value: String(v) });
const execute = (sql: string) => ({ type: "execute", stmt: { sql, args: [], named_args: [], want_rows: true } });

function legacySocket(headers: Record<string, string> = {}): Promise<JsonSocket> {
  return JsonSocket.connect(`${server.wsUrl}/database/api/ws`, { ws: { headers } });
}

/** Sends one message and returns the reply carrying its request id. */
async function call(socket: JsonSocket, requestId: number | string, request: unknown): Promise<Wire> {
  socket.send({ request_id: requestId, request });
  const reply = await socket.take((m) => m.request_id === requestId, `reply to ${String(requestId)}`);
  expect(Object.keys(reply).sort()).toEqual(["request_id", "response"]);
  return reply.response;
}

describe("WS /database/api/ws", () => {
  it("answers {request_id, request} with {request_id, response} holding a StreamResult", async () => {
    const socket = await legacySocket();
    expect(socket.protocol).toBe("");
    socket.send({ request_id: 1, request: execute("SELECT 1 AS one") });
    const reply = await socket.take();
    expect(reply).toEqual({
      request_id: 1,
      response: {
        type: "ok",
        response: {
          type: "execute",
          result: expect.objectContaining({ cols: [{ name: "one", decltype: null }], rows: [[int(1)]] }),
        },
      },
    });
    // String ids are echoed as they are.
    expect(await call(socket, "abc-1", execute("SELECT 'x'"))).toMatchObject({ type: "ok", response: { type: "execute" } });
    const failed = await call(socket, 2, execute("SELECT * FROM legacy_missing"));
    expect(failed).toMatchObject({ type: "error", error: { message: expect.any(String), code: expect.any(String) } });
    socket.close();
  });

  it("carries a transaction across messages", async () => {
    const socket = await legacySocket();
    expect((await call(socket, 1, execute("CREATE TABLE legacy_tx (x)"))).type).toBe("ok");
    expect((await call(socket, 2, execute("BEGIN"))).type).toBe("ok");
    expect((await call(socket, 3, execute("INSERT INTO legacy_tx VALUES ('pending')"))).type).toBe("ok");
    const autocommit = await call(socket, 4, { type: "get_autocommit" });
    expect(autocommit).toEqual({ type: "ok", response: { type: "get_autocommit", is_autocommit: false } });

    const before = await httpRun(server.httpUrl, ["SELECT x FROM legacy_tx"]);
    expect(rowsAt(before, 0)).toEqual([]);

    expect((await call(socket, 5, execute("COMMIT"))).type).toBe("ok");
    const after = await httpRun(server.httpUrl, ["SELECT x FROM legacy_tx"]);
    expect(rowsAt(after, 0)).toEqual([[text("pending")]]);

    // `close` ends the implicit stream; the next message opens a new one.
    expect(await call(socket, 6, { type: "close" })).toEqual({ type: "ok", response: { type: "close" } });
    expect((await call(socket, 7, execute("SELECT count(*) FROM legacy_tx"))).response.result.rows).toEqual([[int(1)]]);
    socket.close();
  });

  it("answers malformed messages with an error and keeps the socket open", async () => {
    const socket = await legacySocket();
    socket.sendRaw("this is not json", { binary: false });
    const undecodable = await socket.take();
    expect(undecodable).toMatchObject({ response: { type: "error", error: { message: expect.any(String) } } });

    socket.send({ request_id: 5 });
    expect(await socket.take((m) => m.request_id === 5)).toMatchObject({ request_id: 5, response: { type: "error" } });

    socket.send({ request_id: 6, request: { type: "teleport" } });
    const unknown = await socket.take((m) => m.request_id === 6);
    expect(unknown).toMatchObject({ request_id: 6, response: { type: "error", error: { code: "UNKNOWN_REQUEST" } } });

    socket.send({ request_id: 7, request: { type: "execute", stmt: { sql: "SELECT 1", args: "x" } } });
    expect(await socket.take((m) => m.request_id === 7)).toMatchObject({ request_id: 7, response: { type: "error" } });

    socket.send([1, 2, 3]);
    expect(await socket.take()).toMatchObject({ response: { type: "error" } });

    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    expect(socket.closeInfo).toBeUndefined();
    expect((await call(socket, 8, execute("SELECT 'fine'"))).response.result.rows).toEqual([[text("fine")]]);
    socket.close();
  });

  it("routes x-database-namespace at the upgrade to the tenant's own file", async () => {
    const socket = await legacySocket({ "x-database-namespace": "acme-corp" });
    expect((await call(socket, 1, execute("CREATE TABLE legacy_acme (x)"))).type).toBe("ok");
    expect((await call(socket, 2, execute("INSERT INTO legacy_acme VALUES ('acme')"))).type).toBe("ok");
    socket.close();
    expect(existsSync(join(server.dataDir, "acme-corp.db"))).toBe(true);
    const defaultNs = await httpRun(server.httpUrl, ["SELECT name FROM sqlite_master WHERE name = 'legacy_acme'"]);
    expect(rowsAt(defaultNs, 0)).toEqual([]);
    const acme = await httpRun(server.httpUrl, ["SELECT x FROM legacy_acme"], { headers: { "x-database-namespace": "acme-corp" } });
    expect(rowsAt(acme, 0)).toEqual([[text("acme")]]);
  });

  it("refuses hostile namespaces at the upgrade with HTTP 400", async () => {
    for (const name of ["../x", "a/b", "a;DROP", "a".repeat(64)]) {
      const refusal = await JsonSocket.refused(`${server.wsUrl}/database/api/ws`, { ws: { headers: { "x-database-namespace": name } } });
      expect(refusal.status, refusal.body).toBe(400);
      expect(JSON.parse(refusal.body)).toMatchObject({ code: "NAMESPACE_INVALID" });
    }
  });

  it("rolls back the implicit stream's transaction when the socket drops", async () => {
    const socket = await legacySocket();
    expect((await call(socket, 1, execute("CREATE TABLE legacy_drop (x)"))).type).toBe("ok");
    expect((await call(socket, 2, execute("BEGIN IMMEDIATE"))).type).toBe("ok");
    expect((await call(socket, 3, execute("INSERT INTO legacy_drop VALUES ('lost')"))).type).toBe("ok");
    socket.terminate();
    await socket.waitClosed();

    const deadline = Date.now() + 10_000;
    let written = false;
    while (!written && Date.now() < deadline) {
      written = allOk(await httpRun(server.httpUrl, ["BEGIN IMMEDIATE", "INSERT INTO legacy_drop VALUES ('kept')", "COMMIT"]));
      if (!written) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(written, "the write lock was released").toBe(true);
    expect(rowsAt(await httpRun(server.httpUrl, ["SELECT x FROM legacy_drop"]), 0)).toEqual([[text("kept")]]);
  });
});
