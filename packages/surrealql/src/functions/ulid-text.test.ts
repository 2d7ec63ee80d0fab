import { describe, expect, it } from "vitest";
import { isUlid, ulidAt, ulidTime } from "./ulid-text.js";

describe("ULID text", () => {
  it("makes 26 Crockford characters that carry the instant they were made for", () => {
    const made = ulidAt(1_469_922_850_259);
    expect(made).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(made.slice(0, 10)).toBe("01ARZ3NDEK");
    expect(ulidTime(made)).toBe(1_469_922_850_259n);
  });

  it("draws the random part anew each time", () => {
    expect(ulidAt(0).slice(10)).not.toBe(ulidAt(0).slice(10));
  });

  it("reads only ULID text", () => {
    expect(isUlid("01ARZ3NDEKTSV4RRFFQ69G5FAV")).toBe(true);
    expect(isUlid("01arz3ndektsv4rrffq69g5fav")).toBe(true);
    // The first character holds the top 3 of 128 bits, so 8 and above overflow.
    expect(isUlid("81ARZ3NDEKTSV4RRFFQ69G5FAV")).toBe(false);
    expect(isUlid("01ARZ3NDEKTSV4RRFFQ69G5FAU")).toBe(false);
    expect(ulidTime("nope")).toBeUndefined();
  });
});
