// Mock record ids as write targets and closures as values, arguments and method arguments, run on
// a real SQLite store.
import { NONE, RecordId } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryFixture, type QueryFixture } from "../test-support/query-fixture.js";

let db: QueryFixture;

beforeEach(async () => {
  db = await queryFixture();
});

afterEach(async () => {
  await db.dispose();
});

describe("mock record ids", () => {
  it("CREATE |t:n| creates n records with generated keys", async () => {
    expect(await db.value("CREATE |person:5| SET age = 20 RETURN VALUE age")).toEqual([20, 20, 20, 20, 20]);
    const ids = (await db.value("SELECT VALUE id FROM person")) as RecordId[];
    expect(ids).toHaveLength(5);
    expect(new Set(ids.map((id) => id.id)).size).toBe(5);
    for (const id of ids) expect(id.table).toBe("person");
  });

  it("CREATE |t:a..b| creates the records a to b, both included", async () => {
    await db.value("CREATE |person:1..5| SET n = 1");
    expect(await db.value("SELECT VALUE id FROM person ORDER BY id")).toEqual([1, 2, 3, 4, 5].map((key) => new RecordId("person", key)));
  });

  it("is an array of record ids as a value, empty for a backwards range", async () => {
    expect(await db.value("RETURN |person:2..3|")).toEqual([new RecordId("person", 2), new RecordId("person", 3)]);
    expect(await db.value("RETURN |person:3..2|")).toEqual([]);
    expect(await db.value("RETURN |person:0|")).toEqual([]);
  });

  it("refuses more ids than Baton builds at once", async () => {
    await expect(db.value("RETURN |person:1..2000000|")).rejects.toThrow("at most 1000000");
  });
});

describe("closures", () => {
  it("a closure in a variable, called with arguments, typed or not", async () => {
    expect(await db.value("LET $double = |$n: number| $n * 2; RETURN $double(2)")).toBe(4);
    expect(await db.value('LET $concat = |$a: string, $b: string| $a + $b; RETURN $concat("Hello, ", "World!")')).toBe("Hello, World!");
    expect(await db.value('LET $greet = |$name: string| -> string { "Hello, " + $name + "!" }; RETURN $greet("Alice")')).toBe("Hello, Alice!");
  });

  it("refuses an argument of the wrong type, a missing one and a wrong return type", async () => {
    await expect(db.value('LET $square = |$num: number| $num * $num; RETURN $square("4")')).rejects.toThrow(
      "Incorrect arguments for function ANONYMOUS(). Expected a value of type 'number' for argument $num",
    );
    await expect(db.value("LET $f = |$a: int| $a; RETURN $f()")).rejects.toThrow("Expected a value for $a");
    expect(await db.value("LET $f = |$a: option<int>| $a; RETURN $f()")).toBe(NONE);
    await expect(db.value("LET $f = |$a| -> int { 'x' }; RETURN $f(1)")).rejects.toThrow("Couldn't coerce return value from function `ANONYMOUS`");
    await expect(db.value("LET $x = 1; RETURN $x(1)")).rejects.toThrow("Only closures can be called");
  });

  it("sees the variables of the scope it was written in", async () => {
    expect(await db.value("LET $k = 10; LET $add = |$x| $x + $k; RETURN [1, 2].map($add)")).toEqual([11, 12]);
  });

  it("as a method argument: the documented `some`", async () => {
    expect(await db.value("[1, 2, 3].some(|$num| $num > 2);")).toBe(true);
    expect(await db.value("[1, 2, 3].every(|$num| $num > 2);")).toBe(false);
  });

  it("array::map gets each item and its index", async () => {
    expect(await db.value("RETURN array::map([1, 2, 3], |$v| $v * 10)")).toEqual([10, 20, 30]);
    expect(await db.value("RETURN ['a', 'b'].map(|$v, $i| $v + <string>$i)")).toEqual(["a0", "b1"]);
  });

  it("filter, filter_index, find, find_index, any and all with a closure", async () => {
    expect(await db.value("RETURN array::filter([1, 2, 3, 4], |$v| $v % 2 = 0)")).toEqual([2, 4]);
    expect(await db.value("RETURN array::filter_index([1, 2, 3, 4], |$v| $v > 2)")).toEqual([2, 3]);
    expect(await db.value("RETURN array::find([1, 2, 3, 4], |$v| $v > 2)")).toBe(3);
    expect(await db.value("RETURN array::find([1, 2], |$v| $v > 5)")).toBe(NONE);
    expect(await db.value("RETURN array::find_index([1, 2, 3, 4], |$v| $v > 2)")).toBe(2);
    expect(await db.value("RETURN array::find_index([1], |$v| $v > 2)")).toBe(NONE);
    expect(await db.value("RETURN array::any([1, 2], |$v| $v > 1)")).toBe(true);
    expect(await db.value("RETURN array::all([1, 2], |$v| $v > 1)")).toBe(false);
    expect(await db.value("RETURN array::all([], |$v| $v > 1)")).toBe(true);
  });

  it("keeps the equality forms of the same functions for plain values", async () => {
    expect(await db.value("RETURN array::filter([1, 2, 1], 1)")).toEqual([1, 1]);
    expect(await db.value("RETURN array::find_index(['a', 'b'], 'b')")).toBe(1);
    expect(await db.value("RETURN array::any([1, 2], 2)")).toBe(true);
    expect(await db.value("RETURN array::all([2, 2], 2)")).toBe(true);
  });

  it("fold from an initial value, reduce from the first item", async () => {
    expect(await db.value("RETURN array::fold([1, 2, 3], 10, |$acc, $v| $acc + $v)")).toBe(16);
    expect(await db.value("RETURN [1, 2, 3].fold([], |$acc, $v, $i| $acc.append($i))")).toEqual([0, 1, 2]);
    expect(await db.value("RETURN array::reduce([1, 2, 3], |$acc, $v| $acc * 10 + $v)")).toBe(123);
    expect(await db.value("RETURN array::reduce([], |$acc, $v| $acc + $v)")).toBe(NONE);
  });

  it("refuses a plain value where only a closure fits", async () => {
    await expect(db.value("RETURN array::map([1], 1)")).rejects.toThrow("Incorrect arguments for function array::map(). Argument 2 was the wrong type");
  });

  it("in a WHERE clause, over the current record's fields", async () => {
    await db.value("CREATE person:a SET tags = ['x', 'y'], pick = 'y'; CREATE person:b SET tags = ['x'], pick = 'y'");
    expect(await db.value("SELECT VALUE id FROM person WHERE tags.any(|$t| $t = pick)")).toEqual([new RecordId("person", "a")]);
  });

  it("reads as its parameter list when returned, and cannot be stored", async () => {
    expect(await db.value("LET $f = |$a, $b| $a; RETURN [$f, { f: $f }]")).toEqual(["|$a, $b| { … }", { f: "|$a, $b| { … }" }]);
    expect(await db.value("RETURN type::of(|$x| $x)")).toBe("function");
    await expect(db.value("CREATE thing:1 SET f = |$x| $x")).rejects.toThrow("cannot be stored");
  });

  it("recursion through a variable stops at the depth limit", async () => {
    await expect(db.value("LET $f = |$n| $f($n + 1); RETURN $f(0)")).rejects.toThrow("excessive computation depth");
    expect(await db.value("LET $fact = |$n| IF $n <= 1 { 1 } ELSE { $n * $fact($n - 1) }; RETURN $fact(5)")).toBe(120);
  });
});
