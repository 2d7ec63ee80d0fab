import { describe, expect, it } from "vitest";
import { summariseProfile, type CpuProfile } from "./profile-summary.js";
import { windowInProfile } from "./profile-window.js";

// A profile of 10 one-millisecond busy samples, started at 5 s on the monotonic clock (in µs).
const START = 5_000_000;
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: 0 }, children: [2] },
    { id: 2, callFrame: { functionName: "handle", url: "file:///repo/packages/hrana/dist/h.js", lineNumber: 0 } },
  ],
  startTime: START,
  endTime: START + 10_000,
  samples: Array.from({ length: 10 }, () => 2),
  timeDeltas: Array.from({ length: 10 }, () => 1000),
};

describe("measurement window in a profile", () => {
  it("puts a window inside the profile on the profile's own clock", () => {
    const placed = windowInProfile(profile, { fromUs: START + 2_000, toUs: START + 6_000 });
    expect(placed).toEqual({ kind: "inside", fromMs: 2, toMs: 6 });
    if (placed.kind === "outside") throw new Error("expected overlap");
    expect(summariseProfile(profile, placed).busyMs).toBe(4);
  });

  it("clamps a window that runs past the end of the profile, and says so", () => {
    const placed = windowInProfile(profile, { fromUs: START + 7_000, toUs: START + 15_000 });
    expect(placed).toMatchObject({ kind: "clamped", fromMs: 7, toMs: 10 });
    if (placed.kind !== "clamped") throw new Error("expected a clamped window");
    expect(placed.note).toContain("covers 3 ms of the 8 ms");
    expect(placed.note).toContain("last 5 ms after the profile ended");
    expect(summariseProfile(profile, placed).busyMs).toBe(3);
  });

  it("clamps a window that starts before the profile", () => {
    const placed = windowInProfile(profile, { fromUs: START - 4_000, toUs: START + 3_000 });
    expect(placed).toMatchObject({ kind: "clamped", fromMs: 0, toMs: 3 });
    if (placed.kind !== "clamped") throw new Error("expected a clamped window");
    expect(placed.note).toContain("first 4 ms before the profile started");
  });

  it("reports a window wholly after the profile instead of an empty summary", () => {
    const placed = windowInProfile(profile, { fromUs: START + 12_000, toUs: START + 14_000 });
    expect(placed.kind).toBe("outside");
    if (placed.kind !== "outside") throw new Error("expected no overlap");
    expect(placed.note).toContain("starts 2 ms after the profile ends");
  });

  it("reports a window wholly before the profile", () => {
    const placed = windowInProfile(profile, { fromUs: START - 9_000, toUs: START - 1_000 });
    expect(placed).toMatchObject({ kind: "outside" });
    if (placed.kind !== "outside") throw new Error("expected no overlap");
    expect(placed.note).toContain("ends 1 ms before the profile starts");
  });
});
