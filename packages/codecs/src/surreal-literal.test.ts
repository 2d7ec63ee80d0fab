import { describe, expect, it } from "vitest";
import { formatDatetime, formatRecordId, formatValue } from "./surreal-literal-format.js";
import { parseRecordId, parseValue } from "./surreal-literal-parser.js";
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

const uuid = Uuid.parse("0189b7a4-6f3b-7c1e-9a2b-3c4d5e6f7081");
const p = (x: number, y: number) => new GeometryPoint(x, y);
const line = new GeometryLine([p(0, 0), p(1, 1.5)]);
const ring = new GeometryLine([p(0, 0), p(0, 1), p(1, 1), p(0, 0)]);
const polygon = new GeometryPolygon([ring, new GeometryLine([p(0.1, 0.1), p(0.2, 0.2), p(0.1, 0.1)])]);
const inc = (value: unknown) => ({ kind: "included" as const, value });
const exc = (value: unknown) => ({ kind: "excluded" as const, value });
const unbounded = { kind: "unbounded" as const };

describe("formatRecordId", () => {
  it.each([
    [new RecordId("person", "tobie"), "person:tobie"],
    [new RecordId("person", "john doe"), "person:`john doe`"],
    [new RecordId("t", "1"), "t:`1`"],
    [new RecordId("t", "1_000"), "t:`1_000`"],
    [new RecordId("t", "_"), "t:`_`"],
    [new RecordId("t", "1abc"), "t:1abc"],
    [new RecordId("t", ""), "t:``"],
    [new RecordId("t", "a`b\\c"), "t:`a\\`b\\\\c`"],
    [new RecordId("t", "⟨x⟩"), "t:`⟨x⟩`"],
    [new RecordId("t", 42), "t:42"],
    [new RecordId("t", -7), "t:-7"],
    [new RecordId("t", 9_223_372_036_854_775_807n), "t:9223372036854775807"],
    [new RecordId("t", uuid), "t:u'0189b7a4-6f3b-7c1e-9a2b-3c4d5e6f7081'"],
    [
      new RecordId("t", ["London", new Datetime(1_661_760_219n)]),
      "t:['London', d'2022-08-29T08:03:39Z']",
    ],
    [new RecordId("t", { b: "x", a: 1 }), "t:{ a: 1, b: 'x' }"],
    [new RecordId("my table", "a"), "`my table`:a"],
    [new RecordId("1t", "a"), "`1t`:a"],
    [new RecordId("none", "a"), "`none`:a"],
    [new RecordId("t", new Range({ begin: inc(1), end: inc(5) })), "t:1..=5"],
    [new RecordId("t", new Range({ begin: exc(1), end: exc(5) })), "t:>1..5"],
    [new RecordId("t", new Range({ begin: unbounded, end: unbounded })), "t:.."],
    [new RecordId("t", new Range({ begin: inc("a"), end: exc("z z") })), "t:a..`z z`"],
    [new RecordId("t", new Range({ begin: inc([1, "a"]), end: unbounded })), "t:[1, 'a'].."],
  ])("%o prints as %s and parses back", (id, text) => {
    expect(formatRecordId(id)).toBe(text);
    expect(parseRecordId(text)).toEqual(id);
  });

  it("rejects a fractional key", () => {
    expect(() => formatRecordId(new RecordId("t", 1.5))).toThrow(RangeError);
  });
});

describe("parseRecordId", () => {
  it("reads an integer key as an int and a bracketed or quoted one as text", () => {
    expect(parseRecordId("t:123")).toEqual(new RecordId("t", 123));
    expect(parseRecordId("t:⟨123⟩")).toEqual(new RecordId("t", "123"));
    expect(parseRecordId("t:`123`")).toEqual(new RecordId("t", "123"));
    expect(parseRecordId("t:12345678901234567890")).toEqual(new RecordId("t", 12_345_678_901_234_567_890n));
  });

  it("reads the 1.x/2.x ⟨⟩ form, escapes and backtick tables", () => {
    expect(parseRecordId("person:⟨john doe⟩")).toEqual(new RecordId("person", "john doe"));
    expect(parseRecordId("t:⟨a\\⟩b⟩")).toEqual(new RecordId("t", "a⟩b"));
    expect(parseRecordId("`my table`:⟨x⟩")).toEqual(new RecordId("my table", "x"));
    expect(parseRecordId("⟨my table⟩:x")).toEqual(new RecordId("my table", "x"));
    expect(parseRecordId('t:u"0189b7a4-6f3b-7c1e-9a2b-3c4d5e6f7081"')).toEqual(new RecordId("t", uuid));
    expect(parseRecordId("t:{a:1,b:'x'}")).toEqual(new RecordId("t", { a: 1, b: "x" }));
    expect(parseRecordId("t:1>..=5")).toEqual(new RecordId("t", new Range({ begin: exc(1), end: inc(5) })));
  });

  it.each([
    ["", /position 0: expected a name/],
    ["person", /position 6: expected ":"/],
    ["person:", /position 7: expected a record key/],
    ["person:a b", /position 9: expected end of text, found "b"/],
    ["t:⟨open", /expected closing ⟩/],
    ["t:u'nope'", /expected a UUID/],
    ["t:-x", /negative integer/],
    ["t:[1, ", /expected a value/],
  ])("rejects %j", (text, message) => {
    expect(() => parseRecordId(text)).toThrow(RangeError);
    expect(() => parseRecordId(text)).toThrow(message);
  });
});

describe("formatValue", () => {
  it.each<[unknown, string]>([
    [NONE, "NONE"],
    [undefined, "NONE"],
    [null, "NULL"],
    [true, "true"],
    [false, "false"],
    ["hello", "'hello'"],
    ["it's", `"it's"`],
    ["a\nb\tc\\d\0\b\f\r", "'a\\nb\\tc\\\\d\\0\\u{8}\\f\\r'"],
    ["say \"hi\" it's", `"say \\"hi\\" it's"`],
    [42, "42"],
    [-7, "-7"],
    [-0, "0"],
    [2 ** 60, "1152921504606846976"],
    [1e300, `1${"0".repeat(300)}f`],
    [12_345_678_901_234_567_890n, "12345678901234567890"],
    [1.5, "1.5f"],
    [-0.25, "-0.25f"],
    [1.5e-7, "0.00000015f"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [new Decimal("1.50"), "1.50dec"],
    [new Datetime(1_661_760_219n, 0), "d'2022-08-29T08:03:39Z'"],
    [new Datetime(1_661_760_219n, 500_000_000), "d'2022-08-29T08:03:39.500Z'"],
    [new Datetime(1_661_760_219n, 123_456_000), "d'2022-08-29T08:03:39.123456Z'"],
    [new Datetime(1_661_760_219n, 123_456_789), "d'2022-08-29T08:03:39.123456789Z'"],
    [new Datetime(-62_167_219_201n, 0), "d'-0001-12-31T23:59:59Z'"],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), "d'2024-01-02T03:04:05.006Z'"],
    [new Duration(5400n), "1h30m"],
    [new Duration(0n), "0ns"],
    [new Duration(1n, 500_000_001), "1s500ms1ns"],
    [uuid, "u'0189b7a4-6f3b-7c1e-9a2b-3c4d5e6f7081'"],
    [new Uint8Array([1, 0xab, 255]), 'b"01ABFF"'],
    [new Uint8Array([]), 'b""'],
    [new Table("person"), "person"],
    [new Table("my table"), "`my table`"],
    [new Table("true"), "`true`"],
    [new Table("NULL"), "`NULL`"],
    [new RecordId("person", "tobie"), "person:tobie"],
    [new StringRecordId("person:⟨john doe⟩"), "person:`john doe`"],
    [new StringRecordId("not a record id"), "r'not a record id'"],
    [[], "[]"],
    [[1, "a", [null]], "[1, 'a', [NULL]]"],
    [{}, "{  }"],
    [{ b: 1, a: { d: NONE, c: [] } }, "{ a: { c: [] }, b: 1 }"],
    [{ "a b": 1, "1x": 2, "": 3, 'q"': 4 }, '{ "": 3, "1x": 2, "a b": 1, "q\\"": 4 }'],
    [new Set(), "{,}"],
    [new Set([1]), "{1,}"],
    [new Set([10, 9, "b", "a", 9]), "{9, 10, 'a', 'b'}"],
    [new Set([[1], [1]]), "{[1],}"],
    [new Range({ begin: inc(1), end: inc(5) }), "1..=5"],
    [new Range({ begin: exc(1), end: exc(5) }), "1>..5"],
    [new Range({ begin: unbounded, end: exc("z") }), "..'z'"],
    [new Range({ begin: inc(1.5), end: unbounded }), "1.5f.."],
    [p(1, 2.5), "(1f, 2.5f)"],
    [line, "{ type: 'LineString', coordinates: [[0f, 0f], [1f, 1.5f]] }"],
    [
      new GeometryPolygon([ring]),
      "{ type: 'Polygon', coordinates: [[[0f, 0f], [0f, 1f], [1f, 1f], [0f, 0f]]] }",
    ],
    [new GeometryMultiPoint([p(1, 2), p(3, 4)]), "{ type: 'MultiPoint', coordinates: [[1f, 2f], [3f, 4f]] }"],
    [new GeometryMultiLine([line]), "{ type: 'MultiLineString', coordinates: [[[0f, 0f], [1f, 1.5f]]] }"],
    [
      new GeometryMultiPolygon([new GeometryPolygon([ring])]),
      "{ type: 'MultiPolygon', coordinates: [[[[0f, 0f], [0f, 1f], [1f, 1f], [0f, 0f]]]] }",
    ],
    [
      new GeometryCollection([p(1, 2), line]),
      "{ type: 'GeometryCollection', geometries: [(1f, 2f), { type: 'LineString', coordinates: [[0f, 0f], [1f, 1.5f]] }] }",
    ],
  ])("%o prints as %s", (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it("rejects values without a literal", () => {
    expect(() => formatValue(() => 1)).toThrow(TypeError);
    expect(() => formatValue(Symbol("x"))).toThrow(TypeError);
    expect(() => formatValue(new Map())).toThrow(TypeError);
  });

  it("gives equal text for equal values and different text for different ones", () => {
    expect(formatValue({ a: 1, b: 2 })).toBe(formatValue({ b: 2, a: 1 }));
    expect(formatValue(new Set([1, 2]))).toBe(formatValue(new Set([2, 1])));
    expect(formatValue(new StringRecordId("t:1"))).toBe(formatValue(new RecordId("t", 1)));
    const distinct: unknown[] = [
      1, "1", 1.5, new Decimal("1.5"), [1], new Set([1]), new RecordId("t", 1), new RecordId("t", "1"),
      new Table("t"), "t", null, NONE, true, "true", new Table("true"), {}, new Set(),
      { type: "LineString", coordinates: [[0, 0], [1, 1.5]] }, line, [0, 0], p(0, 0),
    ];
    const texts = distinct.map((value) => formatValue(value));
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("formatDatetime", () => {
  it("uses 0, 3, 6 or 9 fractional digits", () => {
    expect(formatDatetime(new Datetime(0n, 100_000))).toBe("1970-01-01T00:00:00.000100Z");
    expect(formatDatetime(new Datetime(0n, 1))).toBe("1970-01-01T00:00:00.000000001Z");
    expect(formatDatetime(new Datetime(253_402_300_800n, 0))).toBe("+10000-01-01T00:00:00Z");
  });
});

describe("parseValue", () => {
  const everyType: unknown[] = [
    NONE,
    null,
    true,
    false,
    "",
    "plain",
    "it's \"quoted\" \\ \n\t\r\0\b\f ⟩ ` 👍",
    0,
    42,
    -7,
    Number.MAX_SAFE_INTEGER,
    9_007_199_254_740_993n,
    -9_223_372_036_854_775_808n,
    1.5,
    -0.000001,
    1.5e-7,
    123_456.789,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    new Decimal("12.345"),
    new Decimal("-1"),
    new Datetime(1_714_979_289n, 123_456_789),
    new Datetime(-1n, 999_000_000),
    new Duration(5400n),
    new Duration(31_536_000n * 3n + 1n, 1001),
    uuid,
    new Uint8Array([0, 1, 2, 254, 255]),
    new Table("person"),
    new Table("odd name"),
    new Table("Infinity"),
    new RecordId("person", "tobie"),
    new RecordId("person", "john doe"),
    new RecordId("t", "42"),
    new RecordId("t", 42),
    new RecordId("t", -1),
    new RecordId("t", uuid),
    new RecordId("t", ["London", new Datetime(1_661_760_219n)]),
    new RecordId("t", { a: 1, b: "x", c: { d: [true] } }),
    new RecordId("t", new Range({ begin: exc(1), end: inc(9) })),
    [],
    [1, [2, [3, "x"]], { a: null }],
    {},
    { a: 1, "weird key": [NONE], nested: { x: new RecordId("p", "q") } },
    Object.fromEntries([["__proto__", 1]]),
    new Set(),
    new Set(["a"]),
    new Set([1, "b", [2]]),
    new Set([new RecordId("t", 1), new RecordId("t", 2)]),
    new Range({ begin: inc(1), end: inc(5) }),
    new Range({ begin: exc(1), end: exc(5) }),
    new Range({ begin: unbounded, end: unbounded }),
    new Range({ begin: inc("a"), end: unbounded }),
    p(1, 2.5),
    p(-180, 90),
    line,
    polygon,
    new GeometryMultiPoint([p(1, 2)]),
    new GeometryMultiLine([line, line]),
    new GeometryMultiPolygon([polygon]),
    new GeometryCollection([p(1, 2), line, new GeometryCollection([])]),
    { type: "Point", coordinates: [1, 2] },
    { coordinates: [1, 2], type: "Point" },
  ];

  it.each(everyType.map((value) => [formatValue(value), value]))("%s round-trips", (text, value) => {
    const parsed = parseValue(text);
    expect(parsed).toEqual(value);
    expect(formatValue(parsed)).toBe(text);
  });

  it("reads hand-written forms", () => {
    expect(parseValue(" [ 1 , 2 , ] ")).toEqual([1, 2]);
    expect(parseValue("{a:1}")).toEqual({ a: 1 });
    expect(parseValue('{"a": 1, \'b\': 2}')).toEqual({ a: 1, b: 2 });
    expect(parseValue("none")).toBe(NONE);
    expect(parseValue("1.5")).toBe(1.5);
    expect(parseValue("1e3")).toBe(1000);
    expect(parseValue("2f")).toBe(2);
    expect(parseValue("1dec")).toEqual(new Decimal("1"));
    expect(parseValue("1d")).toEqual(new Duration(86_400n));
    expect(parseValue("1ms")).toEqual(new Duration(0n, 1_000_000));
    expect(parseValue("1us")).toEqual(new Duration(0n, 1000));
    expect(parseValue("s'text'")).toBe("text");
    expect(parseValue("r'person:tobie'")).toEqual(new RecordId("person", "tobie"));
    expect(parseValue("d'2022-08-29T10:03:39+02:00'")).toEqual(new Datetime(1_661_760_219n));
    expect(parseValue("'\\u{1F44D}\\u00e9'")).toBe("👍é");
    expect(parseValue("b\"abcd\"")).toEqual(new Uint8Array([0xab, 0xcd]));
    expect(parseValue("1..5")).toEqual(new Range({ begin: inc(1), end: exc(5) }));
  });

  it.each([
    ["", /position 0: expected a value/],
    ["'open", /position 5: expected closing '/],
    ["[1, 2", /expected "]"/],
    ["{ a: 1", /expected "}"/],
    ["{ a 1 }", /expected ":"/],
    ["1 2", /position 2: expected end of text/],
    ["12abc", /expected the end of a number/],
    ["1x", /expected the end of a number/],
    ["1h2", /expected a duration unit/],
    ["d'2022-13-01T00:00:00Z'", /position 0: expected a datetime/],
    ["u'xyz'", /expected a UUID/],
    ['b"abc"', /hexadecimal digits/],
    ["(1, 'a')", /expected a number/],
    ["'\\u{110000}'", /hexadecimal code point/],
    ["-", /expected digits/],
    ["1e+", /exponent digits/],
  ])("rejects %j", (text, message) => {
    expect(() => parseValue(text)).toThrow(RangeError);
    expect(() => parseValue(text)).toThrow(message);
  });
});
