// Expected values are SurrealDB 3's language tests for count() and not().
import { Duration, NONE, Range, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);

describe("count()", () => {
  it.each<[unknown[], number]>([
    [[], 1],
    [[NONE], 0],
    [[null], 0],
    [[true], 1],
    [[false], 0],
    [[[1, 2]], 2],
    [[[0, "", 1]], 1],
    [[new Set([1, 2])], 2],
    [[new Range({ begin: { kind: "included", value: 0 }, end: { kind: "excluded", value: 2 } })], 0],
    [[{ a: 1, b: 2 }], 1],
    [[Duration.parse("1d")], 1],
    [[""], 0],
    [["test"], 1],
    [[new Uint8Array()], 0],
  ])("count(%o) is %o", (args, expected) => {
    expect(callBuiltin("count", args)).toBe(expected);
  });
});

describe("not()", () => {
  it.each<[unknown, boolean]>([
    [true, false],
    [0, true],
    ["hello", false],
    ["", true],
    [[], true],
    [Duration.parse("0s"), true],
    [{}, true],
    [Uuid.parse("00000000-0000-0000-0000-000000000000"), false],
  ])("not(%o) is %o", (value, expected) => {
    expect(call("not", value)).toBe(expected);
  });

  it("takes exactly one argument", () => {
    expect(failureMessage(() => call("not"))).toBe("Incorrect arguments for function not(). Expected 1 argument");
  });
});

describe("sleep()", () => {
  it("sleeps, then answers NONE", async () => {
    await expect(call("sleep", Duration.parse("1ms"))).resolves.toBe(NONE);
  });

  it("refuses sleeps longer than Baton allows", async () => {
    await expect(call("sleep", Duration.parse("11s"))).rejects.toThrow("Incorrect arguments for function sleep(). Baton sleeps at most 10s in one call");
  });
});

describe("value::", () => {
  it("diffs and patches values with JSON Patch", () => {
    const diff = call("value::diff", { a: 1 }, { a: 2, b: 3 });
    expect(diff).toEqual([
      { op: "replace", path: "/a", value: 2 },
      { op: "add", path: "/b", value: 3 },
    ]);
    expect(call("value::patch", { a: 1 }, diff)).toEqual({ a: 2, b: 3 });
  });
});
