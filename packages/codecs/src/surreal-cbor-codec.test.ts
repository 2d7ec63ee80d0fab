import { describe, expect, it } from "vitest";
import { GatewayError } from "@baton/protocol-types";
import { Encoder, Tag } from "cbor-x";
import { describeSurrealCodec } from "./surreal-codec.case.js";
import { surrealCborCodec as codec } from "./surreal-cbor-codec.js";
import {
  Datetime,
  Decimal,
  Duration,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  Range,
  RecordId,
  StringRecordId,
  Table,
  Uuid,
} from "./surreal-values.js";

/** Builds fixtures straight from tag numbers, independent of the codec under test. */
const raw = new Encoder({ useRecords: false, mapsAsObjects: true, tagUint8Array: false });
const bytesOf = (value: unknown) => new Uint8Array(raw.encode(value));
const trip = (value: unknown) => codec.decode(codec.encode(value));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

const uuid = Uuid.parse("0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081");
const p = (x: number, y: number) => new GeometryPoint(x, y);
const line = new GeometryLine([p(0, 0), p(1, 1.5)]);
const ring = new GeometryLine([p(0, 0), p(0, 1), p(1, 1), p(0, 0)]);
const polygon = new GeometryPolygon([ring]);

function protocolError(bytes: Uint8Array | string): GatewayError {
  try {
    codec.decode(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("PROTOCOL_ERROR");
    expect((error as GatewayError).message).toMatch(/^Malformed SurrealDB CBOR: /);
    return error as GatewayError;
  }
  throw new Error("decode did not throw");
}

describeSurrealCodec(codec, {});

describe("surrealCborCodec", () => {
  it("describes itself", () => {
    expect(codec).toMatchObject({ name: "cbor", contentType: "application/cbor", binary: true });
  });

  it("round-trips plain JSON-like values", () => {
    const value = {
      s: "text ✓",
      t: true,
      f: false,
      n: null,
      i: 42,
      neg: -7,
      float: 1.5,
      list: [1, "two", [3, { four: 4 }]],
      nested: { a: { b: { c: [null, false] } } },
    };
    expect(trip(value)).toEqual(value);
  });

  it("keeps bytes as a plain Uint8Array", () => {
    const back = trip({ b: new Uint8Array([0, 1, 254, 255]) }) as { b: Uint8Array };
    expect(back.b.constructor).toBe(Uint8Array);
    expect([...back.b]).toEqual([0, 1, 254, 255]);
    expect(hex(codec.encode(new Uint8Array([1, 2])))).toBe("420102");
  });

  it("decodes integers beyond 2^53 as bigint and smaller ones as numbers", () => {
    for (const int of [2n ** 63n - 1n, -(2n ** 63n - 1n), -(2n ** 63n), 2n ** 53n + 1n, -(2n ** 53n + 1n), 2n ** 64n - 1n]) {
      expect(trip(int)).toBe(int);
    }
    expect(trip(2n ** 53n - 1n)).toBe(2 ** 53 - 1);
    expect(trip(5n)).toBe(5);
    expect(hex(codec.encode(2n ** 53n + 1n))).toBe("1b0020000000000001");
    expect(() => codec.encode(2n ** 64n)).toThrow(RangeError);
  });

  it("keeps floats as floats; a whole float reads as a JS number (JS has one number type)", () => {
    expect(trip(0.1)).toBe(0.1);
    expect(trip(-1e300)).toBe(-1e300);
    expect(codec.decode(Uint8Array.from([0xfb, 0x40, 0, 0, 0, 0, 0, 0, 0]))).toBe(2); // float64 2.0
    expect(codec.decode(Uint8Array.from([0xf9, 0x3e, 0x00]))).toBe(1.5); // float16
    expect(hex(codec.encode(2))).toBe("02"); // as SurrealDB's SDK: whole numbers go as integers
  });

  it("keeps NONE and null distinct; undefined encodes as NONE", () => {
    expect(hex(codec.encode(NONE))).toBe("c6f6");
    expect(hex(codec.encode(undefined))).toBe("c6f6");
    expect(trip(NONE)).toBe(NONE);
    expect(trip(null)).toBeNull();
    expect(trip({ a: NONE, b: null, c: undefined })).toEqual({ a: NONE, b: null, c: NONE });
  });

  it("round-trips tables, decimals, UUIDs and sets", () => {
    expect(trip(new Table("person"))).toEqual(new Table("person"));
    expect(trip(new Decimal("12.345000000000000000001"))).toEqual(new Decimal("12.345000000000000000001"));
    expect(trip(uuid)).toEqual(uuid);
    expect(String(trip(uuid))).toBe("0190d2a4-6f3b-7c1e-9a2b-3c4d5e6f7081");
    expect(trip(new Set([1, "a", new Table("t")]))).toEqual(new Set([1, "a", new Table("t")]));
  });

  it("round-trips record ids with every kind of key", () => {
    for (const key of ["tobie", 1, 2n ** 60n, ["x", 1, [true]], { a: 1, b: { c: "d" } }, uuid]) {
      expect(trip(new RecordId("person", key))).toEqual(new RecordId("person", key));
    }
    const range = new RecordId("t", new Range({ begin: { kind: "included", value: 1 }, end: { kind: "unbounded" } }));
    expect(trip(range)).toEqual(range);
    expect(trip(new StringRecordId("person:tobie"))).toEqual(new StringRecordId("person:tobie"));
    expect(hex(codec.encode(new RecordId("t", "k")))).toBe(hex(bytesOf(new Tag(["t", "k"], 8))));
  });

  it("round-trips datetimes to the nanosecond, before and after 1970", () => {
    for (const dt of [
      new Datetime(1_714_979_289n, 123_456_789),
      new Datetime(-1n, 999_999_999),
      new Datetime(-62_135_596_800n, 0),
      new Datetime(2n ** 40n, 1),
    ]) {
      expect(trip(dt)).toEqual(dt);
    }
    expect(hex(codec.encode(new Datetime(1n, 0)))).toBe("cc820100");
    expect(trip(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)))).toEqual(new Datetime(1_704_164_645n, 678_000_000));
  });

  it("round-trips durations, dropping trailing zeros like SurrealDB", () => {
    for (const d of [new Duration(0n), new Duration(5400n), new Duration(3n, 4), new Duration(2n ** 63n, 999_999_999)]) {
      expect(trip(d)).toEqual(d);
    }
    expect(hex(codec.encode(new Duration(5400n)))).toBe(hex(bytesOf(new Tag([5400], 14))));
    expect(hex(codec.encode(new Duration(0n)))).toBe("ce80");
  });

  it("round-trips ranges with every kind of bound", () => {
    const range = new Range({ begin: { kind: "excluded", value: "a" }, end: { kind: "included", value: [1, 2] } });
    expect(trip(range)).toEqual(range);
    const open = new Range({ begin: { kind: "unbounded" }, end: { kind: "excluded", value: 10 } });
    expect(trip(open)).toEqual(open);
    expect(hex(codec.encode(open))).toBe(hex(bytesOf(new Tag([null, new Tag(10, 51)], 49))));
  });

  it("round-trips every geometry", () => {
    const all = [
      p(-0.118, 51.509),
      line,
      polygon,
      new GeometryMultiPoint([p(1, 2), p(3, 4)]),
      new GeometryMultiLine([line, ring]),
      new GeometryMultiPolygon([polygon, polygon]),
      new GeometryCollection([p(1, 2), line, new GeometryCollection([polygon])]),
    ];
    for (const geometry of all) expect(trip(geometry)).toEqual(geometry);
  });

  it("round-trips a nested record with everything in it", () => {
    const value = {
      id: new RecordId("p", "a"),
      when: new Datetime(1_714_979_289n, 123_456_789),
      tags: new Set(["x"]),
      rows: [{ price: new Decimal("1.10"), ttl: new Duration(60n), who: uuid, none: NONE }],
      where: p(1, 2),
      blob: new Uint8Array([9]),
      big: 2n ** 62n,
    };
    expect(trip(value)).toEqual(value);
  });

  describe("decodes hand-built fixtures", () => {
    it("text forms: tag 0 datetime, tag 9 UUID, tag 13 duration, tag 8 text", () => {
      expect(codec.decode(bytesOf(new Tag("2024-05-06T07:08:09.123456789Z", 0)))).toEqual(
        new Datetime(1_714_979_289n, 123_456_789),
      );
      expect(codec.decode(bytesOf(new Tag("2024-05-06T09:08:09.5+02:00", 0)))).toEqual(
        new Datetime(1_714_979_289n, 500_000_000),
      );
      expect(codec.decode(bytesOf(new Tag(uuid.toString(), 9)))).toEqual(uuid);
      expect(codec.decode(bytesOf(new Tag("1h30m", 13)))).toEqual(new Duration(5400n));
      expect(codec.decode(bytesOf(new Tag("t:k", 8)))).toEqual(new StringRecordId("t:k"));
    });

    it("compact forms: tag 12 and 14 with short arrays, tag 8 with a UUID key", () => {
      expect(codec.decode(bytesOf(new Tag([1_714_979_289, 123_456_789], 12)))).toEqual(
        new Datetime(1_714_979_289n, 123_456_789),
      );
      expect(codec.decode(bytesOf(new Tag([], 14)))).toEqual(new Duration(0n));
      expect(codec.decode(bytesOf(new Tag([-5], 12)))).toEqual(new Datetime(-5n));
      expect(codec.decode(bytesOf(new Tag(["t", new Tag(uuid.bytes, 37)], 8)))).toEqual(new RecordId("t", uuid));
      expect(codec.decode(bytesOf(new Tag(null, 6)))).toBe(NONE);
      expect(codec.decode(bytesOf(new Tag([1, 2, 2], 56)))).toEqual(new Set([1, 2]));
      expect(codec.decode(bytesOf(new Tag([1, 2], 88)))).toEqual(p(1, 2));
    });
  });

  describe("rejects malformed input with PROTOCOL_ERROR", () => {
    const good = codec.encode({ a: [1, 2, 3], b: "hello" });

    it("truncated, empty, text or with trailing bytes", () => {
      for (let end = 1; end < good.length; end++) protocolError(good.subarray(0, end));
      protocolError(new Uint8Array());
      protocolError("{}");
      protocolError(Uint8Array.from([...good, 0x01]));
      protocolError(Uint8Array.from([0xff]));
    });

    it("nesting too deep for the stack", () => {
      const deep = new Uint8Array(200_000).fill(0x81); // [[[…]]]
      deep[deep.length - 1] = 0;
      protocolError(deep);
    });

    it("wrong tag payloads", () => {
      const cases: [unknown, RegExp][] = [
        [new Tag("2024-01-01T00:00:00Z", 12), /tag 12 expects an array/],
        [new Tag([1, 2, 3], 12), /tag 12 expects an array of 0 or 1 or 2/],
        [new Tag([1, 1_000_000_000], 12), /nanoseconds out of range/],
        [new Tag(["1", 2], 14), /tag 14 expects integers/],
        [new Tag([-1], 14), /negative/],
        [new Tag(new Uint8Array(3), 37), /tag 37 \(UUID\) expects 16 bytes, got 3 bytes/],
        [new Tag("not-a-uuid", 9), /tag 9: Not a UUID/],
        [new Tag("yesterday", 0), /tag 0: Not an RFC 3339/],
        [new Tag("2023-02-29T00:00:00Z", 0), /No such date/],
        [new Tag("1 hour", 13), /tag 13: Not a duration/],
        [new Tag(1, 7), /tag 7 expects text/],
        [new Tag(1.5, 10), /tag 10 expects text/],
        [new Tag([1, "k"], 8), /table name/],
        [new Tag(["t"], 8), /tag 8 expects an array of 2/],
        [new Tag(["t", true], 8), /record key/],
        [new Tag(false, 6), /NONE/],
        [new Tag([1, 2], 49), /range bound/],
        [new Tag(1, 50), /outside a range/],
        [new Tag(["x", 2], 88), /expects numbers/],
        [new Tag([[0, 0]], 89), /GeometryPoint/],
        [new Tag([new Tag([0, 0], 88)], 90), /GeometryLine/],
        [new Tag(["x"], 94), /geometries/],
        [new Tag("x", 56), /tag 56 expects an array/],
        [new Tag(1, 1000), /unknown tag 1000/],
        [new Tag(1_700_000_000, 1), /unsupported value/],
        [{ deep: [new Tag(1, 12)] }, /tag 12/],
        [new Map<unknown, unknown>([[1, "a"]]), /map keys must be text, got a number/],
        [{ m: new Map<unknown, unknown>([[["k"], 1]]) }, /map keys must be text, got an array of 1/],
      ];
      for (const [value, message] of cases) expect(protocolError(bytesOf(value)).message).toMatch(message);
    });
  });
});
