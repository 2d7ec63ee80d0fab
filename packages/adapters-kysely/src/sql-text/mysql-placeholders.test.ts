import { describe, expect, it } from "vitest";
import { mysqlPlaceholders, positionalSql } from "./mysql-placeholders.js";
import { tokenizeMysql } from "./mysql-tokenizer.js";

const placeholders = (sql: string) => mysqlPlaceholders(sql, tokenizeMysql(sql));

describe("mysqlPlaceholders", () => {
  it("numbers parameters as SQLite does and names them with their prefix", () => {
    const result = placeholders("SELECT ?, ?5, ?, :a, :a, @b, $c");
    expect(result.table.names).toEqual([null, null, null, null, "?5", null, ":a", "@b", "$c"]);
    expect(result.slots.map((slot) => slot.index)).toEqual([1, 5, 6, 7, 7, 8, 9]);
  });

  it("rewrites every occurrence to MySQL's positional ?, repeated names included", () => {
    const result = placeholders("SELECT :a, ?2, :a FROM t WHERE x = $b");
    expect(positionalSql(result)).toBe("SELECT ?, ?, ? FROM t WHERE x = ?");
    expect(result.slots.map((slot) => slot.index)).toEqual([1, 2, 1, 3]);
  });

  it("leaves strings, names, comments and variables untouched", () => {
    const sql = "SELECT '?', \":a\", `@b`, @`c`, @@d, 'it\\'s ?' -- ? :e\n # $f\n /* ? */ FROM t WHERE a = :real";
    const result = placeholders(sql);
    expect(result.table.names).toEqual([":real"]);
    expect(positionalSql(result)).toBe(sql.replace(":real", "?"));
  });

  it("marks occurrences where MySQL takes only an integer literal", () => {
    const result = placeholders("SELECT a FROM t WHERE b = ? LIMIT ? OFFSET ?");
    expect(result.slots.map((slot) => slot.integerOnly)).toEqual([false, true, true]);
    expect(placeholders("SELECT 1 LIMIT ?, ?").slots.map((slot) => slot.integerOnly)).toEqual([true, true]);
    expect(placeholders("SELECT 1 LIMIT 5, ?").slots.map((slot) => slot.integerOnly)).toEqual([true]);
    expect(placeholders("SELECT 1 FETCH FIRST ? ROWS ONLY").slots.map((slot) => slot.integerOnly)).toEqual([true]);
  });

  it("reports a ?NNN out of range", () => {
    expect(placeholders("SELECT ?0").outOfRange).toBe("?0");
    expect(placeholders("SELECT ?32767").outOfRange).toBe("?32767");
    expect(placeholders("SELECT ?32766").outOfRange).toBeUndefined();
  });

  it("cuts out only the given range", () => {
    const sql = "SELECT 1; SELECT :a";
    const tokens = tokenizeMysql(sql);
    const result = mysqlPlaceholders(sql, tokens.slice(4), { start: 10, end: sql.length });
    expect(result.pieces).toEqual(["SELECT ", ""]);
  });
});
