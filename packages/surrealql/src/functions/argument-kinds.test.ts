import { Datetime, Decimal, NONE, RecordId, StringRecordId } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { I64_MAX } from "../values/surreal-number.js";
import { anyValue, array, arrayOf, CoercionFailure, datetime, float, int, number, object, record, regex, text, type ValueKind } from "./argument-kinds.js";
import { checkArity, coerceArgument } from "./function-arguments.js";

/** SurrealDB's reason a value does not fit `kind`, or undefined when it fits. */
function reason(kind: ValueKind<unknown>, value: unknown): string | undefined {
  try {
    kind.coerce(value);
    return undefined;
  } catch (error) {
    if (error instanceof CoercionFailure) return error.message;
    throw error;
  }
}

describe("argument kinds", () => {
  it("coerce as SurrealQL coerces: numbers widen without loss, strings never parse", () => {
    expect(int.coerce(2)).toBe(2n);
    expect(int.coerce(2.0)).toBe(2n);
    expect(int.coerce(new Decimal("3.00"))).toBe(3n);
    // Rust's `as i64` saturates a whole float beyond i64.
    expect(int.coerce(1e300)).toBe(I64_MAX);
    expect(float.coerce(3n)).toBe(3);
    expect(number.coerce(new Decimal("1.5"))).toEqual({ kind: "decimal", value: { units: 15n, scale: 1 } });
    expect(text.coerce("a")).toBe("a");
    expect(anyValue.coerce(NONE)).toBe(NONE);
    expect(array.coerce([1, "a"])).toEqual([1, "a"]);
    expect(object.coerce({ a: 1 })).toEqual({ a: 1 });
  });

  it("read record id text that reached them unparsed as a record id", () => {
    expect(record.coerce(new StringRecordId("person:tobie"))).toEqual(new RecordId("person", "tobie"));
  });

  it("refuse with SurrealDB's wording", () => {
    expect(reason(int, "5")).toBe("Expected `int` but found `'5'`");
    expect(reason(int, 1.5)).toBe("Expected `int` but found `1.5f`");
    expect(reason(text, 5)).toBe("Expected `string` but found `5`");
    expect(reason(datetime, "2021-11-01")).toBe("Expected `datetime` but found `'2021-11-01'`");
    expect(reason(record, "person:tobie")).toBe("Expected `record` but found `'person:tobie'`");
    expect(reason(array, "a")).toBe("Expected `array` but found `'a'`");
    expect(reason(object, [])).toBe("Expected `object` but found `[]`");
  });

  it("name the whole list type for a list argument that is no array, and the element that does not fit", () => {
    const numbers = arrayOf(number);
    expect(numbers.coerce([1, 2.5])).toEqual([
      { kind: "int", value: 1n },
      { kind: "float", value: 2.5 },
    ]);
    expect(reason(numbers, "x")).toBe("Expected `array<number>` but found `'x'`");
    expect(reason(numbers, [1, "a"])).toBe("Expected `number` but found `'a'` when coercing an element of `array<number>`");
    expect(reason(arrayOf(datetime), [new Datetime(0n, 0), 1])).toBe(
      "Expected `datetime` but found `1` when coercing an element of `array<datetime>`",
    );
  });

  it("cast text to a regex, refusing text that does not compile", () => {
    expect(regex.coerce("(?i)^a").test("A")).toBe(true);
    expect(reason(regex, "(")).toBe("Could not cast into `regex` using input `'('`");
  });
});

describe("function arguments", () => {
  it("name the function and the argument's position", () => {
    expect(coerceArgument(int, { name: "array::at", value: 1.0, position: 2 })).toBe(1n);
    expect(failureMessage(() => coerceArgument(int, { name: "array::at", value: "x", position: 2 }))).toBe(
      "Incorrect arguments for function array::at(). Argument 2 was the wrong type. Expected `int` but found `'x'`",
    );
  });

  it.each<[{ min: number; max?: number }, unknown[], string]>([
    [{ min: 0, max: 0 }, [1], "Expected no arguments"],
    [{ min: 1, max: 1 }, [], "Expected 1 argument"],
    [{ min: 3, max: 3 }, [1], "Expected 3 arguments"],
    [{ min: 1, max: 2 }, [1, 2, 3], "Expected 1 to 2 arguments"],
    [{ min: 2 }, [1], "Expected 2 or more arguments"],
  ])("count them: %o with %o is '%s'", (arity, args, message) => {
    expect(failureMessage(() => checkArity("f", args, arity))).toBe(`Incorrect arguments for function f(). ${message}`);
  });

  it("accept a count the arity allows", () => {
    expect(() => checkArity("f", [1, 2], { min: 1, max: 2 })).not.toThrow();
    expect(() => checkArity("f", [1, 2, 3, 4], { min: 2 })).not.toThrow();
  });
});
