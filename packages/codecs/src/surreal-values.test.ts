import { describe, expect, it } from "vitest";
import { Datetime, Duration, NONE, RecordId, Uuid } from "./surreal-values.js";

describe("Datetime", () => {
  it("formats RFC 3339 with only the fractional digits it needs", () => {
    expect(new Datetime(1_714_979_289n, 123_456_789).toISOString()).toBe("2024-05-06T07:08:09.123456789Z");
    expect(new Datetime(1_714_979_289n, 120_000_000).toISOString()).toBe("2024-05-06T07:08:09.12Z");
    expect(new Datetime(0n).toISOString()).toBe("1970-01-01T00:00:00Z");
    expect(new Datetime(-1n, 999_999_999).toISOString()).toBe("1969-12-31T23:59:59.999999999Z");
    expect(new Datetime(951_782_400n).toISOString()).toBe("2000-02-29T00:00:00Z");
    expect(new Datetime(-62_198_755_200n).toISOString()).toBe("-0001-01-01T00:00:00Z");
    expect(new Datetime(253_402_300_800n).toISOString()).toBe("+10000-01-01T00:00:00Z");
  });

  it("agrees with Date within Date's range and parses its own output", () => {
    for (const ms of [0, 1, -1, 1_714_979_289_123, -62_135_596_800_000, 8.64e15, -8.64e15]) {
      const dt = Datetime.fromDate(new Date(ms));
      expect(dt.toDate().getTime()).toBe(ms);
      if (ms > -62_135_596_800_000 && ms < 253_402_300_800_000) expect(dt.toISOString()).toBe(new Date(ms).toISOString().replace(/\.?0*Z$/, "Z"));
      expect(Datetime.parse(dt.toISOString())).toEqual(dt);
    }
  });

  it("rejects nanoseconds out of range and bad text", () => {
    expect(() => new Datetime(0n, 1e9)).toThrow(RangeError);
    expect(() => new Datetime(0n, 0.5)).toThrow(RangeError);
    expect(() => Datetime.parse("2024-13-01T00:00:00Z")).toThrow(RangeError);
    expect(() => Datetime.parse("2024-01-01T00:00:00")).toThrow(RangeError);
  });
});

describe("Duration", () => {
  it("prints and parses SurrealDB's text form", () => {
    expect(new Duration(3723n, 4).toString()).toBe("1h2m3s4ns");
    expect(new Duration(0n).toString()).toBe("0ns");
    expect(new Duration(31_536_000n + 604_800n + 86_400n, 1_002_003).toString()).toBe("1y1w1d1ms2µs3ns");
    expect(Duration.parse("1h2m3s4ns")).toEqual(new Duration(3723n, 4));
    expect(Duration.parse("1s500ms7us")).toEqual(new Duration(1n, 500_007_000));
    expect(() => Duration.parse("")).toThrow(RangeError);
    expect(() => Duration.parse("5")).toThrow(RangeError);
  });
});

describe("Uuid and friends", () => {
  it("parses and prints the canonical form, and checks the length", () => {
    const text = "0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081";
    expect(Uuid.parse(text.toUpperCase()).toString()).toBe(text);
    expect(() => new Uuid(new Uint8Array(15))).toThrow(RangeError);
    expect(() => Uuid.parse("0190d2a4")).toThrow(RangeError);
  });

  it("values are immutable and NONE is not null", () => {
    const id = new RecordId("t", "k");
    expect(Object.isFrozen(id)).toBe(true);
    expect(NONE).not.toBeNull();
    expect(typeof NONE).toBe("symbol");
  });
});
