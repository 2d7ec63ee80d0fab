import { Datetime, NONE, RecordId, Table, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { rpcFailure } from "../values/expect-failure.js";
import { callBuiltin, uuidV7 } from "./builtin-functions.js";

describe("callBuiltin", () => {
  it("time::now is the current instant", () => {
    const before = Date.now();
    const now = callBuiltin("time::now", []);
    expect(now).toBeInstanceOf(Datetime);
    const ms = (now as Datetime).toDate().getTime();
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it("math functions take one array", () => {
    expect(callBuiltin("math::sum", [[1, 2, 3]])).toBe(6);
    expect(callBuiltin("math::sum", [[1.5, 2n]])).toBe(3.5);
    expect(callBuiltin("math::min", [[4, 2, 8]])).toBe(2);
    expect(callBuiltin("math::max", [[4, 2, 8]])).toBe(8);
    // SurrealDB 3 answers the identity of max and min for an empty array.
    expect(callBuiltin("math::max", [[]])).toBe(-Infinity);
    expect(callBuiltin("math::median", [[]])).toBe(NONE);
    expect(callBuiltin("math::mean", [[1, 2, 3, 4]])).toBe(2.5);
    expect(callBuiltin("math::abs", [-3])).toBe(3);
    expect(rpcFailure(() => callBuiltin("math::sum", [1, 2])).message).toBe(
      "Incorrect arguments for function math::sum(). Expected 1 argument",
    );
    expect(rpcFailure(() => callBuiltin("math::sum", ["x"])).message).toBe(
      "Incorrect arguments for function math::sum(). Argument 1 was the wrong type. Expected `array<number>` but found `'x'`",
    );
  });

  it("string functions", () => {
    expect(callBuiltin("string::len", ["héllo"])).toBe(5);
    expect(callBuiltin("string::uppercase", ["abc"])).toBe("ABC");
    expect(callBuiltin("string::lowercase", ["ABC"])).toBe("abc");
    expect(callBuiltin("string::concat", ["a", 1, "b"])).toBe("a1b");
    expect(callBuiltin("string::split", ["a,b", ","])).toEqual(["a", "b"]);
    expect(callBuiltin("string::join", [",", "a", "b"])).toBe("a,b");
    expect(callBuiltin("string::replace", ["aXbX", "X", "-"])).toBe("a-b-");
    expect(callBuiltin("string::starts_with", ["hello", "he"])).toBe(true);
    expect(callBuiltin("string::reverse", ["abc"])).toBe("cba");
    expect(rpcFailure(() => callBuiltin("string::len", [5])).message).toBe(
      "Incorrect arguments for function string::len(). Argument 1 was the wrong type. Expected `string` but found `5`",
    );
  });

  it("array, rand and type functions", () => {
    expect(callBuiltin("array::len", [[1, 2]])).toBe(2);
    const uuid = callBuiltin("rand::uuid", []);
    expect(uuid).toBeInstanceOf(Uuid);
    expect(String(uuid)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(String(callBuiltin("rand::uuid::v4", []))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(callBuiltin("type::table", ["person"])).toEqual(new Table("person"));
    expect(callBuiltin("type::record", ["person", "tobie"])).toEqual(new RecordId("person", "tobie"));
    expect(callBuiltin("type::int", ["42"])).toBe(42);
    expect(callBuiltin("type::string", [12])).toBe("12");
    expect(callBuiltin("type::bool", ["true"])).toBe(true);
  });

  it("unknown and user functions are not found, as SurrealDB words it", () => {
    const error = rpcFailure(() => callBuiltin("fn::nope", []));
    expect(error.toWire()).toEqual({
      code: -32000,
      kind: "Internal",
      message: "Function 'fn::nope' not found: The function 'fn::nope' does not exist",
    });
    expect(rpcFailure(() => callBuiltin("math::nope", [])).message).toMatch(/not found/);
  });
});

describe("callBuiltin with a context", () => {
  it("passes the session to session functions", () => {
    expect(callBuiltin("session::ns", [], { session: { namespace: "app" } })).toBe("app");
    expect(callBuiltin("session::ns", [])).toBe(NONE);
  });

  it("returns the promise of an asynchronous function", async () => {
    const hash = callBuiltin("crypto::blake3", ["tobie"]);
    expect(hash).toBeInstanceOf(Promise);
    await expect(hash).resolves.toBe("f75ef30a80a78016f4a4da40ac56c858c0001b3a320118adc3785972901ddce6");
  });

  it("looks names up case-insensitively", () => {
    expect(callBuiltin("MATH::SUM", [[1, 2]])).toBe(3);
  });
});

describe("uuidV7", () => {
  it("starts with the millisecond timestamp", () => {
    const uuid = uuidV7(0x0123456789ab);
    expect(String(uuid).slice(0, 13)).toBe("01234567-89ab");
  });
});
