import { Datetime, RecordId } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { rpcFailure } from "./expect-failure.js";
import { applyPatch, diffValues, parsePatch, parsePointer } from "./json-patch.js";

const patch = (document: unknown, ops: unknown) => applyPatch(document, parsePatch(ops));

describe("parsePointer", () => {
  it("splits and unescapes tokens (RFC 6901)", () => {
    expect(parsePointer("")).toEqual([]);
    expect(parsePointer("/a/b")).toEqual(["a", "b"]);
    expect(parsePointer("/a~1b/m~0n")).toEqual(["a/b", "m~n"]);
    expect(parsePointer("/")).toEqual([""]);
  });
  it("takes a pointer without its leading slash, as SurrealDB does", () => {
    expect(parsePointer("a/b")).toEqual(["a", "b"]);
  });
});

describe("applyPatch", () => {
  const doc = { id: new RecordId("p", "a"), n: 1, tags: ["x", "y"], address: { city: "Paris" } };

  it("adds fields, array elements and appends with '-'", () => {
    expect(
      patch(doc, [
        { op: "add", path: "/w", value: 1 },
        { op: "add", path: "/tags/1", value: "q" },
        { op: "add", path: "/tags/-", value: "z" },
        { op: "add", path: "/address/zip", value: "75001" },
      ]),
    ).toEqual({ ...doc, w: 1, tags: ["x", "q", "y", "z"], address: { city: "Paris", zip: "75001" } });
  });

  it("never changes its input", () => {
    patch(doc, [{ op: "remove", path: "/tags/0" }, { op: "replace", path: "/address/city", value: "Lyon" }]);
    expect(doc.tags).toEqual(["x", "y"]);
    expect(doc.address.city).toBe("Paris");
  });

  it("removes and replaces, and refuses missing targets", () => {
    expect(patch(doc, [{ op: "remove", path: "/n" }, { op: "replace", path: "/tags/0", value: "X" }])).toEqual({
      id: doc.id,
      tags: ["X", "y"],
      address: { city: "Paris" },
    });
    expect(rpcFailure(() => patch(doc, [{ op: "remove", path: "/nope" }])).message).toMatch(/does not exist/);
    expect(rpcFailure(() => patch(doc, [{ op: "replace", path: "/nope", value: 1 }])).message).toMatch(/does not exist/);
    expect(rpcFailure(() => patch(doc, [{ op: "remove", path: "/tags/2" }])).message).toMatch(/out of bounds/);
    expect(rpcFailure(() => patch(doc, [{ op: "add", path: "/a/b", value: 1 }])).message).toMatch(/does not exist/);
  });

  it("replaces the whole document with an empty path", () => {
    expect(patch(doc, [{ op: "replace", path: "", value: { n: 2 } }])).toEqual({ n: 2 });
  });

  it("moves and copies", () => {
    expect(patch(doc, [{ op: "move", from: "/n", path: "/m" }])).toEqual({ id: doc.id, m: 1, tags: ["x", "y"], address: { city: "Paris" } });
    expect(patch(doc, [{ op: "move", from: "/tags/0", path: "/tags/-" }])).toMatchObject({ tags: ["y", "x"] });
    const copied = patch(doc, [{ op: "copy", from: "/address", path: "/home" }]) as Record<string, Record<string, unknown>>;
    expect(copied["home"]).toEqual({ city: "Paris" });
    expect(copied["home"]).not.toBe(copied["address"]);
    expect(rpcFailure(() => patch(doc, [{ op: "move", from: "/address", path: "/address/inner" }])).message).toMatch(/own child/);
  });

  it("tests values deeply, value classes included, and fails the whole patch", () => {
    const ok = patch(doc, [
      { op: "test", path: "/id", value: new RecordId("p", "a") },
      { op: "test", path: "/tags", value: ["x", "y"] },
      { op: "test", path: "/n", value: 1n },
    ]);
    expect(ok).toEqual(doc);
    const error = rpcFailure(() => patch(doc, [{ op: "add", path: "/w", value: 1 }, { op: "test", path: "/n", value: 2 }]));
    expect(error.message).toBe("Given test operation failed for JSON Patch. Expected `2`, but got `1` instead.");
    expect(error.toWire()).toMatchObject({ code: -32000, kind: "Validation" });
  });

  it("refuses malformed operations", () => {
    expect(rpcFailure(() => parsePatch({ op: "add" })).message).toMatch(/array/);
    expect(rpcFailure(() => parsePatch([{ op: "add", path: "/a" }])).message).toMatch(/'value'/);
    expect(rpcFailure(() => parsePatch([{ op: "jump", path: "/a" }])).message).toMatch(/unknown 'op'/);
    expect(rpcFailure(() => parsePatch([{ op: "move", path: "/a" }])).message).toMatch(/'from'/);
    expect(rpcFailure(() => parsePatch([{ op: "remove" }])).message).toMatch(/'path'/);
    expect(rpcFailure(() => patch(doc, [{ op: "add", path: "/tags/x", value: 1 }])).message).toMatch(/not an array index/);
  });
});

describe("diffValues", () => {
  it("gives nothing for equal values", () => {
    expect(diffValues({ a: [1, { b: 2 }], d: new Datetime(5n, 1) }, { a: [1, { b: 2 }], d: new Datetime(5n, 1) })).toEqual([]);
  });

  it("adds, removes and replaces fields, nested", () => {
    expect(diffValues({ a: 1, b: 2, c: { d: 1 } }, { a: 1, c: { d: 2, e: 3 }, f: "x" })).toEqual([
      { op: "remove", path: "/b" },
      { op: "replace", path: "/c/d", value: 2 },
      { op: "add", path: "/c/e", value: 3 },
      { op: "add", path: "/f", value: "x" },
    ]);
  });

  it("diffs arrays by index", () => {
    expect(diffValues([1, 2, 3], [1, 5])).toEqual([
      { op: "replace", path: "/1", value: 5 },
      { op: "remove", path: "/2" },
    ]);
    expect(diffValues([1], [1, 2, 3])).toEqual([
      { op: "add", path: "/1", value: 2 },
      { op: "add", path: "/2", value: 3 },
    ]);
  });

  it("escapes keys and replaces the root when kinds differ", () => {
    expect(diffValues({ "a/b": 1 }, { "a/b": 2 })).toEqual([{ op: "replace", path: "/a~1b", value: 2 }]);
    expect(diffValues({ a: 1 }, [1])).toEqual([{ op: "replace", path: "", value: [1] }]);
  });

  it("round-trips: applying the diff of two documents gives the second", () => {
    const before = { id: new RecordId("p", "a"), n: 1, list: [1, 2, 3, { x: 1 }], o: { k: "v", drop: true } };
    const after = { id: new RecordId("p", "a"), n: 2, list: [1, { y: 2 }], o: { k: "w" }, extra: [null] };
    expect(applyPatch(before, parsePatch(diffValues(before, after)))).toEqual(after);
  });
});
