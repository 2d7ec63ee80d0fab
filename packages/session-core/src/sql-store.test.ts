import { describe, expect, it } from "vitest";
import { SerialQueue } from "./serial-queue.js";
import { SqlStore } from "./sql-store.js";

describe("SqlStore", () => {
  it("stores, reuses ids after close, and enforces its limits", () => {
    const store = new SqlStore({ maxCount: 2, maxLength: 10 });
    store.store(1, "SELECT 1");
    expect(store.get(1)).toBe("SELECT 1");
    expect(() => store.store(1, "SELECT 2")).toThrow(expect.objectContaining({ code: "SQL_ID_IN_USE" }));
    expect(() => store.store(2, "SELECT 12345")).toThrow(expect.objectContaining({ code: "SQL_STORE_TOO_LARGE" }));
    store.store(2, "SELECT 2");
    expect(() => store.store(3, "SELECT 3")).toThrow(expect.objectContaining({ code: "SQL_STORE_TOO_MANY" }));
    store.close(1);
    store.close(99);
    expect(() => store.get(1)).toThrow(expect.objectContaining({ code: "SQL_ID_UNKNOWN" }));
    store.store(1, "SELECT 4");
    expect(store.get(1)).toBe("SELECT 4");
  });
});

describe("SerialQueue", () => {
  it("runs tasks in order even when earlier ones are slower or fail", async () => {
    const queue = new SerialQueue();
    const order: number[] = [];
    const slow = queue.run(async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push(1);
    });
    const failing = queue.run(async () => {
      order.push(2);
      throw new Error("boom");
    });
    const fast = queue.run(async () => {
      order.push(3);
      return "done";
    });
    await slow;
    await expect(failing).rejects.toThrow("boom");
    await expect(fast).resolves.toBe("done");
    expect(order).toEqual([1, 2, 3]);
    expect(queue.pending).toBe(0);
  });
});
