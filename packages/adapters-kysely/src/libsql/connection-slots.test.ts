import { GatewayError } from "@baton/protocol-types";
import { describe, expect, it } from "vitest";
import { gatewayError } from "../test-support/sqlite-fixture.js";
import { ConnectionSlots } from "./connection-slots.js";

describe("ConnectionSlots", () => {
  it("hands out slots up to its size, then serves waiters first come first served", async () => {
    const slots = new ConnectionSlots({ size: 2, timeoutMs: 1000, name: "t" });
    await slots.take();
    await slots.take();
    const order: string[] = [];
    const first = slots.take().then(() => order.push("first"));
    const second = slots.take().then(() => order.push("second"));
    expect(slots.waiting).toBe(2);
    slots.give();
    slots.give();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(slots.taken).toBe(2);
    slots.give();
    slots.give();
    expect(slots.taken).toBe(0);
  });

  it("fails a waiter with POOL_TIMEOUT after the timeout", async () => {
    const slots = new ConnectionSlots({ size: 1, timeoutMs: 20, name: "tenant" });
    await slots.take();
    const error = await gatewayError(slots.take());
    expect(error.code).toBe("POOL_TIMEOUT");
    expect(error.message).toContain("tenant");
    expect(slots.waiting).toBe(0);
  });

  it("fails waiters and later takes once closed", async () => {
    const slots = new ConnectionSlots({ size: 1, timeoutMs: 1000, name: "t" });
    await slots.take();
    const waiting = gatewayError(slots.take());
    slots.close(new GatewayError("SHUTTING_DOWN", "closed"));
    expect((await waiting).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(slots.take())).code).toBe("SHUTTING_DOWN");
  });
});
