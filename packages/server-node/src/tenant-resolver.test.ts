import { describe, expect, it } from "vitest";
import { resolveTarget, type TenancySettings } from "./tenant-resolver.js";

const settings: TenancySettings = { defaultNamespace: "default", namespaceFromHost: false };
const resolve = (path: string, headers: Record<string, string> = {}, over: Partial<TenancySettings> = {}) =>
  resolveTarget({ path, headers }, { ...settings, ...over });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "no error";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("tenant resolution", () => {
  it("defaults to the default namespace on the default adapter", () => {
    expect(resolve("/v2/pipeline")).toEqual({ target: { adapter: undefined, namespace: "default" }, path: "/v2/pipeline" });
  });

  it("takes the namespace and adapter from headers", () => {
    const got = resolve("/v2/pipeline", { "x-database-namespace": "acme", "x-database-adapter": "pg" });
    expect(got).toEqual({ target: { adapter: "pg", namespace: "acme" }, path: "/v2/pipeline" });
  });

  it("takes them from a path prefix, which it strips for routing", () => {
    expect(resolve("/ns/acme/v2/pipeline")).toEqual({ target: { adapter: undefined, namespace: "acme" }, path: "/v2/pipeline" });
    expect(resolve("/adapter/pg/ns/acme/v3/cursor").target).toEqual({ adapter: "pg", namespace: "acme" });
    expect(resolve("/ns/acme")).toEqual({ target: { adapter: undefined, namespace: "acme" }, path: "/" });
    expect(resolve("/adapter/my/")).toEqual({ target: { adapter: "my", namespace: "default" }, path: "/" });
  });

  it("explains a namespace URL that lost its trailing slash", () => {
    expect(() => resolve("/ns/v2/pipeline")).toThrow(/must end with a slash/);
  });

  it("refuses a header that contradicts the path", () => {
    expect(codeOf(() => resolve("/ns/acme/v2/pipeline", { "x-database-namespace": "other" }))).toBe("NAMESPACE_INVALID");
    expect(codeOf(() => resolve("/ns/acme/v2/pipeline", { "x-database-namespace": "acme" }))).toBe("no error");
  });

  it("reads the first Host label only when enabled, never from an IP address", () => {
    expect(resolve("/v2/pipeline", { host: "acme.db.example.com" }).target.namespace).toBe("default");
    const on = { namespaceFromHost: true };
    expect(resolve("/v2/pipeline", { host: "acme.db.example.com:8000" }, on).target.namespace).toBe("acme");
    expect(resolve("/v2/pipeline", { host: "acme.localhost" }, on).target.namespace).toBe("acme");
    expect(resolve("/v2/pipeline", { host: "127.0.0.1:8000" }, on).target.namespace).toBe("default");
    expect(resolve("/v2/pipeline", { host: "[::1]:8000" }, on).target.namespace).toBe("default");
    expect(resolve("/v2/pipeline", { host: "localhost:8000" }, on).target.namespace).toBe("default");
    expect(resolve("/ns/beta/v2/pipeline", { host: "acme.example.com" }, on).target.namespace).toBe("beta");
  });

  it("refuses hostile names from every source before anything uses them", () => {
    for (const bad of ["..", "a;DROP", "x".repeat(64), "ünï", "a b"]) {
      expect(codeOf(() => resolve("/v2/pipeline", { "x-database-namespace": bad })), bad).toBe("NAMESPACE_INVALID");
    }
    expect(codeOf(() => resolve("/ns/..%2Fx/v2/pipeline"))).toBe("NAMESPACE_INVALID");
    expect(codeOf(() => resolve("/ns/%E0%A4%A/v2/pipeline"))).toBe("NAMESPACE_INVALID");
    expect(codeOf(() => resolve("/", { host: "a_b;.example.com" }, { namespaceFromHost: true }))).toBe("NAMESPACE_INVALID");
  });
});
