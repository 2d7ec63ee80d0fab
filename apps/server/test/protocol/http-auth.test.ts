// Authentication over HTTP with `--user admin --pass s3cret`: every Hrana request must carry the
// credentials, as `Authorization: Basic base64(user:pass)` or as the bearer token `user:pass`
// (what @libsql/client sends as its authToken). Refusals are 401 with a JSON `{message, code}`.
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { closeReq, execute, executeResult, expectJsonError, postPipeline, value } from "./pipeline-calls.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(["--user", "admin", "--pass", "s3cret"]);
});

afterAll(async () => {
  await server.close();
});

/**
 * A raw WebSocket upgrade request (`ws` is not a dependency of this package): resolves with 101
 * when the server switches protocols, else with the HTTP status it answered.
 */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        ...headers,
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

const basic = (userPass: string) => `Basic ${Buffer.from(userPass, "utf8").toString("base64")}`;
const body = { baton: null, requests: [execute("SELECT 'in'"), closeReq] };

describe("HTTP authentication", () => {
  it("refuses a request without credentials with 401 JSON", async () => {
    for (const path of ["/v2/pipeline", "/v3/pipeline", "/database/api/pipeline", "/v3/cursor"]) {
      const res = await postPipeline(server.httpUrl, path === "/v3/cursor" ? { baton: null, batch: { steps: [] } } : body, { path });
      expectJsonError(res, { status: 401 });
      expect(res.body.code).toMatch(/^AUTH_/);
    }
  });

  it("accepts Authorization: Basic base64(admin:s3cret)", async () => {
    const res = await postPipeline(server.httpUrl, body, { headers: { authorization: basic("admin:s3cret") } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(executeResult(res.body.results[0]).rows).toEqual([[value.text("in")]]);
  });

  it("accepts Authorization: Bearer admin:s3cret, the scheme in any case", async () => {
    for (const scheme of ["Bearer", "bearer", "BEARER"]) {
      const res = await postPipeline(server.httpUrl, body, { headers: { authorization: `${scheme} admin:s3cret` } });
      expect(res.status, `${scheme}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(executeResult(res.body.results[0]).rows).toEqual([[value.text("in")]]);
    }
  });

  it("refuses wrong or malformed credentials with 401 JSON", async () => {
    const wrong = [
      basic("admin:wrong"),
      basic("root:s3cret"),
      basic("admin:s3cret "),
      basic("admins3cret"),
      "Bearer admin:wrong",
      "Bearer s3cret",
      "Bearer",
      "Basic",
      "Basic !!!not-base64!!!",
      "Digest admin:s3cret",
      "admin:s3cret",
    ];
    for (const authorization of wrong) {
      const res = await postPipeline(server.httpUrl, body, { headers: { authorization } });
      expectJsonError(res, { status: 401 });
    }
  });

  it("does not let a baton stand in for credentials", async () => {
    const open = await postPipeline(server.httpUrl, { requests: [execute("SELECT 1")] }, { headers: { authorization: basic("admin:s3cret") } });
    expect(open.status).toBe(200);
    const anonymous = await postPipeline(server.httpUrl, { baton: open.body.baton, requests: [closeReq] });
    expectJsonError(anonymous, { status: 401 });
  });
});

describe("WebSocket upgrades with credentials configured", () => {
  it("lets a Hrana upgrade through: Hrana authenticates at hello", async () => {
    expect(await upgradeStatus(server.wsUrl.replace(/^ws:/, "http:"), { "sec-websocket-protocol": "hrana3" })).toBe(101);
  });

  it("refuses an upgrade of /database/api/ws without credentials with 401: that route has no hello", async () => {
    const url = `${server.httpUrl}/database/api/ws`;
    expect(await upgradeStatus(url)).toBe(401);
    expect(await upgradeStatus(url, { authorization: basic("admin:wrong") })).toBe(401);
  });

  it("accepts an upgrade of /database/api/ws with credentials", async () => {
    const url = `${server.httpUrl}/database/api/ws`;
    expect(await upgradeStatus(url, { authorization: basic("admin:s3cret") })).toBe(101);
    expect(await upgradeStatus(url, { authorization: "Bearer admin:s3cret" })).toBe(101);
  });
});
