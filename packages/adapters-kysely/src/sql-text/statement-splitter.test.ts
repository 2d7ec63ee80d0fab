import { describe, expect, it } from "vitest";
import { splitStatements } from "./statement-splitter.js";

describe("splitStatements", () => {
  it("splits on top-level semicolons and trims", () => {
    expect(splitStatements(" SELECT 1 ;SELECT 2;\n SELECT 3 ")).toEqual(["SELECT 1", "SELECT 2", "SELECT 3"]);
  });

  it("ignores semicolons in strings, identifiers and comments", () => {
    const sql = `INSERT INTO "a;b" VALUES ('x;y', [c;d]); -- e;f\nSELECT /* ; */ 2`;
    expect(splitStatements(sql)).toEqual([`INSERT INTO "a;b" VALUES ('x;y', [c;d])`, "SELECT /* ; */ 2"]);
  });

  it("drops empty statements and comment-only statements", () => {
    expect(splitStatements(";; -- nothing\n ; /* none */ ;")).toEqual([]);
    expect(splitStatements("")).toEqual([]);
    expect(splitStatements("SELECT 1;;; -- end")).toEqual(["SELECT 1"]);
  });

  it("keeps a trigger body whole", () => {
    const trigger = `CREATE TRIGGER tr AFTER INSERT ON t BEGIN
      INSERT INTO log VALUES (new.id);
      UPDATE c SET n = CASE WHEN n > 0 THEN n + 1 ELSE 1 END;
    END`;
    expect(splitStatements(`CREATE TABLE t(id);${trigger};SELECT 1`)).toEqual([
      "CREATE TABLE t(id)",
      trigger,
      "SELECT 1",
    ]);
  });

  it("recognises TEMP triggers and EXPLAIN before CREATE", () => {
    const temp = "create temp trigger tr after delete on t begin delete from u; end";
    expect(splitStatements(`${temp}; select 2`)).toEqual([temp, "select 2"]);
    const explained = "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END";
    expect(splitStatements(`${explained};SELECT 3`)).toEqual([explained, "SELECT 3"]);
  });

  it("does not treat a table named trigger or end as a trigger", () => {
    expect(splitStatements(`CREATE TABLE "trigger"(a); SELECT 1`)).toEqual([`CREATE TABLE "trigger"(a)`, "SELECT 1"]);
    expect(splitStatements("BEGIN; END; SELECT 1")).toEqual(["BEGIN", "END", "SELECT 1"]);
  });

  it("keeps an unterminated last statement", () => {
    expect(splitStatements("SELECT 1; CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1;")).toEqual([
      "SELECT 1",
      "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1;",
    ]);
  });
});
