import { GatewayError } from "@baton/protocol-types";
import { describe, expect, it } from "vitest";
import { validateNamespace } from "./tenant-name.js";

function refusal(name: string): GatewayError {
  try {
    validateNamespace(name);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(name)} was accepted`);
}

describe("validateNamespace", () => {
  it("accepts ordinary tenant names", () => {
    for (const name of ["acme-corp", "t_1", "A", "0", "x".repeat(63)]) {
      expect(validateNamespace(name)).toBe(name);
    }
  });

  it.each([
    ["../x", /"\."/],
    ["a/b", /"\/"/],
    ["a\\b", /"\\"/],
    ["a;DROP", /";"/],
    ["", /empty/],
    ["x".repeat(64), /64 characters/],
    ["ünï", /U\+00FC/],
    ["a b", /U\+0020/],
    ["a\u0000b", /U\+0000/],
    ["..", /"\."/],
    ["-a", /start with a letter or digit/],
    ["_a", /start with a letter or digit/],
  ])("refuses %j", (name, reason) => {
    const error = refusal(name);
    expect(error.code).toBe("NAMESPACE_INVALID");
    expect(error.message).toMatch(reason);
  });
});
