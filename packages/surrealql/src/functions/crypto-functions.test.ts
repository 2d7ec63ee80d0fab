// Digests are SurrealDB 3's language-test values; the password hashes are the examples of
// SurrealDB's documentation, made by SurrealDB, so comparing them proves the formats agree.
import { RpcError } from "@baton/protocol-types/rpc";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);
const PASSWORD = "this is a strong password";

describe("crypto:: digests", () => {
  it.each<[string, string, unknown]>([
    ["crypto::md5", "tobie", "4768b3fc7ac751e03a614e2349abf3bf"],
    ["crypto::md5", "", "d41d8cd98f00b204e9800998ecf8427e"],
    ["crypto::sha1", "tobie", "c6be709a1b6429472e0c5745b411f1693c4717be"],
    ["crypto::sha256", "tobie", "33fe1859daba927ea5674813adc1cf34b9e2795f2b7e91602fae19c0d0c493af"],
    [
      "crypto::sha512",
      "tobie",
      "39f0160c946c4c53702112d6ef3eea7957ea8e1c78787a482a89f8b0a8860a20ecd543432e4a187d9fdcd1c415cf61008e51a7e8bf2f22ac77e458789c9cdccc",
    ],
    ["crypto::joaat", "tobie", 2129482046],
    ["crypto::joaat", "", 0],
    ["crypto::joaat", "a", 0xca2e9442],
    ["crypto::joaat", "The quick brown fox jumps over the lazy dog", 0x519e91f5],
  ])("%s(%o)", async (name, value, expected) => {
    expect(await call(name, value)).toBe(expected);
  });

  it("hashes blake3 asynchronously", async () => {
    await expect(call("crypto::blake3", "tobie")).resolves.toBe("f75ef30a80a78016f4a4da40ac56c858c0001b3a320118adc3785972901ddce6");
    await expect(call("crypto::blake3", "")).resolves.toBe("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
  });

  it("refuses what is not a string", () => {
    expect(failureMessage(() => call("crypto::md5", 1))).toBe(
      "Incorrect arguments for function crypto::md5(). Argument 1 was the wrong type. Expected `string` but found `1`",
    );
  });
});

// Password hashing is slow by design (bcrypt at cost 12, scrypt with 128 MiB): a generous timeout.
describe("crypto:: password hashes", { timeout: 60_000 }, () => {
  it("compares SurrealDB's own hashes true, and a wrong password false", async () => {
    const hashes: [string, string][] = [
      ["crypto::argon2::compare", "$argon2id$v=19$m=4096,t=3,p=1$pbZ6yJ2rPJKk4pyEMVwslQ$jHzpsiB+3S/H+kwFXEcr10vmOiDkBkydVCSMfRxV7CA"],
      ["crypto::bcrypt::compare", "$2b$12$OD7hrr1Hycyk8NUwOekYY.cogCICpUnwNvDZ9NiC1qCPHzpVAQ9BO"],
      ["crypto::pbkdf2::compare", "$pbkdf2-sha256$i=10000,l=32$DBURRPJODKEt0IId1Lqe+w$Ve8Z00mibHDSKLbyKTceEBBcDpGoK0AEUl7QzDTIec4"],
      ["crypto::scrypt::compare", "$scrypt$ln=15,r=8,p=1$8gl7bipl0FELTy46YJOBrw$eRcS1qR22GI8VHo58WOXn9JyfDivGo5yTJFvpDyivuw"],
    ];
    for (const [name, hash] of hashes) {
      expect(await call(name, hash, PASSWORD)).toBe(true);
      expect(await call(name, hash, "wrong")).toBe(false);
    }
  });

  it("argon2 round trip with SurrealDB's parameters", async () => {
    const hash = (await call("crypto::argon2::generate", PASSWORD)) as string;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await call("crypto::argon2::compare", hash, PASSWORD)).toBe(true);
    expect(await call("crypto::argon2::compare", hash, "wrong")).toBe(false);
  });

  it("bcrypt round trip, `$2b$` at cost 12 as SurrealDB writes it", async () => {
    const hash = (await call("crypto::bcrypt::generate", PASSWORD)) as string;
    expect(hash).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    expect(await call("crypto::bcrypt::compare", hash, PASSWORD)).toBe(true);
    expect(await call("crypto::bcrypt::compare", hash, "wrong")).toBe(false);
  });

  it("bcrypt hashes an empty password and only the first 72 bytes", async () => {
    const empty = (await call("crypto::bcrypt::generate", "")) as string;
    expect(await call("crypto::bcrypt::compare", empty, "")).toBe(true);
    expect(await call("crypto::bcrypt::compare", empty, "x")).toBe(false);
    const long = "a".repeat(72);
    const hash = (await call("crypto::bcrypt::generate", `${long}tail`)) as string;
    expect(await call("crypto::bcrypt::compare", hash, `${long}other`)).toBe(true);
  });

  it("pbkdf2 round trip", async () => {
    const hash = (await call("crypto::pbkdf2::generate", PASSWORD)) as string;
    expect(hash).toMatch(/^\$pbkdf2-sha256\$i=10000,l=32\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await call("crypto::pbkdf2::compare", hash, PASSWORD)).toBe(true);
    expect(await call("crypto::pbkdf2::compare", hash, "wrong")).toBe(false);
  });

  it("scrypt round trip", async () => {
    const hash = (await call("crypto::scrypt::generate", PASSWORD)) as string;
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await call("crypto::scrypt::compare", hash, PASSWORD)).toBe(true);
  });

  it("answers false for malformed hashes and costs above SurrealDB's bound", async () => {
    expect(await call("crypto::bcrypt::compare", "not a hash", PASSWORD)).toBe(false);
    expect(await call("crypto::argon2::compare", "$argon2id$v=19$m=4096,t=3,p=1$abc", PASSWORD)).toBe(false);
    expect(await call("crypto::pbkdf2::compare", "$pbkdf2-sha256$i=1000000,l=32$DBURRPJODKEt0IId1Lqe+w$Ve8Z00mibHDSKLbyKTceEBBcDpGoK0AEUl7QzDTIec4", PASSWORD)).toBe(false);
    expect(await call("crypto::bcrypt::compare", "$2b$17$OD7hrr1Hycyk8NUwOekYY.cogCICpUnwNvDZ9NiC1qCPHzpVAQ9BO", PASSWORD)).toBe(false);
    expect(await call("crypto::scrypt::compare", "$scrypt$ln=20,r=8,p=1$8gl7bipl0FELTy46YJOBrw$eRcS1qR22GI8VHo58WOXn9JyfDivGo5yTJFvpDyivuw", PASSWORD)).toBe(false);
  });

  it("checks arguments before hashing", () => {
    expect(() => call("crypto::argon2::compare", "hash")).toThrow(RpcError);
    expect(failureMessage(() => call("crypto::bcrypt::generate", 12))).toBe(
      "Incorrect arguments for function crypto::bcrypt::generate(). Argument 1 was the wrong type. Expected `string` but found `12`",
    );
  });
});
