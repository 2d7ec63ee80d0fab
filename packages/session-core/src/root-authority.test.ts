import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RootAuthority } from "./root-authority.js";
import { RootCredentials } from "./root-credentials.js";
import { TokenIssuer } from "./token-issuer.js";

const INVALID = { code: -32002, details: { kind: "Auth", details: { kind: "InvalidAuth" } } };

describe("RootAuthority", () => {
  it("accepts tokens naming the configured root user only", async () => {
    const tokens = new TokenIssuer({ secret: randomBytes(32) });
    const credentials = await RootCredentials.fromPassword({ user: "root", pass: "pw" });
    const authority = new RootAuthority({ credentials, tokens });
    expect(authority.required).toBe(true);
    expect(authority.user).toBe("root");
    const own = await authority.issue("root");
    expect((await authority.verifyToken(own)).user).toBe("root");
    // Signed with the same key, but for a user this server does not have.
    const stranger = await tokens.issueRoot("mallory");
    await expect(authority.verifyToken(stranger)).rejects.toMatchObject(INVALID);
  });

  it("checks passwords against the root user; with auth off any pair passes and any user's token verifies", async () => {
    const credentials = await RootCredentials.fromPassword({ user: "root", pass: "pw" });
    const on = new RootAuthority({ credentials });
    expect(await on.verifyPassword("root", "pw")).toBe(true);
    expect(await on.verifyPassword("root", "nope")).toBe(false);
    expect(await on.verifyPassword("admin", "pw")).toBe(false);
    const off = new RootAuthority();
    expect(off.required).toBe(false);
    expect(await off.verifyPassword("anyone", "anything")).toBe(true);
    expect((await off.verifyToken(await off.issue("anyone"))).user).toBe("anyone");
  });
});
