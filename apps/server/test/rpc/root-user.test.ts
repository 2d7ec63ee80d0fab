// The root user configured by hash only (`--pass-hash`): no plain password anywhere, yet both
// protocols check it (Hrana through the same RootCredentials as RPC), and the token RPC `signin`
// issues is a Hrana bearer token over HTTP and in the WebSocket hello alike.
import { RpcClient } from "@baton/client-sdk";
import { RootCredentials } from "@baton/session-core";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

const PASSWORD = "only-the-hash-is-configured";
let server: TestServer;

beforeAll(async () => {
  const hash = (await RootCredentials.fromPassword({ user: "admin", pass: PASSWORD })).toHashString();
  server = await startTestServer(["--user", "admin", "--pass-hash", hash]);
});
afterAll(async () => {
  await server.close();
});

async function hranaOutcome(url: string, authToken: string): Promise<string> {
  const client = createClient({ url, authToken });
  try {
    const rs = await client.execute("SELECT 1");
    return `ok ${Number(rs.rows[0]?.[0])}`;
  } catch (error) {
    return `refused ${(error as { code?: string }).code ?? String(error)}`;
  } finally {
    client.close();
  }
}

describe("a root user configured by --pass-hash", () => {
  test("Hrana accepts the password and refuses another", async () => {
    expect(await hranaOutcome(server.httpUrl, `admin:${PASSWORD}`)).toBe("ok 1");
    expect(await hranaOutcome(server.wsUrl, `admin:${PASSWORD}`)).toBe("ok 1");
    expect(await hranaOutcome(server.httpUrl, "admin:wrong")).toMatch(/^refused/);
  });

  test("RPC signin issues a token that Hrana accepts over HTTP and WebSocket", async () => {
    const rpc = await RpcClient.connect(server.wsUrl, { format: "cbor" });
    try {
      const token = await rpc.call<string>("signin", [{ user: "admin", pass: PASSWORD }]);
      expect(await hranaOutcome(server.httpUrl, token)).toBe("ok 1");
      expect(await hranaOutcome(server.wsUrl, token)).toBe("ok 1");
      const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
      expect(await hranaOutcome(server.httpUrl, tampered)).toMatch(/^refused/);
    } finally {
      await rpc.close();
    }
  });

  test("an unusable --pass-hash is refused at start", async () => {
    await expect(startTestServer(["--user", "admin", "--pass-hash", "not-a-hash"])).rejects.toThrow(/--pass-hash/);
  });
});
