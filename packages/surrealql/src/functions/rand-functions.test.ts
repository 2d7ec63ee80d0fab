// SurrealDB 3's `rand::*` contracts: shapes, ranges and argument errors (the values are random).
import { Datetime, Duration, NONE, type Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);
const many = (count: number, draw: () => unknown) => Array.from({ length: count }, draw);

describe("rand::", () => {
  it("draws floats in [0, 1) and in a range", () => {
    const floats = many(200, () => call("rand")) as number[];
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(floats).size).toBeGreaterThan(1);
    const ranged = many(200, () => call("rand::float", 10, 5)) as number[];
    expect(ranged.every((x) => x >= 5 && x <= 10)).toBe(true);
  });

  it("draws ints in an inclusive range, either order", () => {
    const ints = many(300, () => call("rand::int", 20, 10)) as number[];
    expect(ints.every((x) => Number.isInteger(x) && x >= 10 && x <= 20)).toBe(true);
    expect(ints).toContain(10);
    expect(ints).toContain(20);
    expect(call("rand::int", 7, 7)).toBe(7);
    const full = call("rand::int");
    expect(typeof full === "number" || typeof full === "bigint").toBe(true);
  });

  it("takes no bounds or both", () => {
    expect(failureMessage(() => call("rand::int", 10))).toBe("Incorrect arguments for function rand::int(). Expected 0 or 2 arguments");
    expect(failureMessage(() => call("rand::int", null, 10))).toBe(
      "Incorrect arguments for function rand::int(). Argument 1 was the wrong type. Expected `int` but found `NULL`",
    );
    expect(failureMessage(() => call("rand::float", 1, 2, 3))).toBe("Incorrect arguments for function rand::float(). Expected 0 to 2 arguments");
  });

  it("draws booleans, both of them", () => {
    const flips = new Set(many(200, () => call("rand::bool")));
    expect(flips).toEqual(new Set([true, false]));
  });

  it("picks from arguments or from one array", () => {
    expect(["a", "b", "c"]).toContain(call("rand::enum", "a", "b", "c"));
    expect(["a", "b"]).toContain(call("rand::enum", ["a", "b"]));
    expect(call("rand::enum", "only")).toBe("only");
    expect(call("rand::enum")).toBe(NONE);
    expect(call("rand::enum", [])).toBe(NONE);
  });

  it("makes ids and strings of the asked length", () => {
    expect(call("rand::id")).toMatch(/^[0-9a-z]{20}$/);
    expect(call("rand::id", 10)).toMatch(/^[0-9a-z]{10}$/);
    expect(call("rand::guid", 5)).toMatch(/^[0-9a-z]{5}$/);
    expect(call("rand::id", 0, 0)).toBe("");
    expect(call("rand::string")).toMatch(/^[A-Za-z0-9]{32}$/);
    const sized = call("rand::string", 10, 20) as string;
    expect(sized.length).toBeGreaterThanOrEqual(10);
    expect(sized.length).toBeLessThanOrEqual(20);
    expect(failureMessage(() => call("rand::id", 65))).toBe(
      "Incorrect arguments for function rand::id(). To generate a string of X characters in length, the argument must be a positive number and no higher than 64.",
    );
    expect(failureMessage(() => call("rand::string", 20, 10))).toBe(
      "Incorrect arguments for function rand::string(). Lowerbound of number of characters must be less then the upperbound.",
    );
  });

  it("draws durations and times within their bounds", () => {
    expect(call("rand::duration", Duration.parse("10s"), Duration.parse("10s"))).toEqual(Duration.parse("10s"));
    const drawn = call("rand::duration", Duration.parse("20s"), Duration.parse("10s")) as Duration;
    expect(drawn.seconds >= 10n && drawn.seconds <= 20n).toBe(true);
    expect(call("rand::time", new Datetime(0n), new Datetime(0n))).toEqual(new Datetime(0n));
    const time = call("rand::time", 100, 0) as Datetime;
    expect(time.seconds >= 0n && time.seconds <= 100n).toBe(true);
    expect(call("rand::time")).toBeInstanceOf(Datetime);
    expect(failureMessage(() => call("rand::time", "a", "b"))).toBe(
      "Incorrect arguments for function rand::time(). Expected two arguments of type datetime or int",
    );
  });

  it("makes UUIDs and ULIDs, at a given instant when asked", () => {
    expect(String(call("rand::uuid"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(String(call("rand::uuid::v4"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab]/);
    const at = Datetime.parse("2024-01-01T00:00:00Z");
    const v7 = call("rand::uuid::v7", at) as Uuid;
    expect(callBuiltin("time::from_uuid", [v7])).toEqual(at);
    const ulid = call("rand::ulid", at) as string;
    expect(ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(callBuiltin("time::from_ulid", [ulid])).toEqual(at);
    expect(call("rand::ulid")).not.toBe(call("rand::ulid"));
  });
});
