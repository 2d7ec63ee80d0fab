// Cases follow SurrealDB 3's language tests for `object::*` (language-tests/tests/language/functions/object).
import { NONE, RecordId } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { objectFunctions } from "./object-functions.js";

const context = { session: {} };

function call(name: string, ...args: unknown[]): unknown {
  const run = objectFunctions[name];
  if (run === undefined) throw new Error(`no ${name}`);
  return run(args, context);
}

const wrong = (name: string, message: string) => `Incorrect arguments for function ${name}(). ${message}`;

describe("object functions", () => {
  it.each<[string, unknown[], unknown]>([
    ["object::entries", [{ b: 2, a: 1 }], [["a", 1], ["b", 2]]],
    ["object::entries", [{}], []],
    ["object::entries", [{ " ": 1, gone: NONE }], [[" ", 1]]],
    ["object::from_entries", [[["a", 1], ["b", 2]]], { a: 1, b: 2 }],
    ["object::from_entries", [[]], {}],
    ["object::from_entries", [[[new RecordId("t", 1), 1]]], { "t:1": 1 }],
    ["object::extend", [{ a: 9 }, { b: 10 }], { a: 9, b: 10 }],
    ["object::extend", [{ a: 9 }, { a: 10 }], { a: 10 }],
    ["object::is_empty", [{}], true],
    ["object::is_empty", [{ a: 1 }], false],
    ["object::keys", [{ b: 2, a: 1 }], ["a", "b"]],
    ["object::len", [{ a: 1, b: 2 }], 2],
    ["object::remove", [{ a: 9, b: "ten", c: 11 }, "a"], { b: "ten", c: 11 }],
    ["object::remove", [{ a: 9, b: "ten", c: 11 }, ["a", "b"]], { c: 11 }],
    ["object::values", [{ c: 1, a: 1, b: 2 }], [1, 2, 1]],
  ])("%s(%o)", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });

  it.each<[string, unknown[], string]>([
    ["object::entries", [[]], "Argument 1 was the wrong type. Expected `object` but found `[]`"],
    ["object::extend", [{ a: 9 }, "9"], "Argument 2 was the wrong type. Expected `object` but found `'9'`"],
    ["object::keys", [], "Expected 1 argument"],
    ["object::from_entries", [[1]], "Expected entries, found int"],
    ["object::from_entries", [[[1]]], "Expected entries, found invalid entry"],
    ["object::remove", [{ a: 1 }, 9], "'9' cannot be used as a key. Please use a string instead."],
  ])("%s(%o) fails", (name, args, message) => {
    expect(failureMessage(() => call(name, ...args))).toBe(wrong(name, message));
  });
});
