import { describe, expect, it } from "vitest";
import { RpcError } from "./rpc-errors.js";
import { parseRpcRequest } from "./rpc-request.js";
import { RPC_NONE } from "./rpc-values.js";

/** Stand-ins for the codecs' value classes, which this layer recognises structurally. */
class Uuid {
  constructor(readonly bytes: Uint8Array) {}
}
class Datetime {
  constructor(
    readonly seconds: bigint,
    readonly nanoseconds: number,
  ) {}
}
class Table {
  constructor(readonly name: string) {}
}

const SESSION = "0190c1c2-7e6b-7d3a-9f00-00000000abcd";
const sessionUuid = new Uuid(Uint8Array.from(Buffer.from(SESSION.replaceAll("-", ""), "hex")));

function errorOf(frame: unknown): unknown {
  try {
    parseRpcRequest(frame);
  } catch (error) {
    return error instanceof RpcError ? error.toWire() : error;
  }
  return "accepted";
}

const INVALID_REQUEST = { code: -32600, kind: "Validation", message: "Invalid request", details: { kind: "InvalidRequest" } };
const PARSE_ERROR = { code: -32700, kind: "Validation", message: "Parse error", details: { kind: "Parse" } };

describe("parseRpcRequest", () => {
  it("reads the JS SDK's request", () => {
    expect(parseRpcRequest({ id: "7", method: "query", params: ["RETURN 1", {}], session: RPC_NONE, txn: RPC_NONE })).toEqual({
      id: "7",
      method: "query",
      params: ["RETURN 1", {}],
    });
  });

  it("keeps every id form SurrealDB accepts, exactly as received", () => {
    const datetime = new Datetime(1n, 5);
    for (const id of ["1", 1, 2.5, 9007199254740993n, null, sessionUuid, datetime]) {
      expect(parseRpcRequest({ id, method: "ping" }).id).toBe(id);
    }
    expect("id" in parseRpcRequest({ id: RPC_NONE, method: "ping" })).toBe(false);
    expect("id" in parseRpcRequest({ method: "ping" })).toBe(false);
  });

  it("refuses other ids, and requests without a text method", () => {
    expect(errorOf({ id: true, method: "ping" })).toEqual(INVALID_REQUEST);
    expect(errorOf({ id: [1], method: "ping" })).toEqual(INVALID_REQUEST);
    expect(errorOf({ id: { a: 1 }, method: "ping" })).toEqual(INVALID_REQUEST);
    expect(errorOf({ id: new Table("t"), method: "ping" })).toEqual(INVALID_REQUEST);
    expect(errorOf({ id: "1" })).toEqual(INVALID_REQUEST);
    expect(errorOf({ id: "1", method: 5 })).toEqual(INVALID_REQUEST);
  });

  it("answers a parse error for frames that are not maps", () => {
    for (const frame of [[], "ping", 5, null, RPC_NONE, new Table("t")]) expect(errorOf(frame)).toEqual(PARSE_ERROR);
  });

  it("treats params that are not an array as no params", () => {
    expect(parseRpcRequest({ method: "select", params: "t" }).params).toEqual([]);
    expect(parseRpcRequest({ method: "select", params: { a: 1 } }).params).toEqual([]);
    expect(parseRpcRequest({ method: "select" }).params).toEqual([]);
  });

  it("reads session and txn as UUIDs or UUID text, and NONE or null as none", () => {
    expect(parseRpcRequest({ method: "attach", session: sessionUuid }).session).toBe(SESSION);
    expect(parseRpcRequest({ method: "attach", session: SESSION.toUpperCase() }).session).toBe(SESSION);
    expect(parseRpcRequest({ method: "query", txn: SESSION.replaceAll("-", "") }).txn).toBe(SESSION);
    expect("session" in parseRpcRequest({ method: "attach", session: null })).toBe(false);
    expect(errorOf({ method: "attach", session: "not-a-uuid" })).toEqual(INVALID_REQUEST);
    expect(errorOf({ method: "attach", session: 5 })).toEqual(INVALID_REQUEST);
    expect(errorOf({ method: "query", txn: new Uuid(new Uint8Array(4)) })).toEqual(INVALID_REQUEST);
  });

  it("accepts version 1 or 2 only", () => {
    expect(parseRpcRequest({ method: "ping", version: 2 }).version).toBe(2);
    expect(parseRpcRequest({ method: "ping", version: 1n }).version).toBe(1);
    expect("version" in parseRpcRequest({ method: "ping", version: null })).toBe(false);
    expect(errorOf({ method: "ping", version: 3 })).toEqual(INVALID_REQUEST);
    expect(errorOf({ method: "ping", version: "2" })).toEqual(INVALID_REQUEST);
  });

  it("leaves unknown method names to dispatch, and ignores unknown keys", () => {
    expect(parseRpcRequest({ method: "health", extra: 1 })).toEqual({ method: "health", params: [] });
  });
});
