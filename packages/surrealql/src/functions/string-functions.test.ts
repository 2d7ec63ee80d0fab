// Expected values are SurrealDB 3's (its language tests and documentation, and the strsim crate's
// own examples for distances).
import { Duration, NONE, Range, RecordId, StringRecordId, Table, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";

const call = (name: string, ...args: unknown[]) => callBuiltin(name, args);
const range = (from: number, to: number) =>
  new Range({ begin: { kind: "included", value: from }, end: { kind: "excluded", value: to } });

describe("string:: text functions", () => {
  it.each<[string, unknown[], unknown]>([
    ["string::capitalize", [""], ""],
    ["string::capitalize", ["a sentence with multiple words"], "A Sentence With Multiple Words"],
    ["string::capitalize", ["mixed\t\n whitespace\r\ntypes"], "Mixed\t\n Whitespace\r\nTypes"],
    ["string::capitalize", ["123 number start"], "123 Number Start"],
    ["string::capitalize", ["ALREADY UPPERCASE"], "ALREADY UPPERCASE"],
    ["string::concat", [], ""],
    ["string::concat", ["this", " ", "is"], "this is"],
    [
      "string::concat",
      [NONE, null, true, 1, Duration.parse("1d"), Uuid.parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), [], {}, new RecordId("a", "b"), range(1, 2)],
      "NONENULLtrue11dffffffff-ffff-ffff-ffff-ffffffffffff[]{  }a:b1..2",
    ],
    ["string::contains", ["", ""], true],
    ["string::contains", ["abcdefg", "bcd"], true],
    ["string::contains", ["ประเทศไทย中华", "ไท华"], false],
    ["string::ends_with", ["this is a test", "test"], true],
    ["string::ends_with", ["", "test"], false],
    ["string::join", [", ", "a", "b", "c"], "a, b, c"],
    ["string::join", [",", 1, true], "1,true"],
    ["string::len", ["héllo"], 5],
    ["string::len", ["你好"], 2],
    ["string::lowercase", ["HeLLo"], "hello"],
    ["string::repeat", ["ab", 3], "ababab"],
    ["string::replace", ["foo bar", "bar", "foo"], "foo foo"],
    // A string search is literal, and so is the replacement (no `$1`).
    ["string::replace", ["a.b.c", ".", "$1"], "a$1b$1c"],
    ["string::replace", ["foo bar", /fo+/u, "bar"], "bar bar"],
    ["string::reverse", ["abc"], "cba"],
    ["string::slug", ["SurrealDB has launched #database #awesome"], "surrealdb-has-launched-database-awesome"],
    ["string::slug", ["Crème Brûlée"], "creme-brulee"],
    ["string::split", ["a,b", ","], ["a", "b"]],
    ["string::split", ["abc", ""], ["", "a", "b", "c", ""]],
    ["string::starts_with", ["hello", "he"], true],
    ["string::trim", ["  x \n"], "x"],
    ["string::uppercase", ["straße"], "STRASSE"],
    ["string::words", ["a  b\tc\n"], ["a", "b", "c"]],
  ])("%s(%o) is %o", (name, args, expected) => {
    expect(callBuiltin(name, args)).toEqual(expected);
  });

  it("slices by characters, counting negatives from the end", () => {
    expect(call("string::slice", "the", 0, 3)).toBe("the");
    expect(call("string::slice", "the", 0, -1)).toBe("th");
    expect(call("string::slice", "the quick brown fox jumps over the lazy dog.", 16)).toBe("fox jumps over the lazy dog.");
    expect(call("string::slice", "the quick brown fox", 0, 60)).toBe("the quick brown fox");
    expect(call("string::slice", "abcdefg")).toBe("abcdefg");
    expect(call("string::slice", "abcdefg", -2)).toBe("fg");
    expect(call("string::slice", "abcdefg", 2, -1)).toBe("cdef");
    expect(call("string::slice", "abcdefg", -4, 2)).toBe("");
    expect(call("string::slice", "abcdefg", -4, -1)).toBe("def");
    expect(call("string::slice", "abcdefg", range(1, 3))).toBe("bc");
    expect(call("string::slice", "你好世界", -2, 3)).toBe("世");
    // SurrealDB names array::slice in this message.
    expect(failureMessage(() => call("string::slice", "abc", "x"))).toBe(
      "Incorrect arguments for function array::slice(). Argument 1 was the wrong type. Expected `int` but found `'x'`",
    );
  });

  it("matches regexes given as text, Rust's leading flags included", () => {
    expect(call("string::matches", "foo bar", "bar")).toBe(true);
    expect(call("string::matches", "", "foo")).toBe(false);
    expect(call("string::matches", "FOO", "(?i)foo")).toBe(true);
    expect(failureMessage(() => call("string::matches", "a", "("))).toBe(
      "Incorrect arguments for function string::matches(). Argument 2 was the wrong type. Could not cast into `regex` using input `'('`",
    );
  });

  it("refuses outputs above SurrealDB's generation limit", () => {
    const limit = "Output must not exceed 1048576 bytes.";
    expect(failureMessage(() => call("string::repeat", "A", 2_000_000))).toBe(`Incorrect arguments for function string::repeat(). ${limit}`);
    expect(failureMessage(() => call("string::repeat", "A", -1))).toBe(`Incorrect arguments for function string::repeat(). ${limit}`);
    expect(failureMessage(() => call("string::replace", "A".repeat(1000), /()/u, "B".repeat(10_000)))).toBe(
      `Incorrect arguments for function string::replace(). ${limit}`,
    );
  });

  it("refuses a replace search that is neither text nor a regex, in SurrealDB's words", () => {
    expect(failureMessage(() => call("string::replace", "abc", 1, "x"))).toBe(
      "Incorrect arguments for function string::replace(). Argument 2 was the wrong type. Expected a string but found 1",
    );
    expect(failureMessage(() => call("string::len", "a", "b"))).toBe("Incorrect arguments for function string::len(). Expected 1 argument");
    expect(failureMessage(() => call("string::join"))).toBe("Incorrect arguments for function string::join(). Expected at least one argument");
  });
});

describe("string::is_*", () => {
  it.each<[string, string, boolean]>([
    ["alphanum", "12345", true],
    ["alphanum", "y%*", false],
    ["alphanum", "", false],
    ["alpha", "abc", true],
    ["alpha", "1234", false],
    ["ascii", "abc", true],
    ["ascii", "中国", false],
    ["domain", "食狮.中国", true],
    ["domain", "example-.com", false],
    ["email", "user@[fd79:cdcb:38cc:9dd:f686:e06d:32f3:c123]", true],
    ["email", "info@surrealdb.com", true],
    ["email", "john..doe@example.com", false],
    ["hexadecimal", "00FF00", true],
    ["hexadecimal", "SurrealDB", false],
    ["ip", "127.0.0.1", true],
    ["ip", "127.0.0", false],
    ["ipv4", "127.0.0.1", true],
    ["ipv4", "01.0.0.1", false],
    ["ipv6", "::1", true],
    ["ipv6", "::ffff:192.0.2.1", true],
    ["ipv6", "200t:db8::", false],
    ["ipv6", "fe80::1%eth0", false],
    ["latitude", "-0.118092", true],
    ["latitude", "12345", false],
    ["longitude", "-180.00000", true],
    ["longitude", "180.00001", false],
    ["numeric", "12345", true],
    ["numeric", "abcde", false],
    ["semver", "1.0.0", true],
    ["semver", "1.0", false],
    ["semver", "1.0.0-alpha.1+build.01", true],
    ["url", "https://surrealdb.com/docs", true],
    ["url", "surrealdb.com", false],
    ["ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV", true],
    ["ulid", "81ARZ3NDEKTSV4RRFFQ69G5FAV", false],
    ["uuid", "123e4567-e89b-12d3-a456-426614174000", true],
    ["uuid", "123e4567e89b12d3a456426614174000", true],
    ["uuid", "foo-bar", false],
    ["datetime", "2024-01-01T10:00:00Z", true],
    ["datetime", "2024-01-01", true],
    ["datetime", "2024-02-30T10:00:00Z", false],
    ["record", "person:tobie", true],
    ["record", "person", false],
  ])("string::is_%s(%o) is %o", (name, value, expected) => {
    expect(call(`string::is_${name}`, value)).toBe(expected);
  });

  it("reads a datetime in a given format, as chrono's NaiveDateTime", () => {
    expect(call("string::is_datetime", "2015-09-05 23:56:04", "%Y-%m-%d %H:%M:%S")).toBe(true);
    expect(call("string::is_datetime", "05/09/15 11:56 pm", "%d/%m/%y %I:%M %P")).toBe(true);
    expect(call("string::is_datetime", "2015-09-05", "%Y-%m-%d")).toBe(false);
    expect(call("string::is_datetime", "2015-13-05 23:56:04", "%Y-%m-%d %H:%M:%S")).toBe(false);
  });

  it("checks a record's table when asked", () => {
    expect(call("string::is_record", "person:tobie", "person")).toBe(true);
    expect(call("string::is_record", "person:tobie", new Table("user"))).toBe(false);
    // SurrealDB's message names the function with its parentheses, so they appear twice.
    expect(failureMessage(() => call("string::is_record", "person:tobie", 1))).toBe(
      "Incorrect arguments for function string::is_record()(). Expected an optional string or table type for the second argument",
    );
  });

  it("answers SurrealDB 2's names too", () => {
    expect(call("string::is::alpha", "abc")).toBe(true);
    expect(call("string::is::record", "person:1")).toBe(true);
  });
});

describe("string::distance:: and string::similarity::", () => {
  it.each<[string, [string, string], number]>([
    ["string::distance::levenshtein", ["kitten", "sitting"], 3],
    ["string::distance::damerau_levenshtein", ["ab", "bca"], 2],
    ["string::distance::osa", ["ab", "bca"], 3],
    ["string::distance::hamming", ["hamming", "hammers"], 3],
    ["string::distance::normalized_levenshtein", ["kitten", "sitting"], 1 - 3 / 7],
    ["string::distance::normalized_damerau_levenshtein", ["", ""], 1],
    ["string::similarity::sorensen_dice", ["Night", "Nacht"], 0.25],
    ["string::similarity::sorensen_dice", ["french", "quebec"], 0],
    ["string::similarity::jaro", ["", ""], 1],
  ])("%s(%o) is %o", (name, args, expected) => {
    expect(callBuiltin(name, args)).toBe(expected);
  });

  it("computes Jaro and Jaro–Winkler similarities", () => {
    // strsim's own examples, to its precision of 0.001.
    const near = (value: unknown, expected: number) => expect(Math.abs(Number(value) - expected)).toBeLessThan(0.001);
    near(call("string::similarity::jaro", "Friedrich Nietzsche", "Jean-Paul Sartre"), 0.392);
    near(call("string::similarity::jaro_winkler", "cheeseburger", "cheese fries"), 0.866);
  });

  it("refuses strings of unequal length for hamming, and inputs above 16 KiB", () => {
    expect(failureMessage(() => call("string::distance::hamming", "ab", "abc"))).toBe(
      "Incorrect arguments for function string::distance::hamming(). Strings must be of equal length.",
    );
    expect(failureMessage(() => call("string::distance::levenshtein", "a".repeat(16_385), "b"))).toBe(
      "Incorrect arguments for function string::distance::levenshtein(). Input strings must not exceed 16384 bytes (got 16385 and 1).",
    );
  });
});

describe("string::semver::", () => {
  it.each<[string, unknown[], unknown]>([
    ["string::semver::compare", ["1.0.0", "1.3.5"], -1],
    ["string::semver::compare", ["1.0.0", "1.0.0-alpha"], 1],
    ["string::semver::compare", ["1.0.0-alpha.2", "1.0.0-alpha.10"], -1],
    ["string::semver::major", ["3.2.6"], 3],
    ["string::semver::minor", ["3.2.6"], 2],
    ["string::semver::patch", ["3.2.6"], 6],
    ["string::semver::inc::major", ["1.2.3"], "2.0.0"],
    ["string::semver::inc::minor", ["1.2.3-rc.1"], "1.3.0-rc.1"],
    ["string::semver::inc::patch", ["1.2.3"], "1.2.4"],
    ["string::semver::set::minor", ["1.2.3", 9], "1.9.3"],
  ])("%s(%o) is %o", (name, args, expected) => {
    expect(callBuiltin(name, args)).toEqual(expected);
  });

  it("refuses text that is no version", () => {
    expect(failureMessage(() => call("string::semver::major", "1.2"))).toBe(
      "Incorrect arguments for function string::semver::major(). Invalid semantic version",
    );
    expect(failureMessage(() => call("string::semver::compare", "1.0.0", "x"))).toBe(
      "Incorrect arguments for function string::semver::compare(). Invalid semantic version string for right argument",
    );
  });
});

describe("string argument kinds", () => {
  it("coerces strictly: no number or record id is a string", () => {
    expect(failureMessage(() => call("string::len", new StringRecordId("a:b")))).toBe(
      "Incorrect arguments for function string::len(). Argument 1 was the wrong type. Expected `string` but found `a:b`",
    );
  });
});
