// The /database/api/ HTTP routes: `/database/api/pipeline` (and `/database/api/v2/pipeline`) behave like
// the Hrana pipeline, and `x-database-namespace` routes a request to its tenant's own SQLite file.
// Hostile tenant names are refused before they reach a file path.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
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

const ACME = { "x-database-namespace": "acme-corp" };

describe("/database/api pipeline routes", () => {
  for (const path of ["/database/api/pipeline", "/database/api/v2/pipeline", "/database/api/v3/pipeline"]) {
    it(`POST ${path} answers like the Hrana pipeline`, async () => {
      const reply = await pipeline(
        server.httpUrl,
        { baton: null, requests: [execute("SELECT ? AS n", [value.int("7")]), execute("SELECT * FROM api_missing"), closeReq] },
        { path },
      );
      expect(reply.results[0]).toEqual({
        type: "ok",
        response: {
          type: "execute",
          result: expect.objectContaining({ cols: [{ name: "n", decltype: null }], rows: [[value.int("7")]] }),
        },
      });
      expect(reply.results[1]).toMatchObject({ type: "error", error: { message: expect.any(String) } });
      okResponse(reply.results[2], "close");
      expect(reply.baton).toBeNull();
      expect(reply.base_url).toBeNull();
    });
  }

  it("carries a transaction across requests with batons", async () => {
    const path = "/database/api/pipeline";
    await runStatements(server.httpUrl, ["CREATE TABLE api_tx (x)"], { path });
    const begun = await pipeline(server.httpUrl, { requests: [execute("BEGIN"), execute("INSERT INTO api_tx VALUES (1)")] }, { path });
    expect(typeof begun.baton).toBe("string");
    expect(await queryRows(server.httpUrl, "SELECT x FROM api_tx", { path })).toEqual([]);
    const done = await pipeline(server.httpUrl, { baton: begun.baton, requests: [execute("COMMIT"), closeReq] }, { path });
    executeResult(done.results[0]);
    expect(await queryRows(server.httpUrl, "SELECT x FROM api_tx", { path })).toEqual([[value.int(1)]]);
  });
});

describe("x-database-namespace", () => {
  it("writes a named tenant to its own file, invisible from the default namespace", async () => {
    await runStatements(
      server.httpUrl,
      ["CREATE TABLE acme_only (x)", "INSERT INTO acme_only VALUES ('acme')"],
      { path: "/database/api/pipeline", headers: ACME },
    );
    expect(existsSync(join(server.dataDir, "acme-corp.db")), "acme-corp.db exists in the data directory").toBe(true);

    const inTenant = await queryRows(server.httpUrl, "SELECT x FROM acme_only", { path: "/database/api/pipeline", headers: ACME });
    expect(inTenant).toEqual([[value.text("acme")]]);

    const lookup = "SELECT name FROM sqlite_master WHERE name = 'acme_only'";
    expect(await queryRows(server.httpUrl, lookup, { path: "/database/api/pipeline" })).toEqual([]);
    expect(await queryRows(server.httpUrl, lookup)).toEqual([]);
  });

  it("does not let a tenant's baton be used for another namespace", async () => {
    const open = await pipeline(server.httpUrl, { requests: [execute("SELECT 1")] }, { path: "/database/api/pipeline", headers: ACME });
    const crossed = await postPipeline(server.httpUrl, { baton: open.baton, requests: [execute("SELECT 1")] }, { path: "/database/api/pipeline" });
    expect(crossed.status).toBe(400);
    expect(crossed.contentType).toBe("application/json");
    expect(crossed.body).toMatchObject({ message: expect.any(String), code: expect.any(String) });
  });

  it("refuses hostile names with 400 NAMESPACE_INVALID and creates no file", async () => {
    const parent = dirname(server.dataDir);
    const dataBefore = readdirSync(server.dataDir).sort();
    const parentBefore = readdirSync(parent).sort();
    const hostile = ["../x", "a/b", "a;DROP", "a".repeat(64), "ünï", "..", "-leading", "a b", "a\\b"];
    for (const name of hostile) {
      for (const path of ["/database/api/pipeline", "/v3/pipeline"]) {
        const res = await postPipeline(
          server.httpUrl,
          { baton: null, requests: [execute("CREATE TABLE pwned (x)"), closeReq] },
          { path, headers: { "x-database-namespace": name } },
        );
        expectJsonError(res, { status: 400, code: "NAMESPACE_INVALID" });
      }
    }
    expect(readdirSync(server.dataDir).sort()).toEqual(dataBefore);
    // Other tests' temporary directories may come and go in the parent; none of ours may appear.
    const parentAfter = readdirSync(parent);
    const created = parentAfter.filter((entry) => !parentBefore.includes(entry));
    expect(created.filter((entry) => !entry.startsWith("baton-test-"))).toEqual([]);
    expect(existsSync(join(server.dataDir, "a"))).toBe(false);
  });

  it("accepts a name of exactly 63 characters", async () => {
    const name = "n".repeat(63);
    await runStatements(server.httpUrl, ["SELECT 1"], { path: "/database/api/pipeline", headers: { "x-database-namespace": name } });
  });
});
