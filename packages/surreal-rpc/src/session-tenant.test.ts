import { GatewayError } from "@baton/protocol-types";
import { describe, expect, it } from "vitest";
import { tenantFor, validateRpcNamespace } from "./session-tenant.js";

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a GatewayError");
}

describe("tenantFor", () => {
  it("uses the namespace alone when namespace and database agree", () => {
    expect(tenantFor({ namespace: "acme", database: "acme" })).toBe("acme");
  });

  it("joins different names with --", () => {
    expect(tenantFor({ namespace: "acme", database: "shop" })).toBe("acme--shop");
    expect(tenantFor({ namespace: "a_b", database: "c-d" })).toBe("a_b--c-d");
  });

  it("keeps distinct pairs apart", () => {
    const pairs = [
      ["a", "b-c"],
      ["a-b", "c"],
      ["a", "-b"],
      ["a_", "b"],
      ["a", "_b"],
    ] as const;
    const tenants = new Set<string>();
    for (const [namespace, database] of pairs) {
      try {
        tenants.add(tenantFor({ namespace, database }));
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
      }
    }
    expect(tenants.size).toBe(pairs.filter(([, database]) => !database.startsWith("-") && !database.startsWith("_")).length);
  });

  it("refuses names that are not tenant names", () => {
    expect(refusal(() => tenantFor({ namespace: "a b", database: "x" })).code).toBe("NAMESPACE_INVALID");
    expect(refusal(() => tenantFor({ namespace: "x", database: "../etc" })).code).toBe("NAMESPACE_INVALID");
    expect(refusal(() => tenantFor({ namespace: "", database: "x" })).code).toBe("NAMESPACE_INVALID");
  });

  it("refuses -- in the namespace and a namespace ending in - when joined", () => {
    expect(refusal(() => tenantFor({ namespace: "a--b", database: "c" })).message).toMatch(/contains "--"/);
    expect(refusal(() => tenantFor({ namespace: "a--b", database: "a--b" })).message).toMatch(/contains "--"/);
    expect(refusal(() => tenantFor({ namespace: "a-", database: "b" })).message).toMatch(/ends in "-"/);
    expect(tenantFor({ namespace: "a-", database: "a-" })).toBe("a-");
  });

  it("refuses joined names beyond 63 characters", () => {
    const long = "n".repeat(40);
    expect(refusal(() => tenantFor({ namespace: long, database: long.replace(/n/g, "d") })).message).toMatch(/at most 63/);
  });
});

describe("validateRpcNamespace", () => {
  it("accepts tenant names without --", () => {
    expect(validateRpcNamespace("test")).toBe("test");
    expect(refusal(() => validateRpcNamespace("te--st")).code).toBe("NAMESPACE_INVALID");
  });
});
