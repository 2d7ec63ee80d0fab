import { describe, expect, it } from "vitest";
import { GatewayError } from "@baton/protocol-types";
import { jsonCodec } from "./json-codec.js";
import { valueFromWire, valueToWire } from "./hrana-json-values.js";

/** Encodes through the real JSON codec and back, as a value makes the trip on the wire. */
function wireTrip(value: Parameters<typeof valueToWire>[0]) {
  const text = Buffer.from(jsonCodec.encode(valueToWire(value))).toString("utf8");
  return { text, back: valueFromWire(jsonCodec.decode(text) as never) };
}

describe("Hrana JSON values", () => {
  it("keeps integers beyond 2^53 exact, as decimal strings", () => {
    for (const int of [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 0n, -1n]) {
      const { text, back } = wireTrip(int);
      expect(text).toBe(`{"type":"integer","value":"${int}"}`);
      expect(back).toBe(int);
    }
  });

  it("keeps whole floats typed as floats", () => {
    const { text, back } = wireTrip(2);
    expect(text).toBe('{"type":"float","value":2}');
    expect(typeof back).toBe("number");
    expect(wireTrip(1e308).back).toBe(1e308);
    expect(wireTrip(-0.5).back).toBe(-0.5);
  });

  it("sends blobs unpadded and accepts both paddings", () => {
    expect(wireTrip(new Uint8Array([1, 2])).text).toBe('{"type":"blob","base64":"AQI"}');
    expect(valueFromWire({ type: "blob", base64: "AQI=" })).toEqual(Buffer.from([1, 2]));
    expect(valueFromWire({ type: "blob", base64: "AQI" })).toEqual(Buffer.from([1, 2]));
    expect(wireTrip(new Uint8Array(0)).back).toEqual(Buffer.alloc(0));
    const big = new Uint8Array(1 << 20).map((_, i) => i % 251);
    expect(Buffer.compare(wireTrip(big).back as Buffer, Buffer.from(big))).toBe(0);
  });

  it("carries text and null unchanged", () => {
    expect(wireTrip("žluťoučký kůň 🐎 \u0000 end").back).toBe("žluťoučký kůň 🐎 \u0000 end");
    expect(wireTrip(null).text).toBe('{"type":"null"}');
  });

  it("refuses ±Infinity, which JSON cannot carry, with its own code", () => {
    expect(() => valueToWire(Infinity)).toThrow(expect.objectContaining({ code: "VALUE_NOT_REPRESENTABLE" }));
    expect(() => valueToWire(-Infinity)).toThrow(expect.objectContaining({ code: "VALUE_NOT_REPRESENTABLE" }));
  });

  it("refuses integers outside int64", () => {
    expect(() => valueFromWire({ type: "integer", value: "9223372036854775808" })).toThrow(GatewayError);
  });
});

describe("JSON codec", () => {
  it("reports malformed JSON and invalid UTF-8 as protocol errors", () => {
    expect(() => jsonCodec.decode("{nope")).toThrow(/Malformed JSON/);
    expect(() => jsonCodec.decode(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(/UTF-8/);
    expect(() => jsonCodec.decode("[")).toThrow(expect.objectContaining({ code: "PROTOCOL_ERROR" }));
  });
});
