// Tenants as users reach them: @libsql/client cannot send headers, so the namespace travels in
// the URL path (`/ns/<name>/`), or in the Host name when the server is told to read it.
import { createClient } from "@libsql/client";
import { existsSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe.each(["http", "ws"] as const)("namespaces in the URL path over %s", (scheme) => {
  const base = () => (scheme === "http" ? server.httpUrl : server.wsUrl);

  it("keeps each tenant in its own database file, invisible to the others", async () => {
    const acme = createClient({ url: `${base()}/ns/acme-${scheme}/` });
    const beta = createClient({ url: `${base()}/ns/beta-${scheme}/` });
    const plain = createClient({ url: base() });
    await acme.execute("CREATE TABLE secrets (v TEXT)");
    await acme.execute("INSERT INTO secrets VALUES ('acme only')");
    const tx = await acme.transaction("write");
    await tx.execute("INSERT INTO secrets VALUES ('in a transaction')");
    await tx.commit();
    expect((await acme.execute("SELECT count(*) AS n FROM secrets")).rows[0]?.n).toBe(2);
    await expect(beta.execute("SELECT * FROM secrets")).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    await expect(plain.execute("SELECT * FROM secrets")).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    expect(existsSync(join(server.dataDir, `acme-${scheme}.db`))).toBe(true);
    for (const client of [acme, beta, plain]) client.close();
  });
});

describe("namespace URLs", () => {
  it("explain a forgotten trailing slash instead of answering 404", async () => {
    const client = createClient({ url: `${server.httpUrl}/ns/acme` });
    await expect(client.execute("SELECT 1")).rejects.toMatchObject({
      code: "NAMESPACE_INVALID",
      message: expect.stringMatching(/must end with a slash/),
    });
    client.close();
  });

  it("refuse hostile names in the path before touching the filesystem", async () => {
    for (const bad of ["..%2F..%2Fetc", "a%3BDROP", "%C3%BCn%C3%AF"]) {
      const res = await fetch(`${server.httpUrl}/ns/${bad}/v2/pipeline`, { method: "POST", body: '{"requests":[]}' });
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ code: "NAMESPACE_INVALID" });
    }
  });

  it("refuse an adapter that is not configured", async () => {
    const res = await fetch(`${server.httpUrl}/v2/pipeline`, {
      method: "POST",
      headers: { "x-database-adapter": "nope" },
      body: '{"requests":[]}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "ADAPTER_NOT_FOUND" });
  });
});

describe("namespaces from the Host name", () => {
  it("route by the first label when --namespace-from-host is on", async () => {
    const hosted = await startTestServer(["--namespace-from-host"]);
    try {
      const port = new URL(hosted.httpUrl).port;
      // fetch() will not send a Host header of our choosing; node:http will.
      const call = (host: string, sql: string) =>
        new Promise<{ results: { type: string }[] }>((resolve, reject) => {
          const body = JSON.stringify({ requests: [{ type: "execute", stmt: { sql } }, { type: "close" }] });
          const req = request(`${hosted.httpUrl}/v2/pipeline`, { method: "POST", headers: { host: `${host}:${port}` } }, (res) => {
            let text = "";
            res.on("data", (chunk: Buffer) => (text += chunk.toString()));
            res.on("end", () => resolve(JSON.parse(text) as { results: { type: string }[] }));
          });
          req.on("error", reject);
          req.end(body);
        });
      expect((await call("gamma.localhost", "CREATE TABLE g (v)")).results[0]?.type).toBe("ok");
      expect((await call("gamma.localhost", "SELECT * FROM g")).results[0]?.type).toBe("ok");
      expect((await call("delta.localhost", "SELECT * FROM g")).results[0]?.type).toBe("error");
      expect(existsSync(join(hosted.dataDir, "gamma.db"))).toBe(true);
    } finally {
      await hosted.close();
    }
  });
});
