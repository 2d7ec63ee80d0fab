import { Datetime, Decimal, Duration, GeometryPoint, NONE, Range, RecordId, Table, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { typeFunctions } from "./type-functions.js";

const context = { session: {} };

function call(name: string, ...args: unknown[]): unknown {
  const run = typeFunctions[name];
  if (run === undefined) throw new Error(`no ${name}`);
  return run(args, context);
}

const UUID = "017f22e7-79bd-b7a8-988b-b1e0e34c221b";
const point = new GeometryPoint(1, 2);

describe("type conversions", () => {
  it.each<[string, unknown, unknown]>([
    ["type::array", new Set([2, 1]), [1, 2]],
    ["type::bool", "true", true],
    ["type::bytes", "hi", new Uint8Array([104, 105])],
    ["type::datetime", "2023-10-24T12:00:00Z", Datetime.parse("2023-10-24T12:00:00Z")],
    ["type::decimal", "1.50", new Decimal("1.5")],
    ["type::duration", "1h30m", Duration.parse("1h30m")],
    ["type::float", "1.5", 1.5],
    ["type::geometry", point, point],
    ["type::int", "42", 42],
    ["type::int", new Decimal("42"), 42],
    ["type::number", "42.5", 42.5],
    ["type::point", [1, 2], point],
    ["type::range", [1, 2], new Range({ begin: { kind: "included", value: 1 }, end: { kind: "excluded", value: 2 } })],
    ["type::set", [1, 2, 3, 2, 1], new Set([1, 2, 3])],
    ["type::set", ["foo", "bar", "foo"], new Set(["bar", "foo"])],
    ["type::string", 1.5, "1.5f"],
    ["type::string", new RecordId("person", 1), "person:1"],
    ["type::string_lossy", new Uint8Array([0xff, 104]), "\ufffdh"],
    ["type::uuid", UUID, Uuid.parse(UUID)],
    ["type::table", "users", new Table("users")],
    ["type::table", new RecordId("users", 1), new Table("users")],
    ["type::of", NONE, "none"],
    ["type::of", 42, "int"],
    ["type::of", 3.14, "float"],
    ["type::of", point, "geometry<point>"],
    ["type::field", "name.first", "name.first"],
    ["type::fields", ["a", "b"], ["a", "b"]],
  ])("%s(%o)", (name, value, expected) => {
    expect(call(name, value)).toEqual(expected);
  });

  it("builds record ids from a table and a key", () => {
    expect(call("type::record", "person", "tobie")).toEqual(new RecordId("person", "tobie"));
    expect(call("type::thing", "person", 1)).toEqual(new RecordId("person", 1));
    expect(call("type::record", "person", [1, "a"])).toEqual(new RecordId("person", [1, "a"]));
    expect(call("type::record", "person", 1.5)).toEqual(new RecordId("person", "1.5"));
    expect(call("type::record", new Table("person"), new RecordId("other", "x"))).toEqual(new RecordId("person", "x"));
    expect(call("type::record", "person:tobie")).toEqual(new RecordId("person", "tobie"));
  });

  it.each<[string, unknown[], string]>([
    ["type::int", ["x"], "Could not cast into `int` using input `'x'`"],
    ["type::set", [3], "Could not cast into `set` using input `3`"],
    ["type::bool", [1], "Could not cast into `bool` using input `1`"],
    ["type::int", [], "Incorrect arguments for function type::int(). Expected 1 argument"],
    ["type::table", [1], "Found 1 for the Record ID but this is not a valid table name"],
    ["type::record", ["", 1], "Found  for the Record ID but this is not a valid table name"],
    ["type::record", ["person", ""], "Found  for the Record ID but this is not a valid id"],
    ["type::record", ["person"], "Could not cast into `record` using input `'person'`"],
    ["type::field", [1], "Incorrect arguments for function type::field(). Argument 1 was the wrong type. Expected `string` but found `1`"],
  ])("%s(%o) fails", (name, args, message) => {
    expect(failureMessage(() => call(name, ...args))).toBe(message);
  });
});

describe("type tests", () => {
  it.each<[string, unknown, boolean]>([
    ["array", [], true],
    ["array", new Set(), false],
    ["bool", false, true],
    ["bytes", new Uint8Array(), true],
    ["collection", point, false],
    ["datetime", new Datetime(0n), true],
    ["decimal", new Decimal("1"), true],
    ["duration", new Duration(0n), true],
    ["float", 1.5, true],
    ["float", 1, false],
    ["geometry", point, true],
    ["int", 1, true],
    ["int", 1.5, false],
    ["line", point, false],
    ["none", NONE, true],
    ["none", null, false],
    ["null", null, true],
    ["number", new Decimal("1"), true],
    ["number", "1", false],
    ["object", {}, true],
    ["object", [], false],
    ["point", point, true],
    ["polygon", point, false],
    ["range", new Range({ begin: { kind: "unbounded" }, end: { kind: "unbounded" } }), true],
    ["set", new Set([1]), true],
    ["string", "", true],
    ["uuid", Uuid.parse(UUID), true],
  ])("type::is_%s(%o) is %s", (kind, value, expected) => {
    expect(call(`type::is_${kind}`, value)).toBe(expected);
    if (kind !== "set") expect(call(`type::is::${kind}`, value)).toBe(expected);
  });

  it("type::is_record checks the table when given one", () => {
    const id = new RecordId("person", 1);
    expect(call("type::is_record", id)).toBe(true);
    expect(call("type::is::record", id, "person")).toBe(true);
    expect(call("type::is_record", id, "user")).toBe(false);
    expect(call("type::is_record", "person:1")).toBe(false);
  });
});
