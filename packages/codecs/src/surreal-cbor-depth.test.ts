import { describe, expect, it } from "vitest";
import { GatewayError } from "@baton/protocol-types";
import { Encoder } from "cbor-x";
import { cborNestsDeeper } from "./surreal-cbor-depth.js";
import { surrealCborCodec as codec } from "./surreal-cbor-codec.js";
import { SURREAL_JSON_MAX_DEPTH } from "./surreal-json-codec.js";

/** `n` definite arrays of one, around 1; or maps, indefinite arrays, tags. */
function nested(kind: "array" | "map" | "indefinite" | "tag", n: number): Uint8Array {
  const open = { array: [0x81], map: [0xa1, 0x61, 0x6b], indefinite: [0x9f], tag: [0xd8, 0x63] }[kind];
  const close = kind === "indefinite" ? [0xff] : [];
  const bytes: number[] = [];
  for (let i = 0; i < n; i++) bytes.push(...open);
  bytes.push(0x01);
  for (let i = 0; i < n; i++) bytes.push(...close);
  return new Uint8Array(bytes);
}

function protocolError(bytes: Uint8Array): GatewayError {
  try {
    codec.decode(bytes);
  } catch (error) {
    if (error instanceof GatewayError && error.code === "PROTOCOL_ERROR") return error;
    throw error;
  }
  throw new Error("decoded, a PROTOCOL_ERROR was expected");
}

describe("CBOR nesting limit", () => {
  it.each(["array", "map", "indefinite", "tag"] as const)("%s: depth is counted exactly", (kind) => {
    expect(cborNestsDeeper(nested(kind, 5), 5)).toBe(false);
    expect(cborNestsDeeper(nested(kind, 6), 5)).toBe(true);
  });

  it("siblings do not add up; strings (also indefinite ones) are skipped by length, not read as heads", () => {
    const encoder = new Encoder({ useRecords: false, mapsAsObjects: false });
    const wide = encoder.encode([[[1]], [[2]], "\u0081\u0081\u0081\u0081", new Uint8Array([0x81, 0x81, 0x81, 0x81])]);
    expect(cborNestsDeeper(wide, 3)).toBe(false);
    expect(cborNestsDeeper(wide, 2)).toBe(true);
    // An indefinite byte string of two chunks, inside one array.
    expect(cborNestsDeeper(new Uint8Array([0x81, 0x5f, 0x41, 0x81, 0x41, 0x81, 0xff]), 1)).toBe(false);
  });

  it("the codec accepts SURREAL_JSON_MAX_DEPTH levels and refuses one more, and thousands, as PROTOCOL_ERROR", () => {
    expect(() => codec.decode(nested("array", SURREAL_JSON_MAX_DEPTH))).not.toThrow();
    for (const depth of [SURREAL_JSON_MAX_DEPTH + 1, 5000, 200_000]) {
      expect(protocolError(nested("array", depth)).message).toMatch(/nesting of at most 128 levels/);
    }
    expect(protocolError(nested("map", 1000)).message).toMatch(/nesting of at most 128 levels/);
  });

  it("leaves truncated or malformed bytes to the decoder", () => {
    expect(cborNestsDeeper(new Uint8Array([0x82, 0x01]), 5)).toBe(false);
    expect(cborNestsDeeper(new Uint8Array([0x5a, 0xff, 0xff, 0xff, 0xff]), 5)).toBe(false);
    expect(cborNestsDeeper(new Uint8Array([0xff]), 5)).toBe(false);
  });
});
