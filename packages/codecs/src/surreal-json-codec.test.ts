import { describe, expect, it } from "vitest";
import { GatewayError } from "@baton/protocol-types";
import { describeSurrealCodec } from "./surreal-codec.case.js";
import { SURREAL_JSON_MAX_DEPTH, encodeSurrealJson, surrealJsonCodec as codec } from "./surreal-json-codec.js";
import {
  Datetime,
  Decimal,
  Duration,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryLine,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  RecordId,
  Table,
  Uuid,
} from "./surreal-values.js";

describeSurrealCodec(codec, { flattens: "json" });

const text = (value: unknown) => Buffer.from(codec.encode(value)).toString("utf8");

function protocolError(input: Uint8Array | string): GatewayError {
  try {
    codec.decode(input);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("PROTOCOL_ERROR");
    expect((error as GatewayError).message).toMatch(/^Malformed SurrealDB JSON: /);
    return error as GatewayError;
  }
  throw new Error("decode did not throw");
}

describe("surrealJsonCodec", () => {
  it("describes itself", () => {
    expect(codec).toMatchObject({ name: "json", contentType: "application/json", binary: false });
  });

  describe("encode: exact bytes", () => {
    it.each<[string, unknown, string]>([
      ["NONE at the top", NONE, "null"],
      ["undefined at the top", undefined, "null"],
      ["NONE in an array", [NONE, 1], "[null,1]"],
      ["NONE field omitted", { a: NONE, b: 1, c: undefined }, '{"b":1}'],
      ["null", { a: null }, '{"a":null}'],
      ["bigint exact", { n: 9_007_199_254_740_993n, m: [-12_345_678_901_234_567_890n] }, '{"n":9007199254740993,"m":[-12345678901234567890]}'],
      ["bigint at the top", 18_446_744_073_709_551_615n, "18446744073709551615"],
      ["bigint beside NONE", [1n, NONE, { x: NONE, y: 2n }], "[1,null,{\"y\":2}]"],
      ["NaN and Infinity", [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], "[null,null,null]"],
      ["record id", new RecordId("person", "john doe"), '"person:`john doe`"'],
      ["table", new Table("person"), '"person"'],
      ["decimal", new Decimal("1.50"), '"1.50"'],
      ["duration", new Duration(90n, 1_000_000), '"1m30s1ms"'],
      ["datetime", new Datetime(1_661_760_219n, 500_000_000), '"2022-08-29T08:03:39.500Z"'],
      ["JS Date", new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), '"2024-01-02T03:04:05.006Z"'],
      ["uuid", Uuid.parse("0190D2A4-6F3B-7C1E-9A2B-3C4D5E6F7081"), '"0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081"'],
      ["bytes", new Uint8Array([1, 2, 255]), "[1,2,255]"],
      ["set", new Set([2, 1]), "[2,1]"],
      ["map", new Map([["k", new Table("t")]]), '{"k":"t"}'],
      ["multi point", new GeometryMultiPoint([new GeometryPoint(1, 2)]), '{"type":"MultiPoint","coordinates":[[1,2]]}'],
      [
        "multi line",
        new GeometryMultiLine([new GeometryLine([new GeometryPoint(1, 2), new GeometryPoint(3, 4)])]),
        '{"type":"MultiLineString","coordinates":[[[1,2],[3,4]]]}',
      ],
      [
        "multi polygon",
        new GeometryMultiPolygon([
          new GeometryPolygon([new GeometryLine([new GeometryPoint(0, 0), new GeometryPoint(1, 0), new GeometryPoint(0, 0)])]),
        ]),
        '{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[0,0]]]]}',
      ],
      ["unicode", { "é": "✓\u0000" }, '{"é":"✓\\u0000"}'],
    ])("%s", (_name, value, expected) => {
      expect(text(value)).toBe(expected);
      expect(encodeSurrealJson(value)).toBe(expected);
    });

    it("hands plain JSON to JSON.stringify unchanged", () => {
      const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, name: `row ${i}`, ok: i % 2 === 0, tags: ["a", null] }));
      expect(text(rows)).toBe(JSON.stringify(rows));
    });

    it("does not change the value it encodes", () => {
      const value = { id: new RecordId("t", 1), list: [NONE, 1n], inner: { d: new Duration(1n) } };
      const before = { ...value, list: [...value.list], inner: { ...value.inner } };
      codec.encode(value);
      expect(value).toEqual(before);
    });

    it("refuses values with no JSON form", () => {
      expect(() => codec.encode(() => 1)).toThrow(TypeError);
      expect(() => codec.encode([Symbol("other")])).toThrow(TypeError);
      expect(() => codec.encode({ a: new (class Custom {})() })).toThrow(/Custom/);
    });
  });

  describe("decode", () => {
    it("reads text and bytes alike", () => {
      expect(codec.decode('{"a":[1,2.5,"x",true,null]}')).toEqual({ a: [1, 2.5, "x", true, null] });
      expect(codec.decode(Buffer.from(' [ 1 ] ', "utf8"))).toEqual([1]);
    });

    it("keeps integers beyond 2^53 exact as bigint", () => {
      expect(codec.decode("9007199254740993")).toBe(9_007_199_254_740_993n);
      expect(codec.decode("[-9223372036854775808, 18446744073709551616]")).toEqual([
        -9_223_372_036_854_775_808n,
        18_446_744_073_709_551_616n,
      ]);
      expect(codec.decode(`{"n": ${"9".repeat(60)}}`)).toEqual({ n: BigInt("9".repeat(60)) });
    });

    it("keeps long integers within 2^53 as numbers, and floats as floats", () => {
      const decoded = codec.decode('[9007199254740991, -9007199254740991, 1234567890123456.5, 1e400, "12345678901234567890"]');
      expect(decoded).toEqual([9_007_199_254_740_991, -9_007_199_254_740_991, 1_234_567_890_123_456.5, Number.POSITIVE_INFINITY, "12345678901234567890"]);
    });

    it("keeps strings as strings, record-like ones too", () => {
      expect(codec.decode('["person:tobie", "0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081"]')).toEqual([
        "person:tobie",
        "0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081",
      ]);
    });

    it("reads escapes and __proto__ keys the same on both paths", () => {
      const input = '{"__proto__": {"x": 1}, "s": "a\\"b\\\\c\\u00e9\\n", "n": 1}';
      const long = input.replace('"n": 1', '"n": 12345678901234567');
      const fast = codec.decode(input) as Record<string, unknown>;
      const exact = codec.decode(long) as Record<string, unknown>;
      for (const value of [fast, exact]) {
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        expect(Object.keys(value)).toEqual(["__proto__", "s", "n"]);
        expect(value.s).toBe('a"b\\cé\n');
      }
      expect(exact.n).toBe(12_345_678_901_234_567n);
    });
  });

  describe("decode: malformed input", () => {
    it.each([
      ["empty text", "", /empty body/],
      ["only spaces", "   ", /empty body/],
      ["truncated object", '{"a": 1', /at position 7: expected "," or "}"/],
      ["truncated string", '{"a": "xyz', /at position 10: expected a closing "/],
      ["truncated with a long int", '{"a": 12345678901234567', /at position 23: expected "," or "}"/],
      ["trailing comma", "[1, 2,]", /at position 6: expected a JSON value/],
      ["missing colon", '{"a" 1}', /at position 5: expected ":"/],
      ["unquoted key", "{a: 1}", /at position 1: expected an object key/],
      ["single quotes", "['a']", /at position 1: expected a JSON value/],
      ["two values", "1 2", /at position 2: expected the end of input/],
      ["NaN literal", "NaN", /at position 0: expected a JSON value/],
      ["leading plus", "+1", /at position 0: expected a JSON value/],
      ["bare minus", "-", /at position 0: expected a JSON value/],
      ["raw control character", '"a\u0001b"', /at position 0: expected a valid string/],
      ["bad escape", '"\\x"', /at position 0: expected a valid string/],
      ["bad escape beside a long int", '["\\x", 12345678901234567]', /at position 1: expected a valid string/],
      ["leading zeros", "[0012345678901234567]", /at position 2: expected "," or "]"/],
      ["undefined", "undefined", /at position 0: expected a JSON value/],
    ])("%s", (_name, input, message) => {
      expect(protocolError(input).message).toMatch(message);
    });

    it("refuses bytes that are not UTF-8", () => {
      expect(protocolError(new Uint8Array([0x22, 0xff, 0x22])).message).toMatch(/not valid UTF-8/);
    });

    it.each([
      ["arrays", (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`],
      ["objects", (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`],
      ["arrays with a long int", (n: number) => `${"[".repeat(n)}12345678901234567${"]".repeat(n)}`],
    ])("limits nesting of %s to SURREAL_JSON_MAX_DEPTH", (_name, nest) => {
      expect(() => codec.decode(nest(SURREAL_JSON_MAX_DEPTH))).not.toThrow();
      expect(protocolError(nest(SURREAL_JSON_MAX_DEPTH + 1)).message).toMatch(/nesting of at most 128 levels/);
      expect(protocolError(nest(200_000)).message).toMatch(/nesting of at most 128 levels/);
    });

    it("does not count brackets inside strings as nesting", () => {
      const input = JSON.stringify({ s: "[".repeat(1000), t: 'x\\"[[[' });
      expect(codec.decode(input)).toEqual({ s: "[".repeat(1000), t: 'x\\"[[[' });
    });
  });
});
