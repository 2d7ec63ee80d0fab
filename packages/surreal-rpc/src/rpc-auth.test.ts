import { NONE } from "@baton/codecs";
import { GatewayError } from "@baton/protocol-types";
import { RootCredentials, TokenIssuer } from "@baton/session-core";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rpcHarness, type TestSocket } from "./test-support/rpc-harness.js";

let credentials: RootCredentials;
const JWT_KEY = new Uint8Array(32).fill(7);
let clock: number;
let harness: ReturnType<typeof rpcHarness>;
let ws: TestSocket;

beforeAll(async () => {
  credentials = await RootCredentials.fromPassword({ user: "root", pass: "secret" });
});

beforeEach(() => {
  clock = Date.UTC(2026, 0, 1);
  harness = rpcHarness({ credentials, tokens: new TokenIssuer({ ttlSeconds: 60, now: () => clock }), now: () => clock });
  ws = harness.socket();
});

afterEach(async () => {
  await harness.dispose();
});

async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a GatewayError");
}

describe("auth gate", () => {
  it("a session that has not signed in may manage itself but not read data", async () => {
    expect(await ws.call("use", ["test", "test"])).toEqual({ namespace: "test", database: "test" });
    expect(await ws.call("let", ["v", 1])).toBeNull();
    expect(await ws.call("version")).toBe("surrealdb-3.0.2");
    expect(await ws.error("select", ["p"])).toEqual({
      code: -32602,
      kind: "NotAllowed",
      message: "Method not allowed",
      details: { kind: "Method", details: { name: "select" } },
    });
    expect((await ws.error("run", ["time::now"])).code).toBe(-32602);
  });
});

describe("signin", () => {
  it("answers a JWT and lets the session in", async () => {
    const token = await ws.call("signin", [{ user: "root", pass: "secret" }]);
    expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    await ws.call("use", ["test", "test"]);
    expect(await ws.call("create", ["p:a", { n: 1 }])).toMatchObject({ n: 1 });
    expect(await ws.call("info")).toBe(NONE);
  });

  it("matches keys case-insensitively", async () => {
    expect(typeof (await ws.call("signin", [{ USER: "root", Pass: "secret" }]))).toBe("string");
  });

  it("refuses a wrong password, missing fields and non-root targets", async () => {
    const invalid = {
      code: -32002,
      kind: "NotAllowed",
      message: "There was a problem with authentication",
      details: { kind: "Auth", details: { kind: "InvalidAuth" } },
    };
    expect(await ws.error("signin", [{ user: "root", pass: "nope" }])).toEqual(invalid);
    expect(await ws.error("signin", [{ user: "other", pass: "secret" }])).toEqual(invalid);
    expect(await ws.error("signin", [{ NS: "test", DB: "test", user: "root", pass: "secret" }])).toEqual(invalid);
    expect(await ws.error("signin", [{ user: "root" }])).toEqual({
      code: -32002,
      kind: "NotAllowed",
      message: "Username or Password was not provided",
      details: { kind: "Auth", details: { kind: "MissingUserOrPass" } },
    });
    expect(await ws.error("signin", ["root"])).toMatchObject({ code: -32603, message: "Expected (params:object)" });
    expect((await ws.error("select", ["p"])).code).toBe(-32602);
  });
});

describe("authenticate, invalidate and expiry", () => {
  it("another session takes a token's identity; invalidate drops it", async () => {
    const token = await ws.call("signin", [{ user: "root", pass: "secret" }]);
    const other = harness.socket();
    await other.call("use", ["test", "test"]);
    expect(await other.call("authenticate", [token])).toBe(NONE);
    expect(await other.call("select", ["p:none"])).toBe(NONE);
    expect(await other.call("invalidate")).toBe(NONE);
    expect((await other.error("select", ["p:none"])).code).toBe(-32602);
    expect(await other.error("authenticate", ["x.y.z"])).toMatchObject({ code: -32002, details: { details: { kind: "InvalidAuth" } } });
  });

  it("an expired token ends the session's access with TokenExpired until it signs in again", async () => {
    await ws.call("signin", [{ user: "root", pass: "secret" }]);
    await ws.call("use", ["test", "test"]);
    expect(await ws.call("select", ["p:a"])).toBe(NONE);
    clock += 61_000;
    expect(await ws.error("select", ["p:a"])).toEqual({
      code: -32002,
      kind: "NotAllowed",
      message: "The token has expired",
      details: { kind: "Auth", details: { kind: "TokenExpired" } },
    });
    expect(await ws.call("ping")).toBe(NONE);
    await ws.call("signin", [{ user: "root", pass: "secret" }]);
    expect(await ws.call("select", ["p:a"])).toBe(NONE);
  });

  it("reset forgets the identity", async () => {
    await ws.call("signin", [{ user: "root", pass: "secret" }]);
    await ws.call("reset");
    await ws.call("use", ["test", "test"]);
    expect((await ws.error("select", ["p:a"])).code).toBe(-32602);
  });
});

describe("header credentials", () => {
  it("Basic and Bearer credentials give the root identity; bad ones are refused before any RPC", async () => {
    const basic = await harness.service.authenticateDefaults({ namespace: "test", database: "test", credential: { scheme: "basic", user: "root", password: "secret" } });
    expect(basic).toEqual({ namespace: "test", database: "test", auth: { kind: "root", user: "root" } });
    expect(await harness.service.handleHttp({ message: { method: "select", params: ["p:a"] }, defaults: basic })).toEqual({ result: NONE });

    const token = (await ws.call("signin", [{ user: "root", pass: "secret" }])) as string;
    const bearer = await harness.service.authenticateDefaults({ credential: { scheme: "bearer", token } });
    expect(bearer.auth).toMatchObject({ kind: "root", user: "root", token });

    expect((await gatewayError(harness.service.authenticateDefaults({ credential: { scheme: "basic", user: "root", password: "x" } }))).code).toBe(
      "AUTH_CREDENTIALS_INVALID",
    );
    expect((await gatewayError(harness.service.authenticateDefaults({ credential: { scheme: "bearer", token: "x.y.z" } }))).code).toBe("AUTH_JWT_INVALID");
    clock += 61_000;
    expect((await gatewayError(harness.service.authenticateDefaults({ credential: { scheme: "bearer", token } }))).code).toBe("AUTH_JWT_EXPIRED");

    const anonymous = await harness.service.authenticateDefaults({ credential: null });
    expect(await harness.service.handleHttp({ message: { method: "select", params: ["p:a"] }, defaults: anonymous })).toMatchObject({
      error: { code: -32602 },
    });
  });

  it("attached HTTP sessions belong to the user who attached them", async () => {
    const S = "0191c5a2-7b1d-7f4e-9a55-3c1b2d4e5f61";
    const root = await harness.service.authenticateDefaults({ credential: { scheme: "basic", user: "root", password: "secret" } });
    const anonymous = await harness.service.authenticateDefaults({ credential: null });
    expect(await harness.service.handleHttp({ message: { method: "attach", session: S }, defaults: root })).toEqual({ result: NONE });
    expect(await harness.service.handleHttp({ message: { method: "ping", session: S }, defaults: anonymous })).toMatchObject({
      error: { kind: "NotFound", details: { kind: "Session" } },
    });
    expect(await harness.service.handleHttp({ message: { method: "sessions" }, defaults: anonymous })).toMatchObject({
      error: { code: -32602, kind: "NotAllowed", message: /Authorization header/ },
    });
    expect(await harness.service.handleHttp({ message: { method: "detach", session: S }, defaults: anonymous })).toMatchObject({
      error: { kind: "NotFound" },
    });
    expect(await harness.service.handleHttp({ message: { method: "ping", session: S }, defaults: root })).toEqual({ result: NONE });
  });

  it("anonymous requests cannot attach, list or reach attached sessions, even one signed in by signin", async () => {
    const [A, B] = ["0191c5a2-7b1d-7f4e-9a55-3c1b2d4e5f62", "0191c5a2-7b1d-7f4e-9a55-3c1b2d4e5f63"];
    const anonymous = await harness.service.authenticateDefaults({ credential: null });
    const root = await harness.service.authenticateDefaults({ credential: { scheme: "basic", user: "root", password: "secret" } });
    const http = (defaults: typeof root, message: object) => harness.service.handleHttp({ message, defaults });
    expect(await http(anonymous, { method: "attach", session: A })).toMatchObject({ error: { code: -32602, kind: "NotAllowed" } });
    // Attached by root, then signed in by its own signin: still root's, never an anonymous request's.
    expect(await http(root, { method: "attach", session: B })).toEqual({ result: NONE });
    expect(await http(root, { method: "signin", params: [{ user: "root", pass: "secret" }], session: B })).toMatchObject({ result: expect.any(String) });
    expect(await http(root, { method: "use", params: ["test", "test"], session: B })).toMatchObject({ result: { namespace: "test" } });
    for (const method of ["select", "ping", "detach", "invalidate"]) {
      expect(await http(anonymous, { method, params: ["p:a"], session: B })).toEqual({
        error: { code: -32000, kind: "NotFound", message: `Session not found: ${B}`, details: { kind: "Session", details: { id: B } } },
      });
    }
    expect(await http(root, { method: "select", params: ["p:a"], session: B })).toEqual({ result: NONE });
    expect(await http(root, { method: "sessions" })).toMatchObject({ result: [expect.anything()] });
  });

  it("a genuine token naming a user other than the root user is refused, over headers and authenticate", async () => {
    const stranger = await new TokenIssuer({ secret: JWT_KEY }).issueRoot("mallory");
    const own = await new TokenIssuer({ secret: JWT_KEY }).issueRoot("root");
    const local = rpcHarness({ credentials, tokens: new TokenIssuer({ secret: JWT_KEY }) });
    try {
      expect((await gatewayError(local.service.authenticateDefaults({ credential: { scheme: "bearer", token: stranger } }))).code).toBe("AUTH_JWT_INVALID");
      expect((await local.service.authenticateDefaults({ credential: { scheme: "bearer", token: own } })).auth).toMatchObject({ user: "root" });
      const socket = local.socket();
      expect(await socket.error("authenticate", [stranger])).toMatchObject({ code: -32002, details: { kind: "Auth", details: { kind: "InvalidAuth" } } });
      expect(await socket.call("authenticate", [own])).toBe(NONE);
    } finally {
      await local.dispose();
    }
  });
});
