import { describe, expect, it } from "vitest";
import { DEFAULT_OUT, parseBenchArgs } from "./bench-options.js";
import { select } from "./scenarios/registry.js";

describe("bench options", () => {
  it("defaults to 5 rounds of 3 s after 1 s of warm-up", () => {
    expect(parseBenchArgs([])).toMatchObject({ rounds: 5, durationMs: 3000, warmupMs: 1000, memoryCount: 10_000, outFile: DEFAULT_OUT });
  });

  it("makes --quick one short round, and lets explicit flags win", () => {
    expect(parseBenchArgs(["--quick"])).toMatchObject({ rounds: 1, durationMs: 1000, warmupMs: 500 });
    expect(parseBenchArgs(["--quick", "--rounds=3", "--duration", "2", "hrana-ws"])).toMatchObject({
      rounds: 3,
      durationMs: 2000,
      patterns: ["hrana-ws"],
    });
  });

  it("refuses unknown flags and bad numbers", () => {
    expect(() => parseBenchArgs(["--fast"])).toThrow(/Unknown option/);
    expect(() => parseBenchArgs(["--rounds", "0"])).toThrow(/positive/);
  });

  it("selects scenarios by name, prefix and glob", () => {
    expect(select(["hrana-ws"]).scenarios.map((s) => s.name)).toEqual([
      "hrana-ws-point-1x16",
      "hrana-ws-point-16x16",
      "hrana-ws-point-16x16-pg",
    ]);
    expect(select(["*c64"]).scenarios.map((s) => s.name)).toEqual([
      "hrana-http-point-c64",
      "rpc-http-select-c64",
      "rpc-http-create-c64",
      "rpc-http-query-select-c64",
      "rpc-http-query-create-c64",
    ]);
    expect(select(["*-pg"]).scenarios.map((s) => s.name)).toEqual(["hrana-http-point-c64-pg", "hrana-ws-point-16x16-pg"]);
    expect(select(["rpc"]).scenarios).toHaveLength(8);
    expect(select(["rpc-ws-query"]).scenarios.map((s) => s.name)).toEqual(["rpc-ws-query-select-16x16", "rpc-ws-query-create-16x16"]);
    expect(select(["hrana-http-point-c1"]).scenarios.map((s) => s.name)).toEqual(["hrana-http-point-c1"]);
    // An exact name means that scenario alone, though it is a prefix of its Postgres twin.
    expect(select(["hrana-http-point-c64"]).scenarios.map((s) => s.name)).toEqual(["hrana-http-point-c64"]);
    expect(select(["hrana-http-point-c"]).scenarios).toHaveLength(4);
    expect(select(["memory"]).probes.length).toBe(3);
    expect(select(["memory"]).scenarios).toEqual([]);
    expect(select(["nope"]).unmatched).toEqual(["nope"]);
  });
});
