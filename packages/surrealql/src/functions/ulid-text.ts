// ULIDs as text: 48 bits of Unix milliseconds then 80 random bits, in Crockford's base 32
// (26 characters). Made by `rand::ulid`, read by `time::from_ulid` and `string::is_ulid`.
import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// The first character carries only 3 of the 128 bits' top, so it is at most 7.
const ULID_TEXT = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;

/** A new ULID for the instant `milliseconds` (Unix time). */
export function ulidAt(milliseconds: number): string {
  let time = "";
  let rest = Math.max(0, Math.floor(milliseconds));
  for (let i = 0; i < 10; i++) {
    time = (CROCKFORD[rest % 32] ?? "0") + time;
    rest = Math.floor(rest / 32);
  }
  // 16 random bytes, 5 bits of each: 80 random bits; 256 is a multiple of 32, so no bias.
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32] ?? "0").join("");
  return time + random;
}

export function isUlid(source: string): boolean {
  return ULID_TEXT.test(source);
}

/** The milliseconds a ULID was made at, or undefined if the text is not a ULID. */
export function ulidTime(source: string): bigint | undefined {
  if (!isUlid(source)) return undefined;
  let time = 0n;
  for (const character of source.slice(0, 10).toUpperCase()) time = time * 32n + BigInt(CROCKFORD.indexOf(character));
  return time;
}
