// Authentication over WebSocket: Hrana checks the hello's `jwt` (hello_error, then the socket
// closes; nothing behind a refused hello runs). The `/database/api/ws` route has no hello, so it must check
// the upgrade request's Authorization header like any HTTP request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOk, httpRun, rowsAt, sqlStmt } from "./support/http-pipeline.js";
import { HranaWsClient, JsonSocket } from "./support/json-socket.js";
import { userPassAuthenticator } from "../src/index.js";
import { startWsTestServer, type WsTestServer } from "./support/ws-test-server.js";

let server: WsTestServer;

beforeAll(async () => {
  server = await startWsTestServer({ authenticate: userPassAuthenticator({ user: "admin", pass: "s3cret" }) });
});

afterAll(async () => {
  await server.close();
});

const basic = `Basic ${Buffer.from("admin:s3cret").toString("base64")}`;

describe("hello authentication", () => {
  for (const [label, hello] of [
    ["without jwt", { type: "hello" }],
    ["with jwt null", { type: "hello", jwt: null }],
    ["with a wrong jwt", { type: "hello", jwt: "admin:wrong" }],
  ] as const) {
    it(`answers hello ${label} with hello_error, then closes; requests behind it do not run`, async () => {
      const socket = await JsonSocket.connect(server.wsUrl, { protocols: ["hrana3"] });
      socket.send(hello);
      socket.send({ type: "request", request_id: 1, request: { type: "open_stream", stream_id: 1 } });
      socket.send({ type: "request", request_id: 2, request: { type: "execute", stream_id: 1, stmt: sqlStmt("CREATE TABLE intruder (x)") } });
      const reply = await socket.take();
      expect(reply).toMatchObject({ type: "hello_error", error: { message: expect.any(String), code: expect.stringMatching(/^AUTH_/) } });
      const closed = await socket.waitClosed();
      expect(closed.code).not.toBe(1000);
      expect(socket.pending.filter((m) => m.type === "response_ok")).toEqual([]);

      const probe = await httpRun(server.httpUrl, ["SELECT name FROM sqlite_master WHERE name = 'intruder'"], { headers: { authorization: basic } });
      expect(rowsAt(probe, 0)).toEqual([]);
    });
  }

  it("answers hello with jwt admin:s3cret with hello_ok and serves requests", async () => {
    for (const protocols of [["hrana3"], ["hrana2", "hrana1"]]) {
      const client = await HranaWsClient.open(server.wsUrl, { protocols, jwt: "admin:s3cret" });
      await client.ok({ type: "open_stream", stream_id: 1 });
      const response = await client.ok({ type: "execute", stream_id: 1, stmt: sqlStmt("SELECT 'welcome'") });
      expect(response.result.rows).toEqual([[{ type: "text", value: "welcome" }]]);
      client.close();
    }
  });

  it("runs requests pipelined behind an accepted hello, after hello_ok", async () => {
    const socket = await JsonSocket.connect(server.wsUrl, { protocols: ["hrana3"] });
    socket.send({ type: "hello", jwt: "admin:s3cret" });
    socket.send({ type: "request", request_id: 1, request: { type: "open_stream", stream_id: 1 } });
    socket.send({ type: "request", request_id: 2, request: { type: "execute", stream_id: 1, stmt: sqlStmt("SELECT 'piped'") } });
    expect(await socket.take()).toEqual({ type: "hello_ok" });
    const client = new HranaWsClient(socket);
    expect(await client.reply(1)).toMatchObject({ type: "response_ok", request_id: 1 });
    const executed = await client.reply(2);
    expect(executed.response.result.rows).toEqual([[{ type: "text", value: "piped" }]]);
    client.close();
  });

  it("refuses HTTP without credentials on the same server (sanity check of the authenticator)", async () => {
    const refused = await httpRun(server.httpUrl, ["SELECT 1"]);
    expect(refused.status).toBe(401);
    expect(allOk(await httpRun(server.httpUrl, ["SELECT 1"], { headers: { authorization: basic } }))).toBe(true);
  });
});

describe("WS /database/api/ws authentication", () => {
  it("refuses the upgrade without credentials with HTTP 401", async () => {
    const refusal = await JsonSocket.refused(`${server.wsUrl}/database/api/ws`);
    expect(refusal.status, refusal.body).toBe(401);
  });

  it("refuses the upgrade with wrong credentials with HTTP 401", async () => {
    const wrong = `Basic ${Buffer.from("admin:wrong").toString("base64")}`;
    const refusal = await JsonSocket.refused(`${server.wsUrl}/database/api/ws`, { ws: { headers: { authorization: wrong } } });
    expect(refusal.status, refusal.body).toBe(401);
  });

  it("runs no SQL for a client without credentials", async () => {
    let socket: JsonSocket | undefined;
    try {
      socket = await JsonSocket.connect(`${server.wsUrl}/database/api/ws`);
    } catch {
      // The handshake was refused: nothing can run.
    }
    if (socket !== undefined) {
      socket.send({ request_id: 1, request: { type: "execute", stmt: sqlStmt("CREATE TABLE legacy_intruder (x)") } });
      // Whatever the answer (or none, if the server closes), the table must not exist afterwards.
      await Promise.race([socket.take((m) => m.request_id === 1).catch(() => undefined), socket.closed]);
      socket.terminate();
    }
    const probe = await httpRun(server.httpUrl, ["SELECT name FROM sqlite_master WHERE name = 'legacy_intruder'"], {
      headers: { authorization: basic },
    });
    expect(rowsAt(probe, 0), "an unauthenticated client created a table").toEqual([]);
  });

  it("serves the upgrade with Authorization credentials", async () => {
    for (const authorization of [basic, "Bearer admin:s3cret"]) {
      const socket = await JsonSocket.connect(`${server.wsUrl}/database/api/ws`, { ws: { headers: { authorization } } });
      socket.send({ request_id: 1, request: { type: "execute", stmt: sqlStmt("SELECT 'in'") } });
      const reply = await socket.take((m) => m.request_id === 1);
      expect(reply.response).toMatchObject({ type: "ok", response: { type: "execute", result: { rows: [[{ type: "text", value: "in" }]] } } });
      socket.close();
    }
  });
});
