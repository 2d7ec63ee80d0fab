import { RpcError } from "@baton/protocol-types/rpc";
import { describe, expect, it } from "vitest";
import { AttachedSessionRegistry } from "./attached-session-registry.js";

const A = "0190c1c2-7e6b-7d3a-9f00-00000000000a";
const B = "0190c1c2-7e6b-7d3a-9f00-00000000000b";

function wireError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof RpcError ? error.toWire() : error;
  }
  return "no error";
}

function registry(options: { maxSessions?: number; maxPerOwner?: number; failOn?: string } = {}) {
  let clock = 0;
  const expired: string[] = [];
  const errors: unknown[] = [];
  const sessions = new AttachedSessionRegistry<{ name: string }>({
    idleTimeoutMs: 100,
    maxSessions: options.maxSessions,
    maxPerOwner: options.maxPerOwner,
    now: () => clock,
    onExpire: async (id, state) => {
      if (state.name === options.failOn) throw new Error(`cannot release ${id}`);
      expired.push(state.name);
    },
    onError: (error) => errors.push(error),
  });
  return { sessions, expired, errors, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe("AttachedSessionRegistry", () => {
  it("keeps a session per id and owner, and refuses a taken id", async () => {
    const { sessions } = registry();
    sessions.attach(A, "root", { name: "a" });
    expect(sessions.get(A, "root")).toEqual({ name: "a" });
    expect(wireError(() => sessions.attach(A, "other", { name: "x" }))).toEqual({
      code: -32000,
      kind: "AlreadyExists",
      message: `Session already exists: ${A}`,
      details: { kind: "Session", details: { id: A } },
    });
    expect(sessions.size).toBe(1);
    await sessions.close();
  });

  it("answers not found for unknown ids and for another owner's session", async () => {
    const { sessions } = registry();
    sessions.attach(A, "alice", { name: "a" });
    const notFound = {
      code: -32000,
      kind: "NotFound",
      message: `Session not found: ${A}`,
      details: { kind: "Session", details: { id: A } },
    };
    expect(wireError(() => sessions.get(A, "bob"))).toEqual(notFound);
    expect(wireError(() => sessions.get(A, ""))).toEqual(notFound);
    expect(wireError(() => sessions.detach(A, "bob"))).toEqual(notFound);
    expect(wireError(() => sessions.get(B, "alice"))).toMatchObject({ message: `Session not found: ${B}` });
    expect(sessions.get(A, "alice").name).toBe("a");
    await sessions.close();
  });

  it("detaches, returning the state, and lists ids per owner", async () => {
    const { sessions, expired } = registry();
    sessions.attach(A, "alice", { name: "a" });
    sessions.attach(B, "bob", { name: "b" });
    expect(sessions.ids("alice")).toEqual([A]);
    expect(sessions.ids("carol")).toEqual([]);
    expect(sessions.detach(A, "alice")).toEqual({ name: "a" });
    expect(sessions.ids("alice")).toEqual([]);
    expect(wireError(() => sessions.get(A, "alice"))).toMatchObject({ kind: "NotFound" });
    expect(expired).toEqual([]);
    await sessions.close();
    expect(expired).toEqual(["b"]);
  });

  it("refuses attach beyond the maximum with Method not allowed", async () => {
    const { sessions } = registry({ maxSessions: 1 });
    sessions.attach(A, "", { name: "a" });
    expect(wireError(() => sessions.attach(B, "", { name: "b" }))).toEqual({
      code: -32602,
      kind: "NotAllowed",
      message: "Method not allowed",
      details: { kind: "Method", details: { name: "attach" } },
    });
    sessions.detach(A, "");
    sessions.attach(B, "", { name: "b" });
    await sessions.close();
  });

  it("refuses an owner's attach beyond its share (NotAllowed/Limit); detach and expiry give room back", async () => {
    const C = "0190c1c2-7e6b-7d3a-9f00-00000000000c";
    const { sessions, advance } = registry({ maxPerOwner: 1 });
    sessions.attach(A, "alice", { name: "a" });
    expect(wireError(() => sessions.attach(B, "alice", { name: "b" }))).toEqual({
      code: -32000,
      kind: "NotAllowed",
      message: "At most 1 attached sessions per user: detach one first",
      details: { kind: "Limit", details: { limit: "maxHttpSessionsPerOwner", max: 1 } },
    });
    // Another owner has a share of its own.
    sessions.attach(B, "bob", { name: "b" });
    sessions.detach(A, "alice");
    sessions.attach(A, "alice", { name: "a2" });
    advance(200);
    sessions.sweep();
    sessions.attach(C, "alice", { name: "c" });
    expect(sessions.ids("alice")).toEqual([C]);
    await sessions.close();
  });

  it("expires sessions idle for the timeout from their last use, through onExpire", async () => {
    const { sessions, expired, advance } = registry();
    sessions.attach(A, "", { name: "a" });
    sessions.attach(B, "", { name: "b" });
    advance(80);
    sessions.get(A, "");
    advance(30);
    sessions.sweep();
    await Promise.resolve();
    expect(expired).toEqual(["b"]);
    expect(wireError(() => sessions.get(B, ""))).toMatchObject({ kind: "NotFound" });
    advance(100);
    sessions.sweep();
    await Promise.resolve();
    expect(expired).toEqual(["b", "a"]);
    expect(sessions.size).toBe(0);
    await sessions.close();
  });

  it("reports a failing onExpire and forgets the session anyway", async () => {
    const { sessions, errors, advance } = registry({ failOn: "a" });
    sessions.attach(A, "", { name: "a" });
    advance(100);
    sessions.sweep();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
    expect(sessions.size).toBe(0);
    await sessions.close();
  });
});
