import { describe, expect, it } from "vitest";
import { RootCredentials } from "./root-credentials.js";

describe("RootCredentials", () => {
  it("verifies the right user and password and refuses any other pair", async () => {
    const root = await RootCredentials.fromPassword({ user: "root", pass: "s3cret" });
    expect(await root.verify("root", "s3cret")).toBe(true);
    expect(await root.verify("root", "s3cret ")).toBe(false);
    expect(await root.verify("root", "")).toBe(false);
    expect(await root.verify("admin", "s3cret")).toBe(false);
    expect(await root.verify("Root", "s3cret")).toBe(false);
  });

  it("keeps only a salted hash, which round-trips through its text", async () => {
    const one = await RootCredentials.fromPassword({ user: "root", pass: "pw" });
    const two = await RootCredentials.fromPassword({ user: "root", pass: "pw" });
    const text = one.toHashString();
    expect(text).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(text).not.toContain("pw");
    expect(two.toHashString()).not.toBe(text);
    const loaded = RootCredentials.fromHash({ user: "root", hash: text });
    expect(loaded.toHashString()).toBe(text);
    expect(await loaded.verify("root", "pw")).toBe(true);
    expect(await loaded.verify("root", "pW")).toBe(false);
    expect(await RootCredentials.fromHash({ user: "root", hash: `$${text}` }).verify("root", "pw")).toBe(true);
  });

  it("reads hashes with other costs and standard base64", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const { scryptSync } = await import("node:crypto");
    const hash = scryptSync("pw", salt, 32, { N: 1024, r: 8, p: 2 });
    const root = RootCredentials.fromHash({
      user: "root",
      hash: `scrypt$1024$8$2$${salt.toString("base64")}$${hash.toString("base64")}`,
    });
    expect(await root.verify("root", "pw")).toBe(true);
    expect(await root.verify("root", "px")).toBe(false);
  });

  it("refuses malformed hash strings", () => {
    const good = "scrypt$1024$8$1$MDEyMzQ1Njc4OWFiY2RlZg$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY";
    expect(() => RootCredentials.fromHash({ user: "root", hash: good })).not.toThrow();
    for (const bad of [
      "",
      "bcrypt$1024$8$1$MDEyMzQ1Njc4OWFiY2RlZg$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
      "scrypt$1000$8$1$MDEyMzQ1Njc4OWFiY2RlZg$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
      "scrypt$1024$0$1$MDEyMzQ1Njc4OWFiY2RlZg$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
      "scrypt$1024$8$1$$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
      "scrypt$1024$8$1$MDEyMzQ1Njc4OWFiY2RlZg$",
      `${good}$extra`,
      "$scrypt$x",
    ]) {
      expect(() => RootCredentials.fromHash({ user: "root", hash: bad }), bad).toThrow(RangeError);
    }
  });

  it("remembers successful verifications only, in a bounded LRU", async () => {
    const root = await RootCredentials.fromPassword({ user: "root", pass: "pw" });
    expect(await root.verify("root", "nope")).toBe(false);
    expect(root.cachedVerifications).toBe(0);
    expect(await root.verify("root", "pw")).toBe(true);
    expect(await root.verify("root", "pw")).toBe(true);
    expect(root.cachedVerifications).toBe(1);
    expect(await root.verify("root", "nope")).toBe(false);
  });

  it("normalises passwords (NFC) before hashing, caching each spelling that verified", async () => {
    const root = await RootCredentials.fromPassword({ user: "root", pass: "caf\u00e9" });
    expect(await root.verify("root", "cafe\u0301")).toBe(true);
    expect(await root.verify("root", "caf\u00e9")).toBe(true);
    expect(root.cachedVerifications).toBe(2);
  });

  it("does not let a cached pair vouch for another split of the same text", async () => {
    const root = await RootCredentials.fromPassword({ user: "a", pass: "b:c" });
    expect(await root.verify("a", "b:c")).toBe(true);
    expect(await root.verify("a:b", "c")).toBe(false);
  });
});

describe("RootCredentials: password checks are rationed", () => {
  it("hashes at most `concurrent` at once, lets `queued` wait, and refuses one more at once", async () => {
    const root = RootCredentials.fromHash({
      user: "root",
      hash: (await RootCredentials.fromPassword({ user: "root", pass: "pw" })).toHashString(),
      limits: { concurrent: 1, queued: 1 },
    });
    const running = root.verify("root", "wrong-1");
    const waiting = root.verify("root", "wrong-2");
    const refused = root.verify("root", "wrong-3");
    await expect(refused).rejects.toMatchObject({
      code: -32002,
      message: "Too many sign-in attempts at once: try again shortly",
      details: { kind: "Auth", details: { kind: "InvalidAuth" } },
    });
    expect(await running).toBe(false);
    expect(await waiting).toBe(false);
    // The line has drained: checks are served again.
    expect(await root.verify("root", "pw")).toBe(true);
  });

  it("a cached pair needs no slot", async () => {
    const root = RootCredentials.fromHash({
      user: "root",
      hash: (await RootCredentials.fromPassword({ user: "root", pass: "pw" })).toHashString(),
      limits: { concurrent: 1, queued: 0 },
    });
    expect(await root.verify("root", "pw")).toBe(true);
    const busy = root.verify("root", "wrong");
    await expect(root.verify("root", "other")).rejects.toMatchObject({ code: -32002 });
    expect(await root.verify("root", "pw")).toBe(true);
    expect(await busy).toBe(false);
  });
});
