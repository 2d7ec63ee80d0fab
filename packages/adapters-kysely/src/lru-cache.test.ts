import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache.js";

describe("LruCache", () => {
  it("evicts the least recently used entry, counting gets as uses", () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>({ capacity: 3, onEvict: (_value, key) => evicted.push(key) });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBe(1);
    cache.set("d", 4);
    expect(evicted).toEqual(["b"]);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBe(3);
    cache.set("e", 5);
    expect(evicted).toEqual(["b", "a"]);
    expect([...cache.entries()]).toEqual([
      ["d", 4],
      ["c", 3],
      ["e", 5],
    ]);
  });

  it("replacing a key makes it the most recent without evicting anything", () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>({ capacity: 2, onEvict: (_value, key) => evicted.push(key) });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 10);
    expect(evicted).toEqual([]);
    cache.set("c", 3);
    expect(evicted).toEqual(["b"]);
    expect(cache.get("a")).toBe(10);
    expect(cache.size).toBe(2);
  });

  it("keeps nothing at capacity 0, and forgets deleted and cleared entries", () => {
    const none = new LruCache<string, number>({ capacity: 0 });
    none.set("a", 1);
    expect(none.get("a")).toBeUndefined();
    const cache = new LruCache<string, number>({ capacity: 4 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.delete("a")).toBe(true);
    expect(cache.delete("a")).toBe(false);
    expect(cache.get("b")).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("keeps exactly the most recently used entries after many uses", () => {
    const cache = new LruCache<number, number>({ capacity: 50 });
    for (let i = 0; i < 1000; i++) {
      cache.set(i, i);
      if (i >= 10) cache.get(i - 10);
    }
    // The 50 most recently used keys: 990–999 (set last), 980–989 (read last), 950–979.
    const kept = [...cache.entries()].map(([key]) => key);
    expect(kept.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, k) => 950 + k));
    // Least recently used first: 950 was last read in iteration 960.
    expect(kept[0]).toBe(950);
    expect(kept.at(-1)).toBe(989);
  });
});
