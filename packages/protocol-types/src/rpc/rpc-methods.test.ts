import { describe, expect, expectTypeOf, it } from "vitest";
import { RpcError } from "./rpc-errors.js";
import { RPC_METHOD_NAMES, isRpcMethodName, type RpcMethodName } from "./rpc-method-name.js";
import { RPC_METHODS, checkParams } from "./rpc-methods.js";
import { RPC_NONE } from "./rpc-values.js";

/** Stands in for the codecs' Uuid (this layer sees value classes only structurally). */
class Uuid {
  constructor(readonly bytes: Uint8Array) {}
}
const uuid = new Uuid(new Uint8Array(16).fill(7));

function failure(method: RpcMethodName, params: readonly unknown[]): unknown {
  try {
    checkParams(method, params);
  } catch (error) {
    return error instanceof RpcError ? error.toWire() : error;
  }
  return "accepted";
}

const invalid = (message: string) => ({
  code: -32603,
  kind: "Validation",
  message,
  details: { kind: "InvalidParams" },
});

describe("RPC method names", () => {
  it("are exactly SurrealDB 3's, case-sensitive, and every one has params rules", () => {
    expect(RPC_METHOD_NAMES).toHaveLength(34);
    expect(Object.keys(RPC_METHODS).sort()).toEqual([...RPC_METHOD_NAMES].sort());
    expect(isRpcMethodName("insert_relation")).toBe(true);
    expect(isRpcMethodName("let")).toBe(true);
    expect(isRpcMethodName("health")).toBe(false);
    expect(isRpcMethodName("Query")).toBe(false);
    expect(isRpcMethodName(5)).toBe(false);
  });
});

describe("checkParams", () => {
  it("returns the params it accepts", () => {
    const params = ["RETURN 1", { a: 1 }];
    expect(checkParams("query", params)).toBe(params);
  });

  it("types the params it returns by the method's schema", () => {
    expectTypeOf(checkParams("run", ["time::now"])).toEqualTypeOf<[string] | [string, unknown] | [string, unknown, unknown]>();
    expectTypeOf(checkParams("authenticate", ["t"])).toEqualTypeOf<[string]>();
    expectTypeOf(checkParams("relate", ["a", "e", "b"])).toEqualTypeOf<[unknown, unknown, unknown] | [unknown, unknown, unknown, unknown]>();
    expectTypeOf(checkParams("ping", [])).toEqualTypeOf<unknown[]>();
  });

  it("answers SurrealDB's messages for wrong arity", () => {
    expect(failure("version", [1])).toEqual(invalid("Expected 0 arguments"));
    expect(failure("use", ["test"])).toEqual(invalid("Expected (ns, db)"));
    expect(failure("use", ["a", "b", "c"])).toEqual(invalid("Expected (ns, db)"));
    expect(failure("select", [])).toEqual(invalid("Expected (what:Value)"));
    expect(failure("delete", ["a", "b"])).toEqual(invalid("Expected (what:Value)"));
    expect(failure("insert", ["t"])).toEqual(invalid("Expected (what:Value, data:Value)"));
    expect(failure("insert_relation", ["t"])).toEqual(invalid("Expected (what, data)"));
    expect(failure("create", [])).toEqual(invalid("Expected (what:Value, data:Value)"));
    expect(failure("update", ["t", {}, 1])).toEqual(invalid("Expected (what, data)"));
    expect(failure("patch", ["t", [], true, 1])).toEqual(invalid("Expected (what:Value, data:Value, diff:Value)"));
    expect(failure("relate", ["a", "e"])).toEqual(invalid("Expected (from:Value, kind:Value, with:Value, data:Value)"));
    expect(failure("run", [])).toEqual(invalid("Expected (name:string, version:string, args:array)"));
    expect(failure("run", ["f", RPC_NONE, [], 1])).toEqual(invalid("Expected (name:string, version:string, args:array)"));
    expect(failure("kill", [])).toEqual(invalid("Expected (id)"));
    expect(failure("live", [])).toEqual(invalid("Expected (what, diff)"));
    expect(failure("unset", [])).toEqual(invalid("Expected (key)"));
    expect(failure("let", [])).toEqual(invalid("Expected (key:string, value:Value)"));
    expect(failure("query", [])).toEqual(invalid("Expected (query:string, vars:object)"));
    expect(failure("signin", [])).toEqual(invalid("Expected (params:object)"));
    expect(failure("authenticate", [])).toEqual(invalid("Expected (token:string)"));
    expect(failure("refresh", [])).toEqual(invalid("Expected (token:Token)"));
    expect(failure("commit", [])).toEqual(invalid("Expected transaction UUID"));
  });

  it("accepts optional trailing params exactly up to their count", () => {
    expect(failure("create", ["t"])).toBe("accepted");
    expect(failure("create", ["t", { n: 1 }])).toBe("accepted");
    expect(failure("merge", ["t"])).toBe("accepted");
    expect(failure("patch", ["t", []])).toBe("accepted");
    expect(failure("patch", ["t", [], true])).toBe("accepted");
    expect(failure("relate", ["a", "e", "b"])).toBe("accepted");
    expect(failure("relate", ["a", "e", "b", { w: 1 }])).toBe("accepted");
    expect(failure("run", ["time::now"])).toBe("accepted");
    expect(failure("run", ["math::sum", RPC_NONE, [[1, 2, 3]]])).toBe("accepted");
    expect(failure("run", ["ml::m", "1.0.0", null])).toBe("accepted");
    expect(failure("live", ["t", true])).toBe("accepted");
    expect(failure("let", ["v"])).toBe("accepted");
    expect(failure("version", [])).toBe("accepted");
  });

  it("checks value shapes the way SurrealDB words them", () => {
    expect(failure("query", [5])).toEqual(invalid("Expected query to be string"));
    expect(failure("query", ["RETURN 1", 5])).toEqual(invalid("Expected vars to be object, got Some(Number(Int(5)))"));
    expect(failure("query", ["RETURN 1", [1.5, "x"]])).toEqual(
      invalid('Expected vars to be object, got Some(Array(Array([Number(Float(1.5)), String("x")])))'),
    );
    expect(failure("query", ["RETURN 1", uuid])).toMatchObject({ message: /^Expected vars to be object, got Some\(/ });
    expect(failure("query", ["RETURN 1", RPC_NONE])).toBe("accepted");
    expect(failure("query", ["RETURN 1", null])).toBe("accepted");
    expect(failure("use", [5, "db"])).toEqual(invalid("Expected ns to be string, got Number(Int(5))"));
    expect(failure("use", ["ns", true])).toEqual(invalid("Expected db to be string, got Bool(true)"));
    expect(failure("use", [RPC_NONE, null])).toBe("accepted");
    expect(failure("run", [1])).toEqual(invalid("Expected name to be string, got Number(Int(1))"));
    expect(failure("run", ["f", 2])).toEqual(invalid("Expected version to be string, got Some(Number(Int(2)))"));
    expect(failure("run", ["f", null, "x"])).toEqual(invalid('Expected args to be array, got Some(String("x"))'));
    expect(failure("signin", [[{ user: "root" }]])).toEqual(invalid("Expected (params:object)"));
    expect(failure("signin", [uuid])).toEqual(invalid("Expected (params:object)"));
    expect(failure("signin", [{ user: "root", pass: "root" }])).toBe("accepted");
    expect(failure("authenticate", [5])).toEqual(invalid("Expected (token:string)"));
    // authenticate takes the access token only; refresh/revoke take a Token (text or {access, refresh}).
    expect(failure("authenticate", [{ access: "a", refresh: "r" }])).toEqual(invalid("Expected (token:string)"));
    expect(failure("refresh", [{ access: "a", refresh: "r" }])).toBe("accepted");
    expect(failure("revoke", [{ access: "a", refresh: RPC_NONE }])).toBe("accepted");
    expect(failure("refresh", [{ access: "a", refresh: 5 }])).toEqual(invalid("Expected (token:Token)"));
    expect(failure("revoke", [{ refresh: "r" }])).toEqual(invalid("Expected (token:Token)"));
    expect(failure("unset", [1])).toEqual(invalid("Expected (key)"));
    expect(failure("let", [1, 2])).toEqual(invalid("Expected (key:string, value:Value)"));
  });

  it("reads the transaction UUID from the last param of commit and cancel", () => {
    expect(failure("commit", [uuid])).toBe("accepted");
    expect(failure("cancel", ["x", uuid])).toBe("accepted");
    expect(failure("cancel", [uuid, "x"])).toEqual(invalid("Expected transaction UUID"));
    // The text form is what a JSON client has.
    expect(failure("commit", ["01a1fdd0-2001-7220-8000-000000000000"])).toBe("accepted");
    expect(failure("commit", ["not-a-uuid"])).toEqual(invalid("Expected transaction UUID"));
  });

  it("lets methods that ignore their params take anything", () => {
    for (const method of ["ping", "info", "invalidate", "reset", "attach", "detach", "sessions", "begin"] as const) {
      expect(failure(method, [1, "two", RPC_NONE])).toBe("accepted");
    }
    expect(RPC_METHODS.attach.needsSession).toBe(true);
    expect(RPC_METHODS.detach.invalidMessage).toBe("Expected a session ID");
  });

  it("says which methods HTTP cannot serve", () => {
    expect(RPC_METHODS.live.overHttp).toBe("live-not-supported");
    expect(["begin", "commit", "cancel"].map((m) => RPC_METHODS[m as RpcMethodName].overHttp)).toEqual([
      "method-not-found",
      "method-not-found",
      "method-not-found",
    ]);
    expect(RPC_METHODS.query.overHttp).toBe("served");
  });
});
