// The conformance suite every SurrealDB codec runs (CBOR, JSON): one value of every type, what a
// round trip gives back, and the malformed input every format must refuse. A format that cannot
// carry a type says what it flattens to (`json`), so the lossy cases are listed, not skipped.
import { describe, expect, it } from "vitest";
import { GatewayError } from "@baton/protocol-types";
import type { Codec } from "./codec.js";
import {
  Datetime,
  Decimal,
  Duration,
  GeometryCollection,
  GeometryLine,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  Range,
  RecordId,
  StringRecordId,
  Table,
  Uuid,
} from "./surreal-values.js";

export interface SurrealCodecCase {
  readonly name: string;
  readonly value: unknown;
  /** What SurrealDB's JSON gives back, when it flattens the value; absent when JSON carries it exactly. */
  readonly json?: unknown;
}

const uuid = Uuid.parse("0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081");
const p = (x: number, y: number) => new GeometryPoint(x, y);
const ring = new GeometryLine([p(0, 0), p(0, 1), p(1, 1), p(0, 0)]);

/** One value of every type of the value model. */
export const surrealCodecCases: readonly SurrealCodecCase[] = [
  { name: "null", value: null },
  { name: "NONE", value: NONE, json: null },
  { name: "true", value: true },
  { name: "false", value: false },
  { name: "empty string", value: "" },
  { name: "string", value: "text ✓ with \"quotes\", \\ and \n" },
  { name: "record-like string stays a string", value: "person:tobie" },
  { name: "zero", value: 0 },
  { name: "int", value: 42 },
  { name: "negative int", value: -7 },
  { name: "largest safe int", value: Number.MAX_SAFE_INTEGER },
  { name: "smallest safe int", value: Number.MIN_SAFE_INTEGER },
  { name: "int beyond 2^53", value: 9_007_199_254_740_993n },
  { name: "negative int beyond 2^53", value: -9_007_199_254_740_993n },
  { name: "i64 max", value: 9_223_372_036_854_775_807n },
  { name: "i64 min", value: -9_223_372_036_854_775_808n },
  { name: "float", value: 1.5 },
  { name: "small float", value: 1.5e-300 },
  { name: "large float", value: 1.7976931348623157e308 },
  { name: "NaN", value: Number.NaN, json: null },
  { name: "Infinity", value: Number.POSITIVE_INFINITY, json: null },
  { name: "-Infinity", value: Number.NEGATIVE_INFINITY, json: null },
  { name: "bytes", value: new Uint8Array([0, 1, 254, 255]), json: [0, 1, 254, 255] },
  { name: "empty bytes", value: new Uint8Array([]), json: [] },
  { name: "table", value: new Table("person"), json: "person" },
  { name: "record id", value: new RecordId("person", "tobie"), json: "person:tobie" },
  { name: "record id with a spaced key", value: new RecordId("person", "john doe"), json: "person:`john doe`" },
  { name: "record id with an int key", value: new RecordId("t", 42), json: "t:42" },
  { name: "record id with a text int key", value: new RecordId("t", "42"), json: "t:`42`" },
  { name: "record id with a big int key", value: new RecordId("t", 9_007_199_254_740_993n), json: "t:9007199254740993" },
  { name: "record id with a UUID key", value: new RecordId("t", uuid), json: `t:u'${uuid.toString()}'` },
  {
    name: "record id with an array key",
    value: new RecordId("t", ["London", new Datetime(1_661_760_219n)]),
    json: "t:['London', d'2022-08-29T08:03:39Z']",
  },
  { name: "record id with an object key", value: new RecordId("t", { b: "x", a: 1 }), json: "t:{ a: 1, b: 'x' }" },
  {
    name: "record id range",
    value: new RecordId("t", new Range({ begin: { kind: "included", value: 1 }, end: { kind: "excluded", value: 9 } })),
    json: "t:1..9",
  },
  { name: "string record id", value: new StringRecordId("person:tobie"), json: "person:tobie" },
  { name: "decimal", value: new Decimal("12.345"), json: "12.345" },
  { name: "datetime", value: new Datetime(1_714_979_289n, 123_456_789), json: "2024-05-06T07:08:09.123456789Z" },
  { name: "datetime in milliseconds", value: new Datetime(1_714_979_289n, 120_000_000), json: "2024-05-06T07:08:09.120Z" },
  { name: "datetime before 1970", value: new Datetime(-1n, 0), json: "1969-12-31T23:59:59Z" },
  { name: "duration", value: new Duration(5400n), json: "1h30m" },
  { name: "duration with nanoseconds", value: new Duration(1n, 5), json: "1s5ns" },
  { name: "zero duration", value: new Duration(0n), json: "0ns" },
  { name: "uuid", value: uuid, json: "0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081" },
  { name: "set", value: new Set([1, "a", [2]]), json: [1, "a", [2]] },
  { name: "empty set", value: new Set(), json: [] },
  {
    name: "range",
    value: new Range({ begin: { kind: "included", value: 1 }, end: { kind: "included", value: 5 } }),
    json: "1..=5",
  },
  {
    name: "half-open range",
    value: new Range({ begin: { kind: "excluded", value: "a" }, end: { kind: "unbounded" } }),
    json: "'a'>..",
  },
  { name: "point", value: p(-0.1275, 51.5072), json: { type: "Point", coordinates: [-0.1275, 51.5072] } },
  {
    name: "line",
    value: new GeometryLine([p(0, 0), p(1, 1.5)]),
    json: { type: "LineString", coordinates: [[0, 0], [1, 1.5]] },
  },
  {
    name: "polygon",
    value: new GeometryPolygon([ring]),
    json: { type: "Polygon", coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] },
  },
  {
    name: "geometry collection",
    value: new GeometryCollection([p(1, 2), new GeometryPolygon([ring])]),
    json: {
      type: "GeometryCollection",
      geometries: [
        { type: "Point", coordinates: [1, 2] },
        { type: "Polygon", coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] },
      ],
    },
  },
  { name: "empty array", value: [] },
  { name: "empty object", value: {} },
  { name: "array with NONE", value: [1, NONE, null], json: [1, null, null] },
  { name: "object with a NONE field", value: { a: 1, gone: NONE, kept: null }, json: { a: 1, kept: null } },
  { name: "__proto__ key stays an own key", value: Object.fromEntries([["__proto__", { x: 1 }]]) },
  {
    name: "nested record",
    value: {
      id: new RecordId("person", "alice"),
      tags: new Set(["a"]),
      friends: [new RecordId("person", "bob")],
      meta: { at: new Datetime(0n, 1), n: 9_007_199_254_740_993n, f: 0.5 },
    },
    json: {
      id: "person:alice",
      tags: ["a"],
      friends: ["person:bob"],
      meta: { at: "1970-01-01T00:00:00.000000001Z", n: 9_007_199_254_740_993n, f: 0.5 },
    },
  },
];

function expectProtocolError(codec: Codec, input: Uint8Array | string): void {
  let thrown: unknown;
  try {
    codec.decode(input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GatewayError);
  expect((thrown as GatewayError).code).toBe("PROTOCOL_ERROR");
}

/**
 * Runs the shared cases against `codec`. `flattens: "json"` checks each case's `json` form where
 * it has one; otherwise every value must come back equal.
 */
export function describeSurrealCodec(codec: Codec, options: { flattens?: "json" }): void {
  describe(`${codec.name} codec conformance`, () => {
    const trip = (value: unknown) => codec.decode(codec.encode(value));

    it.each(surrealCodecCases.map((c) => [c.name, c] as const))("round-trips %s", (_name, c) => {
      const expected = options.flattens === "json" && "json" in c ? c.json : c.value;
      const back = trip(c.value);
      expect(back).toEqual(expected);
      // A flattened value is plain data, and plain data is a fixed point of the codec.
      expect(trip(back)).toEqual(back);
    });

    it("carries every case at once, nested in one message", () => {
      const message = Object.fromEntries(surrealCodecCases.map((c) => [c.name, [c.value]]));
      const expected = Object.fromEntries(
        surrealCodecCases.map((c) => [c.name, [options.flattens === "json" && "json" in c ? c.json : c.value]]),
      );
      expect(trip(message)).toEqual(expected);
    });

    it("refuses an empty body", () => {
      expectProtocolError(codec, new Uint8Array());
    });

    it("refuses every truncation of a message", () => {
      const bytes = codec.encode({ a: [1, "two", { three: 3.5 }], b: "text" });
      for (let length = 1; length < bytes.length; length++) {
        expectProtocolError(codec, bytes.subarray(0, length));
      }
    });
  });
}
