import {
  Datetime,
  Decimal,
  Duration,
  GeometryLine,
  GeometryPoint,
  NONE,
  Range,
  RecordId,
  Table,
  Uuid,
} from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { exactlyEqual, looselyEqual, valuesEqual } from "./value-equality.js";
import { compareText, compareValues, sortedUnique } from "./value-order.js";
import { isTruthy } from "./truthiness.js";
import { kindName } from "./value-kind.js";
import { valueToRawString, valueToString } from "./value-text.js";

const uuid = (last: string) => Uuid.parse(`01234567-89ab-cdef-0123-${last.padStart(12, "0")}`);
const point = new GeometryPoint(1, 2);

describe("compareValues", () => {
  // Each row: a sorts strictly before b.
  const ascending: [string, unknown, unknown][] = [
    ["NONE < NULL", NONE, null],
    ["NULL < false", null, false],
    ["false < true", false, true],
    ["bool < number", true, -1000],
    ["int < float", 1, 1.5],
    ["float < int", 1.5, 2],
    ["int < decimal", 1, new Decimal("1.01")],
    ["decimal < float", new Decimal("0.5"), 0.75],
    ["float < decimal", 0.1, new Decimal("0.10000001")],
    ["bigint order", 2n ** 62n, 2n ** 62n + 1n],
    ["-Infinity < int", -Infinity, -(2 ** 62)],
    ["int < NaN", 10, Number.NaN],
    ["number < string", 99, ""],
    ["strings by code point", "A", "a"],
    ["shorter prefix first", "a", "aa"],
    ["BMP above U+E000 < astral", "\uffff", "😀"],
    ["string < duration", "zzz", new Duration(0n)],
    ["durations", new Duration(1n), new Duration(1n, 1)],
    ["duration < datetime", new Duration(100n), new Datetime(-5n)],
    ["datetimes", new Datetime(0n, 5), new Datetime(1n)],
    ["datetime < uuid", new Datetime(99n), uuid("1")],
    ["uuids by bytes", uuid("1"), uuid("2")],
    ["uuid < array", uuid("f"), []],
    ["arrays element-wise", [1, 2], [1, 3]],
    ["array prefix first", [1], [1, 0]],
    ["array < set", [9], new Set()],
    ["sets by sorted items", new Set([3, 1]), new Set([2])],
    ["set < object", new Set([1]), {}],
    ["objects by sorted key", { a: 2 }, { b: 1 }],
    ["objects by value", { a: 1 }, { a: 2 }],
    ["object < geometry", { z: 1 }, point],
    ["point < line", new GeometryPoint(9, 9), new GeometryLine([point, point])],
    ["geometry < bytes", point, new Uint8Array()],
    ["bytes", new Uint8Array([1]), new Uint8Array([1, 0])],
    ["bytes < table", new Uint8Array([9]), new Table("a")],
    ["table < record", new Table("z"), new RecordId("a", 1)],
    ["records by table", new RecordId("a", "z"), new RecordId("b", 1)],
    ["record keys: number < string", new RecordId("a", 99), new RecordId("a", "a")],
    ["record keys: string < array", new RecordId("a", "z"), new RecordId("a", [1])],
    ["record < range", new RecordId("z", 1), new Range({ begin: { kind: "unbounded" }, end: { kind: "unbounded" } })],
  ];
  it.each(ascending)("%s", (_name, a, b) => {
    expect(compareValues(a, b)).toBeLessThan(0);
    expect(compareValues(b, a)).toBeGreaterThan(0);
  });

  const equal: [string, unknown, unknown][] = [
    ["1 = 1.0 = 1dec", 1, new Decimal("1.0")],
    ["-0 = 0", -0, 0],
    ["bigint = number", 5n, 5],
    ["0.5 = 0.5dec", 0.5, new Decimal("0.50")],
    ["NaN = NaN", Number.NaN, Number.NaN],
    ["objects ignore NONE fields", { a: 1, b: NONE }, { a: 1 }],
    ["sets ignore order", new Set([1, 2]), new Set([2, 1])],
    ["arrays of mixed numbers", [1, 2.5], [new Decimal("1"), 2.5]],
  ];
  it.each(equal)("%s", (_name, a, b) => {
    expect(compareValues(a, b)).toBe(0);
  });

  it("sorts a mixed list in SurrealDB's order", () => {
    const list = ["b", 2, null, NONE, true, [1], { a: 1 }, 1.5, "a"];
    expect(list.sort(compareValues)).toEqual([NONE, null, true, 1.5, 2, "a", "b", [1], { a: 1 }]);
  });

  it("compareText orders by code point", () => {
    expect(compareText("a", "b")).toBe(-1);
    expect(compareText("b", "b")).toBe(0);
  });

  it("sortedUnique drops numerically equal items", () => {
    expect(sortedUnique([3, 1, 1.0, new Decimal("3"), 2])).toEqual([1, 2, 3]);
  });
});

describe("equality", () => {
  it("= treats 1, 1.0 and 1dec alike and NONE apart from NULL", () => {
    expect(looselyEqual(1, new Decimal("1"))).toBe(true);
    expect(looselyEqual(NONE, NONE)).toBe(true);
    expect(looselyEqual(null, null)).toBe(true);
    expect(looselyEqual(NONE, null)).toBe(false);
    expect(looselyEqual([], [])).toBe(true);
    expect(looselyEqual({}, {})).toBe(true);
    expect(looselyEqual([], {})).toBe(false);
    expect(looselyEqual(0, 0.1)).toBe(false);
    expect(looselyEqual("1", 1)).toBe(false);
    expect(looselyEqual(new RecordId("a", 1), new RecordId("a", 1))).toBe(true);
  });

  it("== agrees with = for every value Baton holds", () => {
    expect(exactlyEqual(1, 1.0)).toBe(true);
    expect(exactlyEqual("a", "a")).toBe(true);
    expect(exactlyEqual("a", "b")).toBe(false);
  });

  it("valuesEqual stays structural", () => {
    expect(valuesEqual(1, 1)).toBe(true);
    expect(valuesEqual({ a: [1] }, { a: [1] })).toBe(true);
    expect(valuesEqual(1, new Decimal("1"))).toBe(false);
  });
});

describe("isTruthy", () => {
  const cases: [unknown, boolean][] = [
    [NONE, false],
    [null, false],
    [false, false],
    [true, true],
    [0, false],
    [0.0001, true],
    [Number.NaN, true],
    [0n, false],
    [new Decimal("0.00"), false],
    [new Decimal("0.1"), true],
    ["", false],
    ["a", true],
    [[], false],
    [[0], true],
    [{}, false],
    [{ a: 1 }, true],
    [new Set(), false],
    [new Uint8Array(), false],
    [new Duration(0n), false],
    [new Duration(0n, 1), true],
    [new Datetime(0n), true],
    [uuid("0"), true],
    [new RecordId("a", 1), true],
    [point, true],
    [new Table("a"), false],
  ];
  it.each(cases)("%o is %s", (value, truthy) => {
    expect(isTruthy(value)).toBe(truthy);
  });
});

describe("kindName", () => {
  const cases: [unknown, string][] = [
    [NONE, "none"],
    [undefined, "none"],
    [null, "null"],
    [true, "bool"],
    [1, "int"],
    [2n ** 70n, "int"],
    [1.5, "float"],
    [-0, "float"],
    [1e20, "float"],
    [new Decimal("1"), "decimal"],
    ["", "string"],
    [new Duration(1n), "duration"],
    [new Datetime(1n), "datetime"],
    [uuid("1"), "uuid"],
    [[], "array"],
    [new Set(), "set"],
    [{}, "object"],
    [new Uint8Array(), "bytes"],
    [new Table("t"), "table"],
    [new RecordId("t", 1), "record"],
    [new Range({ begin: { kind: "unbounded" }, end: { kind: "unbounded" } }), "range"],
    [point, "geometry<point>"],
  ];
  it.each(cases)("%o is %s", (value, name) => {
    expect(kindName(value)).toBe(name);
  });
});

describe("value text", () => {
  it("renders values as <string> does", () => {
    expect(valueToString("a")).toBe("a");
    expect(valueToString(NONE)).toBe("NONE");
    expect(valueToString(null)).toBe("NULL");
    expect(valueToString(new RecordId("person", 1))).toBe("person:1");
    expect(valueToString(Datetime.parse("2024-01-02T03:04:05.5Z"))).toBe("2024-01-02T03:04:05.500Z");
    expect(valueToString(uuid("1"))).toBe("01234567-89ab-cdef-0123-000000000001");
    expect(valueToString(new Decimal("1.50"))).toBe("1.50");
    expect(valueToString(1.5)).toBe("1.5f");
    expect(valueToString([1, "a"])).toBe("[1, 'a']");
    expect(valueToString(new Duration(5400n))).toBe("1h30m");
    expect(valueToString(new Uint8Array([104, 105]))).toBe("hi");
  });

  it("renders values as SurrealDB's messages quote them", () => {
    expect(valueToRawString("a b")).toBe("a b");
    expect(valueToRawString(NONE)).toBe("NONE");
    expect(valueToRawString(new Decimal("1.5"))).toBe("1.5dec");
  });
});
