import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import { describe, expect, it } from "vitest";
import { isUnexpected, toRpcError } from "./rpc-error-normaliser.js";

describe("toRpcError", () => {
  it("keeps RpcErrors as they are", () => {
    const error = RpcError.invalidParams("Expected (ns, db)");
    expect(toRpcError(error)).toBe(error);
    expect(isUnexpected(error)).toBe(false);
  });

  it("maps tenant errors to Validation and NotFound", () => {
    expect(toRpcError(new GatewayError("NAMESPACE_INVALID", "Invalid namespace \"a b\"")).toWire()).toEqual({
      code: -32000,
      kind: "Validation",
      message: "Invalid namespace \"a b\"",
    });
    expect(toRpcError(new GatewayError("NAMESPACE_NOT_FOUND", "no such tenant")).kind).toBe("NotFound");
  });

  it("maps outages to Internal and reports them as unexpected", () => {
    for (const code of ["POOL_TIMEOUT", "DATABASE_UNAVAILABLE", "SHUTTING_DOWN", "INTERNAL_ERROR"] as const) {
      const error = new GatewayError(code, "down");
      expect(toRpcError(error).toWire()).toEqual({ code: -32000, kind: "Internal", message: "down" });
      expect(isUnexpected(error)).toBe(true);
    }
  });

  it("maps database refusals to Query with the database's message, and locks to conflicts", () => {
    expect(toRpcError(new GatewayError("SQLITE_CONSTRAINT", "UNIQUE constraint failed: t.id")).toWire()).toEqual({
      code: -32000,
      kind: "Query",
      message: "UNIQUE constraint failed: t.id",
    });
    expect(toRpcError(new GatewayError("SQLITE_BUSY", "database is locked")).toWire()).toEqual({
      code: -32009,
      kind: "Query",
      message: "database is locked",
      details: { kind: "TransactionConflict" },
    });
  });

  it("maps expired tokens to TokenExpired", () => {
    expect(toRpcError(new GatewayError("AUTH_JWT_EXPIRED", "The token has expired")).toWire()).toMatchObject({
      code: -32002,
      kind: "NotAllowed",
      details: { kind: "Auth", details: { kind: "TokenExpired" } },
    });
  });

  it("turns anything else into an Internal error", () => {
    const error = toRpcError(new TypeError("x is undefined"));
    expect(error.toWire()).toEqual({ code: -32000, kind: "Internal", message: "Internal error: x is undefined" });
    expect(isUnexpected(new TypeError("boom"))).toBe(true);
  });
});
