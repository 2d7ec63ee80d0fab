import { describe, expect, it } from "vitest";
import { estimateSize } from "./value-size.js";

describe("estimateSize", () => {
  it("grows with strings, bytes and containers", () => {
    expect(estimateSize("")).toBeLessThan(estimateSize("x".repeat(100)));
    expect(estimateSize("x".repeat(1000))).toBeGreaterThanOrEqual(2000);
    expect(estimateSize(new Uint8Array(4096))).toBeGreaterThanOrEqual(4096);
    expect(estimateSize({ a: "x".repeat(500), b: ["x".repeat(500)] })).toBeGreaterThanOrEqual(2000);
    expect(estimateSize(new Map([["k", "x".repeat(500)]]))).toBeGreaterThanOrEqual(1000);
  });

  it("stops counting past the limit and survives nesting far deeper than the stack", () => {
    const huge = Array.from({ length: 100_000 }, () => "x".repeat(100));
    expect(estimateSize(huge, 1000)).toBeGreaterThan(1000);
    expect(estimateSize(huge, 1000)).toBeLessThan(10_000);
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(estimateSize(deep)).toBeGreaterThan(200_000);
  });
});
