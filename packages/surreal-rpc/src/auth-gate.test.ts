import { RpcError } from "@baton/protocol-types/rpc";
import { describe, expect, it } from "vitest";
import { checkAllowed } from "./auth-gate.js";

function refusal(run: () => void): RpcError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
}

describe("checkAllowed", () => {
  const root = { kind: "root", user: "root" } as const;

  it("lets anyone manage their own session", () => {
    for (const method of ["ping", "version", "use", "signin", "authenticate", "let", "set", "unset", "reset", "invalidate", "attach", "detach", "sessions"] as const) {
      expect(refusal(() => checkAllowed({ method, auth: undefined, authRequired: true }))).toBeUndefined();
    }
  });

  it("refuses data methods to a session that has not signed in, as SurrealDB words it", () => {
    const error = refusal(() => checkAllowed({ method: "select", auth: undefined, authRequired: true }));
    expect(error?.toWire()).toEqual({
      code: -32602,
      kind: "NotAllowed",
      message: "Method not allowed",
      details: { kind: "Method", details: { name: "select" } },
    });
    expect(refusal(() => checkAllowed({ method: "info", auth: undefined, authRequired: true }))?.code).toBe(-32602);
  });

  it("lets signed-in sessions and every session without auth through", () => {
    expect(refusal(() => checkAllowed({ method: "select", auth: root, authRequired: true }))).toBeUndefined();
    expect(refusal(() => checkAllowed({ method: "select", auth: undefined, authRequired: false }))).toBeUndefined();
  });

  it("refuses an expired token with TokenExpired", () => {
    const auth = { kind: "root", user: "root", expiresAt: 1_000 } as const;
    expect(refusal(() => checkAllowed({ method: "create", auth, authRequired: true, now: 999 }))).toBeUndefined();
    expect(refusal(() => checkAllowed({ method: "create", auth, authRequired: true, now: 1_000 }))?.toWire()).toEqual({
      code: -32002,
      kind: "NotAllowed",
      message: "The token has expired",
      details: { kind: "Auth", details: { kind: "TokenExpired" } },
    });
    expect(refusal(() => checkAllowed({ method: "ping", auth, authRequired: true, now: 5_000 }))).toBeUndefined();
  });
});
