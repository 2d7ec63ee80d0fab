import { describe, expect, it } from "vitest";
import { IdleRegistry } from "./idle-registry.js";

function registry(options: { idleTimeoutMs?: number; maxEntries?: number } = {}) {
  let clock = 1_000;
  const expired: Array<[string, string, number]> = [];
  const sweeps: number[] = [];
  const entries = new IdleRegistry<string, string>({
    idleTimeoutMs: options.idleTimeoutMs ?? 100,
    maxEntries: options.maxEntries,
    now: () => clock,
    onExpire: (key, value, now) => expired.push([key, value, now]),
    onSweep: (now) => sweeps.push(now),
  });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { entries, expired, sweeps, advance, now: () => clock };
}

describe("IdleRegistry", () => {
  it("expires an entry idle for the timeout, counted from its last use", () => {
    const { entries, expired, advance } = registry();
    entries.add("a", "A");
    advance(60);
    expect(entries.touch("a")).toBe("A");
    advance(60);
    entries.sweep();
    expect(expired).toEqual([]);
    advance(40);
    entries.sweep();
    expect(expired).toEqual([["a", "A", 1_160]]);
    expect(entries.has("a")).toBe(false);
    expect(entries.touch("a")).toBeUndefined();
    entries.close();
  });

  it("expires least recently used entries first and stops at the first one still fresh", () => {
    const { entries, expired, advance, sweeps } = registry();
    entries.add("a", "A");
    advance(10);
    entries.add("b", "B");
    advance(10);
    entries.add("c", "C");
    entries.touch("a");
    advance(95);
    entries.sweep();
    expect(expired.map(([key]) => key)).toEqual(["b"]);
    advance(10);
    entries.sweep();
    expect(expired.map(([key]) => key)).toEqual(["b", "c", "a"]);
    expect(sweeps).toHaveLength(2);
    entries.close();
  });

  it("never expires a held entry until it is touched again", () => {
    const { entries, expired, advance } = registry();
    entries.add("a", "A");
    expect(entries.hold("a")).toBe("A");
    advance(1_000);
    entries.sweep();
    expect(expired).toEqual([]);
    expect(entries.peek("a")).toBe("A");
    entries.touch("a");
    advance(100);
    entries.sweep();
    expect(expired.map(([key]) => key)).toEqual(["a"]);
    entries.close();
  });

  it("counts entries against the maximum, pending ones included", () => {
    const { entries } = registry({ maxEntries: 2 });
    expect(entries.hasRoom()).toBe(true);
    entries.add("a", "A");
    expect(entries.hasRoom(1)).toBe(false);
    entries.add("b", "B");
    entries.hold("b");
    expect(entries.hasRoom()).toBe(false);
    expect(entries.size).toBe(2);
    expect(entries.delete("a")).toBe("A");
    expect(entries.hasRoom()).toBe(true);
    expect([...entries.keys()]).toEqual(["b"]);
    entries.close();
  });

  it("on close hands back the idle entries and keeps held ones", () => {
    const { entries, expired } = registry();
    entries.add("a", "A");
    entries.add("b", "B");
    entries.hold("b");
    expect(entries.close()).toEqual([["a", "A"]]);
    expect(entries.size).toBe(1);
    expect(entries.delete("b")).toBe("B");
    expect(expired).toEqual([]);
  });

  it("sweeps on its own timer", async () => {
    const expired: string[] = [];
    const entries = new IdleRegistry<string, string>({
      idleTimeoutMs: 1,
      sweepIntervalMs: 5,
      onExpire: (key) => expired.push(key),
    });
    entries.add("a", "A");
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (expired.length > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    expect(expired).toEqual(["a"]);
    entries.close();
  });
});
