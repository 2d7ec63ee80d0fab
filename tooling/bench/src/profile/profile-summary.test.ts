import { describe, expect, it } from "vitest";
import { summariseProfile, type CpuProfile } from "./profile-summary.js";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0 });

// (root) → handle (packages/hrana) → run (node_modules/better-sqlite3); plus idle.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 4] },
    { id: 2, callFrame: frame("handle", "file:///repo/packages/hrana/dist/pipeline-handler.js"), children: [3] },
    { id: 3, callFrame: frame("run", "file:///repo/node_modules/.pnpm/better-sqlite3@12/node_modules/better-sqlite3/lib/x.js") },
    { id: 4, callFrame: frame("(idle)") },
  ],
  startTime: 1_000_000,
  endTime: 1_005_000,
  samples: [2, 3, 3, 3, 4],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
};

describe("profile summary", () => {
  it("splits self and inclusive time by function and area, without idle time", () => {
    const summary = summariseProfile(profile);
    expect(summary.busyMs).toBe(4);
    expect(summary.idleMs).toBe(1);
    expect(summary.self[0]).toMatchObject({ name: "run better-sqlite3/lib/x.js:1", ms: 3, share: 0.75 });
    expect(summary.inclusive[0]).toMatchObject({ name: "handle packages/hrana/dist/pipeline-handler.js:1", ms: 4 });
    expect(summary.areas.map((a) => a.name)).toEqual(["npm: better-sqlite3", "Baton: hrana"]);
  });

  it("counts only the samples inside the window", () => {
    expect(summariseProfile(profile, { fromMs: 2.5, toMs: 4 }).busyMs).toBe(2);
  });
});
