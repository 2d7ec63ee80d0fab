import { NONE, Uuid } from "@baton/codecs";
import { RPC_METHOD_NAMES } from "@baton/protocol-types/rpc";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rpcHarness, type TestSocket } from "./test-support/rpc-harness.js";

let harness: ReturnType<typeof rpcHarness>;
let ws: TestSocket;

beforeEach(() => {
  harness = rpcHarness();
  ws = harness.socket();
});

afterEach(async () => {
  await harness.dispose();
});

const S = "0191c5a2-7b1d-7f4e-9a55-3c1b2d4e5f60";

describe("envelope", () => {
  it("answers a frame that is not a map with -32700 and no id", () => {
    ws.socket.handleMessage([1, 2]);
    ws.socket.handleUndecodable(new Error("bad CBOR"));
    expect(ws.frames).toEqual([
      { error: { code: -32700, kind: "Validation", message: "Parse error", details: { kind: "Parse" } } },
      { error: { code: -32700, kind: "Validation", message: "Parse error", details: { kind: "Parse" } } },
    ]);
  });

  it("answers a map without method with -32600 and no id", () => {
    ws.socket.handleMessage({ id: "1", params: [] });
    expect(ws.frames).toEqual([{ error: { code: -32600, kind: "Validation", message: "Invalid request", details: { kind: "InvalidRequest" } } }]);
  });

  it("echoes ids exactly, whatever their type", async () => {
    const done = new Promise<void>((resolve) => setTimeout(resolve, 0));
    ws.socket.handleMessage({ id: 7, method: "ping" });
    ws.socket.handleMessage({ id: "abc", method: "ping" });
    ws.socket.handleMessage({ method: "ping" });
    await done;
    await ws.call("ping");
    expect(ws.frames.slice(0, 3)).toEqual([{ id: 7, result: NONE }, { id: "abc", result: NONE }, { result: NONE }]);
  });

  it("answers unknown methods (health included) with -32601", async () => {
    for (const method of ["nope", "health", "Ping"]) {
      expect(await ws.error(method)).toEqual({
        code: -32601,
        kind: "NotFound",
        message: "Method not found",
        details: { kind: "Method", details: { name: "unknown" } },
      });
    }
  });

  it("version takes no parameters", async () => {
    expect(await ws.call("version")).toBe("surrealdb-3.0.2");
    expect(await ws.error("version", [1])).toEqual({
      code: -32603,
      kind: "Validation",
      message: "Expected 0 arguments",
      details: { kind: "InvalidParams" },
    });
  });
});

describe("use", () => {
  it("selects, keeps and clears namespace and database", async () => {
    expect(await ws.call("use", ["test", "test"])).toEqual({ namespace: "test", database: "test" });
    expect(await ws.call("use", [NONE, NONE])).toEqual({ namespace: "test", database: "test" });
    expect(await ws.call("use", ["test", null])).toEqual({ namespace: "test", database: NONE });
    expect(await ws.call("use", [NONE, "shop"])).toEqual({ namespace: "test", database: "shop" });
    expect(await ws.call("use", [null, NONE])).toEqual({ namespace: NONE, database: NONE });
  });

  it("refuses one element and non-text names", async () => {
    expect((await ws.error("use", ["test"])).message).toBe("Expected (ns, db)");
    expect((await ws.error("use", [5, "x"])).message).toMatch(/^Expected ns to be string/);
  });

  it("refuses selections that name no Baton tenant, keeping the old one", async () => {
    await ws.call("use", ["acme", "shop"]);
    const spaced = await ws.error("use", ["a b", "x"]);
    expect(spaced).toMatchObject({ code: -32000, kind: "Validation" });
    expect(spaced.message).toMatch(/Invalid namespace "a b"/);
    expect((await ws.error("use", ["a--b", "c"])).message).toMatch(/contains "--"/);
    expect((await ws.error("use", ["acme", "../x"])).kind).toBe("Validation");
    expect(await ws.call("use", [NONE, NONE])).toEqual({ namespace: "acme", database: "shop" });
  });

  it("starts from the connection's headers", async () => {
    const other = harness.socket({ defaults: { namespace: "hdr", database: "db", auth: undefined } });
    expect(await other.call("use", [NONE, NONE])).toEqual({ namespace: "hdr", database: "db" });
  });

  it("record methods need a namespace and a database", async () => {
    expect(await ws.error("select", ["person"])).toEqual({
      code: -32000,
      kind: "Validation",
      message: "Specify a namespace to use",
      details: { kind: "NamespaceEmpty" },
    });
    await ws.call("use", ["test", NONE]);
    expect(await ws.error("create", ["person", {}])).toMatchObject({ message: "Specify a database to use", details: { kind: "DatabaseEmpty" } });
  });
});

describe("variables and reset", () => {
  it("let, set and unset answer null; protected names are refused", async () => {
    expect(await ws.call("let", ["v", 5])).toBeNull();
    expect(await ws.call("set", ["w", 6])).toBeNull();
    expect(await ws.call("let", ["v2", NONE])).toBeNull();
    expect(await ws.call("unset", ["v"])).toBeNull();
    expect(await ws.error("let", ["session", 1])).toMatchObject({ code: -32603, message: "Cannot set protected variable: session" });
  });

  it("reset clears the selection", async () => {
    await ws.call("use", ["test", "test"]);
    expect(await ws.call("reset")).toBe(NONE);
    expect(await ws.call("use", [NONE, NONE])).toEqual({ namespace: NONE, database: NONE });
  });
});

describe("sessions", () => {
  it("attach, use, sessions and detach, with session echoed", async () => {
    const attach = await ws.request("attach", undefined, { session: Uuid.parse(S) });
    expect(attach).toEqual({ id: "1", session: Uuid.parse(S), result: NONE });
    expect(await ws.error("attach", undefined, { session: S })).toEqual({
      code: -32000,
      kind: "AlreadyExists",
      message: `Session already exists: ${S}`,
      details: { kind: "Session", details: { id: S } },
    });
    expect(await ws.call("use", ["a", "a"], { session: S })).toEqual({ namespace: "a", database: "a" });
    // The default session is another session.
    expect(await ws.call("use", [NONE, NONE])).toEqual({ namespace: NONE, database: NONE });
    expect(await ws.call("sessions")).toEqual([Uuid.parse(S)]);
    expect(await ws.call("detach", undefined, { session: S })).toBe(NONE);
    expect(await ws.call("sessions")).toEqual([]);
    expect(await ws.error("ping", undefined, { session: S })).toEqual({
      code: -32000,
      kind: "NotFound",
      message: `Session not found: ${S}`,
      details: { kind: "Session", details: { id: S } },
    });
  });

  it("detach and attach need a session id", async () => {
    expect(await ws.error("detach", undefined, { session: NONE })).toMatchObject({ code: -32603, message: "Expected a session ID" });
    expect(await ws.error("attach")).toMatchObject({ code: -32603, message: "Expected a session ID" });
  });
});

describe("dispatch", () => {
  it("every method SurrealDB 3 knows reaches a handler on a WebSocket", async () => {
    for (const method of RPC_METHOD_NAMES) {
      const frame = await ws.request(method, []);
      expect(frame.error?.code, method).not.toBe(-32601);
    }
  });
});

describe("query and unsupported methods", () => {
  it("query runs SurrealQL; a parse error fails the call; live says live queries are not supported", async () => {
    expect(await ws.call("query", ["RETURN 1; THROW 'x'", {}])).toMatchObject([
      { status: "OK", result: 1 },
      { status: "ERR", kind: "Thrown", result: "An error occurred: x" },
    ]);
    expect(await ws.error("query", ["SELECT * FROM", {}])).toMatchObject({ code: -32000, kind: "Validation" });
    expect(await ws.error("query", ["RETURN 1", 5])).toMatchObject({ code: -32603, message: "Expected vars to be object, got Some(Number(Int(5)))" });
    expect(await ws.error("live", ["person"])).toMatchObject({ code: -32604, kind: "Configuration", message: "Unable to perform the realtime query" });
    expect(await ws.error("signup", [{ ns: "a", db: "a", ac: "x" }])).toMatchObject({ kind: "Configuration" });
  });
});

describe("HTTP", () => {
  const defaults = { auth: undefined };

  it("answers {result} or {error}, never id or session", async () => {
    expect(await harness.service.handleHttp({ message: { id: "1", method: "version" }, defaults })).toEqual({ result: "surrealdb-3.0.2" });
    expect(await harness.service.handleHttp({ message: "nope", defaults })).toEqual({
      error: { code: -32700, kind: "Validation", message: "Parse error", details: { kind: "Parse" } },
    });
  });

  it("refuses transactions as unknown methods and live queries as unsupported", async () => {
    expect(await harness.service.handleHttp({ message: { method: "begin" }, defaults })).toMatchObject({ error: { code: -32601 } });
    expect(await harness.service.handleHttp({ message: { method: "live", params: ["p"] }, defaults })).toMatchObject({ error: { code: -32604 } });
  });

  it("knows no transactions", async () => {
    const txn = "0191c5a2-7b1d-7f4e-9a55-3c1b2d4e5f62";
    await harness.service.handleHttp({ message: { method: "use", params: ["t", "t"] }, defaults });
    expect(
      await harness.service.handleHttp({ message: { method: "select", params: ["p:a"], txn }, defaults: { namespace: "t", database: "t", auth: undefined } }),
    ).toMatchObject({ error: { code: -32603, message: "Transaction not found" } });
  });

  it("a request without session gets a fresh one from the headers; attached sessions persist", async () => {
    const headers = { namespace: "h", database: "h", auth: undefined };
    expect(await harness.service.handleHttp({ message: { method: "use", params: [NONE, NONE] }, defaults: headers })).toEqual({
      result: { namespace: "h", database: "h" },
    });
    await harness.service.handleHttp({ message: { method: "use", params: ["x", "x"] }, defaults: headers });
    expect(await harness.service.handleHttp({ message: { method: "use", params: [NONE, NONE] }, defaults: headers })).toEqual({
      result: { namespace: "h", database: "h" },
    });
    expect(await harness.service.handleHttp({ message: { method: "attach", session: S }, defaults })).toEqual({ result: NONE });
    await harness.service.handleHttp({ message: { method: "use", params: ["kept", "kept"], session: S }, defaults });
    expect(await harness.service.handleHttp({ message: { method: "use", params: [NONE, NONE], session: S }, defaults })).toEqual({
      result: { namespace: "kept", database: "kept" },
    });
    expect(await harness.service.handleHttp({ message: { method: "sessions" }, defaults })).toEqual({ result: [Uuid.parse(S)] });
    expect(await harness.service.handleHttp({ message: { method: "detach", session: S }, defaults })).toEqual({ result: NONE });
    expect(await harness.service.handleHttp({ message: { method: "ping", session: S }, defaults })).toMatchObject({
      error: { kind: "NotFound", details: { kind: "Session" } },
    });
  });
});
