import { RPC_NONE, RpcError } from "@baton/protocol-types/rpc";
import { describe, expect, it } from "vitest";
import { RpcSession } from "./rpc-session.js";

function wireError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof RpcError ? error.toWire() : error;
  }
  return "no error";
}

describe("RpcSession.use", () => {
  it("selects with text, keeps with NONE, clears with null", () => {
    const session = new RpcSession();
    expect(session.use("test", "test")).toEqual({ namespace: "test", database: "test" });
    expect(session.use(RPC_NONE, RPC_NONE)).toEqual({ namespace: "test", database: "test" });
    expect(session.use(RPC_NONE, "other")).toEqual({ namespace: "test", database: "other" });
    expect(session.use("ns2", RPC_NONE)).toEqual({ namespace: "ns2", database: "other" });
    expect(session.use("test", null)).toEqual({ namespace: "test", database: undefined });
    expect(session.use(null, null)).toEqual({ namespace: undefined, database: undefined });
  });

  it("clears the database with the namespace: [null, NONE] clears both", () => {
    const session = new RpcSession({ namespace: "a", database: "b" });
    expect(session.use(null, RPC_NONE)).toEqual({ namespace: undefined, database: undefined });
  });

  it("refuses a database without a namespace", () => {
    expect(wireError(() => new RpcSession().use(RPC_NONE, "db"))).toMatchObject({
      code: -32000,
      kind: "Validation",
      message: "Specify a namespace to use",
    });
    const session = new RpcSession({ namespace: "a", database: "b" });
    expect(wireError(() => session.use(null, "db"))).toMatchObject({ message: "Specify a namespace to use" });
    expect(session.selection()).toEqual({ namespace: "a", database: "b" });
  });

  it("applies the defaults for [NONE, NONE] only when no namespace is selected", () => {
    const defaults = { namespace: "main", database: "main" };
    expect(new RpcSession({ defaults }).use(RPC_NONE, RPC_NONE)).toEqual(defaults);
    expect(new RpcSession({ defaults, namespace: "tok" }).use(RPC_NONE, RPC_NONE)).toEqual({
      namespace: "tok",
      database: undefined,
    });
    expect(new RpcSession().use(RPC_NONE, RPC_NONE)).toEqual({ namespace: undefined, database: undefined });
  });

  it("names the wrong element in SurrealDB's words", () => {
    const session = new RpcSession();
    expect(wireError(() => session.use(1, "db"))).toEqual({
      code: -32603,
      kind: "Validation",
      message: "Expected ns to be string, got Number(Int(1))",
      details: { kind: "InvalidParams" },
    });
    expect(wireError(() => session.use("ns", false))).toMatchObject({ message: "Expected db to be string, got Bool(false)" });
    expect(session.selection()).toEqual({ namespace: undefined, database: undefined });
  });
});

describe("RpcSession variables and reset", () => {
  it("sets, removes with NONE, unsets and refuses protected names", () => {
    const session = new RpcSession();
    session.setVariable("v", 5);
    session.setVariable("n", null);
    expect([...session.variables]).toEqual([
      ["v", 5],
      ["n", null],
    ]);
    session.setVariable("v", RPC_NONE);
    session.unsetVariable("n");
    session.unsetVariable("never");
    expect(session.variables.size).toBe(0);
    for (const name of ["access", "auth", "token", "session"]) {
      expect(wireError(() => session.setVariable(name, 1))).toEqual({
        code: -32603,
        kind: "Validation",
        message: `Cannot set protected variable: ${name}`,
        details: { kind: "InvalidParams" },
      });
    }
    // Removing is not setting: SurrealDB checks protected names only for a value.
    session.setVariable("auth", RPC_NONE);
    session.setVariable("Auth", 1);
    expect(session.variables.get("Auth")).toBe(1);
  });

  it("reset clears selection, auth and variables", () => {
    const session = new RpcSession({ namespace: "a", database: "b", auth: { kind: "root", user: "root" } });
    session.setVariable("v", 1);
    session.reset();
    expect(session.selection()).toEqual({ namespace: undefined, database: undefined });
    expect(session.auth).toBeUndefined();
    expect(session.variables.size).toBe(0);
  });

  it("expires with its authentication", () => {
    const session = new RpcSession({ auth: { kind: "root", user: "root", token: "t", expiresAt: 5_000 } });
    expect(session.isExpired(4_999)).toBe(false);
    expect(session.isExpired(5_000)).toBe(true);
    expect(new RpcSession({ auth: { kind: "root", user: "root" } }).isExpired()).toBe(false);
  });
});

describe("RpcSession variable limits", () => {
  it("refuses a variable beyond the count, keeps replacing existing ones, and frees room on unset", () => {
    const session = new RpcSession({ variableLimits: { maxVariables: 2 } });
    session.setVariable("a", 1);
    session.setVariable("b", 2);
    expect(() => session.setVariable("c", 3)).toThrow(
      expect.objectContaining({ code: -32000, kind: "NotAllowed", details: { kind: "Limit", details: { limit: "maxVariables", max: 2 } } }),
    );
    session.setVariable("a", 10);
    session.unsetVariable("b");
    session.setVariable("c", 3);
    expect([...session.variables]).toEqual([["a", 10], ["c", 3]]);
  });

  it("refuses values past the total size; replacing a value counts only the new one", () => {
    const session = new RpcSession({ variableLimits: { maxVariableBytes: 10_000 } });
    session.setVariable("a", "x".repeat(2000));
    session.setVariable("a", "y".repeat(2000));
    session.setVariable("a", "z".repeat(2000));
    expect(() => session.setVariable("b", "x".repeat(3000))).toThrow(
      expect.objectContaining({ kind: "NotAllowed", details: { kind: "Limit", details: { limit: "maxVariableBytes", max: 10_000 } } }),
    );
    expect(session.variables.has("b")).toBe(false);
    session.setVariable("a", RPC_NONE);
    session.setVariable("b", "x".repeat(3000));
    session.reset();
    session.setVariable("c", "x".repeat(4000));
  });
});
