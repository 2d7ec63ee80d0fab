// The `crypto::*` SurrealQL functions: digests as lower-case hex of the UTF-8 text, and password
// hashing (password-hashing.ts). blake3 and the password functions are asynchronous (WebAssembly
// and node:crypto's thread pool), so they return promises.
import { createHash } from "node:crypto";
import { blake3 } from "hash-wasm";
import { text } from "./argument-kinds.js";
import { defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";
import {
  argon2Compare,
  argon2Generate,
  bcryptCompare,
  bcryptGenerate,
  pbkdf2Compare,
  pbkdf2Generate,
  scryptCompare,
  scryptGenerate,
} from "./password-hashing.js";

const digest = (algorithm: string): FunctionDefinition =>
  fn([text], ([value]) => createHash(algorithm).update(value, "utf8").digest("hex"));

/** Bob Jenkins' one-at-a-time hash of the UTF-8 bytes, as an unsigned 32-bit int. */
function joaat(value: string): number {
  let hash = 0;
  for (const byte of Buffer.from(value, "utf8")) {
    hash = (hash + byte) >>> 0;
    hash = (hash + (hash << 10)) >>> 0;
    hash = (hash ^ (hash >>> 6)) >>> 0;
  }
  hash = (hash + (hash << 3)) >>> 0;
  hash = (hash ^ (hash >>> 11)) >>> 0;
  return (hash + (hash << 15)) >>> 0;
}

const generate = (hasher: (password: string) => Promise<string>) => fn([text], ([password]) => hasher(password));
const compare = (checker: (hash: string, password: string) => Promise<boolean>) =>
  fn([text, text], ([hash, password]) => checker(hash, password));

export const cryptoFunctions: FunctionTable = defineFunctions({
  "crypto::blake3": fn([text], ([value]) => blake3(value)),
  "crypto::joaat": fn([text], ([value]) => joaat(value)),
  "crypto::md5": digest("md5"),
  "crypto::sha1": digest("sha1"),
  "crypto::sha256": digest("sha256"),
  "crypto::sha512": digest("sha512"),
  "crypto::argon2::compare": compare(argon2Compare),
  "crypto::argon2::generate": generate(argon2Generate),
  "crypto::bcrypt::compare": compare(bcryptCompare),
  "crypto::bcrypt::generate": generate(bcryptGenerate),
  "crypto::pbkdf2::compare": compare(pbkdf2Compare),
  "crypto::pbkdf2::generate": generate(pbkdf2Generate),
  "crypto::scrypt::compare": compare(scryptCompare),
  "crypto::scrypt::generate": generate(scryptGenerate),
});
