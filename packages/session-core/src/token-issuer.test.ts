import { createHmac, randomBytes } from "node:crypto";
import { RpcError } from "@baton/protocol-types/rpc";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { TokenIssuer } from "./token-issuer.js";

const secret = randomBytes(32);
const NOW = 1_750_000_000_000;

function decode(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error instanceof RpcError ? error.toWire() : error;
  }
  return "verified";
}

const INVALID = {
  code: -32002,
  kind: "NotAllowed",
  message: "There was a problem with authentication",
  details: { kind: "Auth", details: { kind: "InvalidAuth" } },
};

/** Signs `claims` with `key` the way a forger (or another server) would. */
function hs512(claims: object, key: Uint8Array, header: object = { typ: "JWT", alg: "HS512" }): string {
  const body = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${createHmac("sha512", key).update(body).digest("base64url")}`;
}

describe("TokenIssuer", () => {
  it("issues SurrealDB's root token and verifies it", async () => {
    const issuer = new TokenIssuer({ secret, now: () => NOW });
    const token = await issuer.issueRoot("root");
    const [header, payload] = token.split(".");
    expect(header).toBe("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9");
    const claims = decode(payload);
    expect(Object.keys(claims)).toEqual(["iat", "nbf", "exp", "iss", "jti", "ID"]);
    expect(claims).toMatchObject({ iat: NOW / 1000, nbf: NOW / 1000, exp: NOW / 1000 + 3600, iss: "SurrealDB", ID: "root" });
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await issuer.verify(token)).toEqual({ user: "root", expiresAt: NOW + 3_600_000 });
  });

  it("issues payloads the JS SDK's atob can read", async () => {
    const issuer = new TokenIssuer({ secret });
    for (const user of ["root", "admin-user_1", "x".repeat(41)]) {
      const payload = (await issuer.issueRoot(user)).split(".")[1] ?? "";
      expect(payload, user).not.toMatch(/[-_]/);
      const exp = (JSON.parse(atob(payload)) as { exp: number }).exp;
      expect(typeof exp).toBe("number");
    }
  });

  it("uses the configured lifetime", async () => {
    const issuer = new TokenIssuer({ secret, ttlSeconds: 60, now: () => NOW });
    const claims = decode((await issuer.issueRoot("root")).split(".")[1]);
    expect(claims.exp).toBe(NOW / 1000 + 60);
  });

  it("answers TokenExpired for its own expired tokens", async () => {
    let clock = NOW;
    const issuer = new TokenIssuer({ secret, ttlSeconds: 60, now: () => clock });
    const token = await issuer.issueRoot("root");
    clock += 59_000;
    expect(await issuer.verify(token)).toMatchObject({ user: "root" });
    clock += 1_000;
    expect(await failure(issuer.verify(token))).toEqual({
      code: -32002,
      kind: "NotAllowed",
      message: "The token has expired",
      details: { kind: "Auth", details: { kind: "TokenExpired" } },
    });
  });

  it("answers InvalidAuth for tampered, foreign-key, unsigned and malformed tokens", async () => {
    const issuer = new TokenIssuer({ secret, now: () => NOW });
    const token = await issuer.issueRoot("root");
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = decode(payload);
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, ID: "admin" })).toString("base64url");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.slice(-1);
    for (const bad of [
      `${header}.${forgedPayload}.${signature}`,
      unsigned,
      `${header}.${payload}`,
      `${header}.${payload}.${flipped}`,
      await new TokenIssuer({ now: () => NOW }).issueRoot("root"),
      hs512(claims, secret, { typ: "JWT", alg: "HS256" }),
      "x.y.z",
      "",
      "not a token",
    ]) {
      expect(await failure(issuer.verify(bad)), bad).toEqual(INVALID);
    }
  });

  it("refuses an expired token that is also forged as invalid, not expired", async () => {
    const issuer = new TokenIssuer({ secret, now: () => NOW });
    const old = hs512({ iat: 1, nbf: 1, exp: 2, iss: "SurrealDB", jti: "j", ID: "root" }, randomBytes(32));
    expect(await failure(issuer.verify(old))).toEqual(INVALID);
  });

  it("accepts lower-case claim aliases and refuses scoped or incomplete tokens", async () => {
    const issuer = new TokenIssuer({ secret, now: () => NOW });
    const base = { iat: NOW / 1000, nbf: NOW / 1000, exp: NOW / 1000 + 60, iss: "SurrealDB", jti: "j" };
    expect(await issuer.verify(hs512({ ...base, id: "root" }, secret))).toEqual({ user: "root", expiresAt: NOW + 60_000 });
    expect(await failure(issuer.verify(hs512({ ...base, ID: "u", NS: "test", DB: "test", AC: "account" }, secret)))).toEqual(
      INVALID,
    );
    expect(await failure(issuer.verify(hs512({ ...base, id: "u", ns: "test" }, secret)))).toEqual(INVALID);
    expect(await failure(issuer.verify(hs512({ ...base }, secret)))).toEqual(INVALID);
    const { exp: _exp, ...noExp } = base;
    expect(await failure(issuer.verify(hs512({ ...noExp, ID: "root" }, secret)))).toEqual(INVALID);
    const notYet = await new SignJWT({ ...base, nbf: NOW / 1000 + 30, ID: "root" })
      .setProtectedHeader({ typ: "JWT", alg: "HS512" })
      .sign(secret);
    expect(await failure(issuer.verify(notYet))).toEqual(INVALID);
  });

  it("refuses short secrets and bad lifetimes", () => {
    expect(() => new TokenIssuer({ secret: new Uint8Array(31) })).toThrow(RangeError);
    expect(() => new TokenIssuer({ ttlSeconds: 0 })).toThrow(RangeError);
    expect(() => new TokenIssuer({ ttlSeconds: 1.5 })).toThrow(RangeError);
  });
});
