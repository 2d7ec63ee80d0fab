import { describe, expect, it, onTestFinished, vi } from "vitest";
import { BatonSigner } from "./baton-signer.js";
import { HttpStreamRegistry } from "./http-stream-registry.js";

function registry(options: { idleTimeoutMs?: number; maxStreams?: number } = {}) {
  const released: string[] = [];
  const streams = new HttpStreamRegistry<{ name: string }>({
    ...options,
    onExpire: async (state) => {
      released.push(state.name);
    },
  });
  return { streams, released };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "no error";
};

describe("HttpStreamRegistry", () => {
  it("issues a new baton on every response and refuses the old one", async () => {
    const { streams } = registry();
    const first = streams.begin(null, () => ({ name: "a" }));
    const b1 = first.finish(false);
    expect(b1).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const second = streams.begin(b1, () => ({ name: "other" }));
    expect(second.state.name).toBe("a");
    const b2 = second.finish(false);
    expect(b2).not.toBe(b1);
    expect(codeOf(() => streams.begin(b1, () => ({ name: "x" })))).toBe("BATON_REUSED");
    expect(streams.begin(b2, () => ({ name: "x" })).finish(true)).toBeNull();
    expect(codeOf(() => streams.begin(b2, () => ({ name: "x" })))).toBe("BATON_INVALID");
    await streams.close();
  });

  it("refuses a baton while its stream is busy", async () => {
    const { streams } = registry();
    const baton = streams.begin(null, () => ({ name: "a" })).finish(false);
    const lease = streams.begin(baton, () => ({ name: "x" }));
    expect(codeOf(() => streams.begin(baton, () => ({ name: "x" })))).toBe("BATON_REUSED");
    lease.finish(true);
    await streams.close();
  });

  it("refuses forged, truncated and foreign batons", async () => {
    const { streams } = registry();
    const baton = streams.begin(null, () => ({ name: "a" })).finish(false) as string;
    const flipped = (baton[10] === "A" ? "B" : "A") + "";
    const forged = baton.slice(0, 10) + flipped + baton.slice(11);
    const foreign = new BatonSigner().sign({ streamId: "AAAAAAAAAAA", sequence: 1n });
    for (const bad of [forged, baton.slice(0, -2), "", "not a baton", foreign, baton + "A"]) {
      expect(codeOf(() => streams.begin(bad, () => ({ name: "x" }))), bad).toBe("BATON_INVALID");
    }
    await streams.close();
  });

  it("expires idle streams from their last use, releases them, and keeps a tombstone", async () => {
    // The registry stamps last use with Date.now(): a frozen clock keeps a slow machine from
    // moving "now" between a stream's use and the sweep that is meant to land 1 ms before expiry.
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    const { streams, released } = registry({ idleTimeoutMs: 1000 });
    const baton = streams.begin(null, () => ({ name: "idle" })).finish(false);
    const start = Date.now();
    streams.sweep(start + 500);
    expect(released).toEqual([]);
    const lease = streams.begin(baton, () => ({ name: "x" }));
    const next = lease.finish(false);
    streams.sweep(Date.now() + 999);
    expect(released).toEqual([]);
    streams.sweep(Date.now() + 1001);
    await Promise.resolve();
    expect(released).toEqual(["idle"]);
    expect(codeOf(() => streams.begin(next, () => ({ name: "x" })))).toBe("STREAM_EXPIRED");
    await streams.close();
  });

  it("never expires a stream while a request holds it, and forgets tombstones after their time", async () => {
    const released: string[] = [];
    const streams = new HttpStreamRegistry<{ name: string }>({
      idleTimeoutMs: 1000,
      tombstoneMs: 5000,
      onExpire: async (state) => {
        released.push(state.name);
      },
    });
    const baton = streams.begin(null, () => ({ name: "busy" })).finish(false);
    const lease = streams.begin(baton, () => ({ name: "x" }));
    streams.sweep(Date.now() + 10_000);
    expect(released).toEqual([]);
    const next = lease.finish(false);
    const finishedAt = Date.now();
    streams.sweep(finishedAt + 1000);
    await Promise.resolve();
    expect(released).toEqual(["busy"]);
    expect(codeOf(() => streams.begin(next, () => ({ name: "x" })))).toBe("STREAM_EXPIRED");
    streams.sweep(finishedAt + 1000 + 5000);
    expect(codeOf(() => streams.begin(next, () => ({ name: "x" })))).toBe("BATON_INVALID");
    await streams.close();
  });

  it("bounds the number of open streams", async () => {
    const { streams } = registry({ maxStreams: 2 });
    streams.begin(null, () => ({ name: "1" })).finish(false);
    streams.begin(null, () => ({ name: "2" })).finish(false);
    expect(codeOf(() => streams.begin(null, () => ({ name: "3" })))).toBe("TOO_MANY_STREAMS");
    await streams.close();
  });

  it("releases idle streams on close and refuses new ones", async () => {
    const { streams, released } = registry();
    streams.begin(null, () => ({ name: "open" })).finish(false);
    await streams.close();
    expect(released).toEqual(["open"]);
    expect(codeOf(() => streams.begin(null, () => ({ name: "late" })))).toBe("SHUTTING_DOWN");
  });
});
