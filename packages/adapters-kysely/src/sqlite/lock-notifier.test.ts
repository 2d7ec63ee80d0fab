import { describe, expect, it } from "vitest";
import { LockNotifier } from "./lock-notifier.js";

describe("LockNotifier", () => {
  it("wakes waiters in ticket order, whatever order they started waiting in", async () => {
    const notifier = new LockNotifier();
    const [first, second, third] = [notifier.ticket(), notifier.ticket(), notifier.ticket()];
    const woken: number[] = [];
    const waits = [third, first, second].map((ticket) =>
      notifier.wait({ ticket, timeoutMs: 60_000 }).then(() => woken.push(ticket)),
    );
    expect(notifier.waiting).toBe(3);
    notifier.notify();
    await Promise.all(waits);
    expect(woken).toEqual([first, second, third]);
    expect(notifier.waiting).toBe(0);
  });

  it("wakes a waiter when its timeout passes or its signal aborts", async () => {
    const notifier = new LockNotifier();
    await notifier.wait({ ticket: notifier.ticket(), timeoutMs: 1 });
    const abort = new AbortController();
    const waiting = notifier.wait({ ticket: notifier.ticket(), timeoutMs: 60_000, signal: abort.signal });
    abort.abort();
    await waiting;
    abort.abort();
    await notifier.wait({ ticket: notifier.ticket(), timeoutMs: 60_000, signal: abort.signal });
    expect(notifier.waiting).toBe(0);
  });
});
