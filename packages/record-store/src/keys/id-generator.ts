// Generated record keys: SurrealDB's 20 characters of [0-9a-z] (its ID_CHARS) from a CSPRNG,
// and UUID v7 for uuid-keyed tables (docs/record-model.md, "Generated ids").
import { randomBytes } from "node:crypto";
import { Uuid } from "@baton/codecs";

const ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";
// The largest multiple of 36 below 256: bytes at or above it are redrawn, so every character is equally likely.
const UNBIASED_LIMIT = 252;

/** A 20-character random string key. */
export function randomStringKey(): string {
  let key = "";
  while (key.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < UNBIASED_LIMIT && key.length < 20) key += ID_CHARS.charAt(byte % 36);
    }
  }
  return key;
}

/** A UUID v7: 48 bits of Unix milliseconds, then random bits (RFC 9562, 5.7). */
export function uuidV7(now = Date.now()): Uuid {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return new Uuid(bytes);
}
