import { describe, expect, it } from "vitest";
import { analyzeParameters, parameterTable } from "./sql-parameters.js";

describe("analyzeParameters", () => {
  it("numbers plain ? from 1 and names none of them", () => {
    expect(analyzeParameters("SELECT ?, ?, ?")).toEqual([null, null, null]);
  });

  it("follows SQLite's numbering for a mix of forms", () => {
    // ? → 1, ?5 → 5, ? → 6, :a → 7 (twice), @b → 8; 2–4 are never referenced.
    expect(analyzeParameters("SELECT ?, ?5, ?, :a, :a, @b")).toEqual([
      null,
      null,
      null,
      null,
      "?5",
      null,
      ":a",
      "@b",
    ]);
  });

  it("gives ?NNN its name only when the index has none yet", () => {
    expect(analyzeParameters("SELECT :a, ?1")).toEqual([":a"]);
    expect(analyzeParameters("SELECT ?, ?1")).toEqual(["?1"]);
    expect(analyzeParameters("SELECT ?2, ?02")).toEqual([null, "?2"]);
  });

  it("treats different prefixes as different parameters", () => {
    expect(analyzeParameters("SELECT :a, @a, $a, #a, :a")).toEqual([":a", "@a", "$a", "#a"]);
  });

  it("is case-sensitive about names", () => {
    expect(analyzeParameters("SELECT :a, :A")).toEqual([":a", ":A"]);
  });

  it("ignores parameter-like text in strings, identifiers and comments", () => {
    const sql = `SELECT '?', ':a', "?", [:b], \`@c\`, x'00' -- ? :d
      /* $e ? */ FROM t WHERE a = :real`;
    expect(analyzeParameters(sql)).toEqual([":real"]);
  });

  it("skips numbers SQLite refuses", () => {
    expect(analyzeParameters("SELECT ?0, ?99999999999, ?")).toEqual([null]);
  });

  it("reports which indexes are referenced", () => {
    expect(parameterTable("SELECT ?3, ?").referenced).toEqual([false, false, true, true]);
  });

  it("returns an empty table for a statement without parameters", () => {
    expect(analyzeParameters("SELECT 1")).toEqual([]);
  });
});
