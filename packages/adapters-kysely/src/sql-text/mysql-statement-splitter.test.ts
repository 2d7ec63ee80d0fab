import { describe, expect, it } from "vitest";
import { splitMysqlStatements } from "./mysql-statement-splitter.js";

describe("splitMysqlStatements", () => {
  it("splits on top-level semicolons and trims trivia", () => {
    expect(splitMysqlStatements("  SELECT 1; -- c\n SELECT 2 ;# x\n")).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("ignores semicolons in strings, names and comments", () => {
    const sql = "SELECT ';', \";\", `;`, 'a\\';' /* ; */ -- ;\n; SELECT 2";
    expect(splitMysqlStatements(sql)).toEqual(["SELECT ';', \";\", `;`, 'a\\';'", "SELECT 2"]);
  });

  it("drops empty statements and keeps an unterminated last one", () => {
    expect(splitMysqlStatements(";; -- nothing\n; SELECT 1")).toEqual(["SELECT 1"]);
    expect(splitMysqlStatements("  /* only */ # comments\n")).toEqual([]);
  });

  it("keeps an executable comment as a statement", () => {
    expect(splitMysqlStatements("/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;")).toEqual(["/*!40101 SET NAMES utf8mb4 */", "SELECT 1"]);
  });

  it("keeps a stored procedure body whole", () => {
    const procedure = `CREATE DEFINER = root@localhost PROCEDURE p(IN n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET i = -1; END;
  lbl: LOOP
    SET i = i + 1;
    IF i > n THEN LEAVE lbl; ELSEIF i = 2 THEN SELECT IF(i > 1, 'a', 'b'); END IF;
  END LOOP lbl;
  WHILE i > 0 DO SET i = i - 1; END WHILE;
  REPEAT SET i = i + 1; UNTIL i > 3 END REPEAT;
  SELECT CASE WHEN i THEN 1 ELSE IF(i, 2, 3) END, REPEAT('x', 2) FROM t WHERE id IN (1) FOR UPDATE;
  CASE i WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE;
END`;
    expect(splitMysqlStatements(`${procedure};\nCALL p(3); SELECT 1`)).toEqual([procedure, "CALL p(3)", "SELECT 1"]);
  });

  it("keeps a trigger whose body is a single IF statement whole", () => {
    const trigger = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF";
    expect(splitMysqlStatements(`${trigger}; SELECT 1`)).toEqual([trigger, "SELECT 1"]);
  });

  it("keeps functions and events with BEGIN … END whole", () => {
    const fn = "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC BEGIN DECLARE y INT; SET y = x * 2; RETURN y; END";
    const event = "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; INSERT INTO t VALUES (1); END";
    expect(splitMysqlStatements(`${fn}; ${event}; SELECT 2`)).toEqual([fn, event, "SELECT 2"]);
  });

  it("keeps MariaDB's compound statements outside programs whole", () => {
    const block = "BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; SELECT x; END";
    const conditional = "IF (SELECT 1) = 1 THEN SELECT 'yes'; ELSE SELECT 'no'; END IF";
    expect(splitMysqlStatements(`${block}; ${conditional}; SELECT 3`)).toEqual([block, conditional, "SELECT 3"]);
  });

  it("treats BEGIN; as a statement that starts a transaction", () => {
    expect(splitMysqlStatements("BEGIN; INSERT INTO t VALUES (1); COMMIT")).toEqual(["BEGIN", "INSERT INTO t VALUES (1)", "COMMIT"]);
    expect(splitMysqlStatements("BEGIN WORK; SELECT 1")).toEqual(["BEGIN WORK", "SELECT 1"]);
  });

  it("does not treat CASE expressions and tables named like programs as blocks", () => {
    expect(splitMysqlStatements("CREATE TABLE event (trigger INT); SELECT CASE WHEN 1 THEN 2 END; SELECT 3")).toEqual([
      "CREATE TABLE event (trigger INT)",
      "SELECT CASE WHEN 1 THEN 2 END",
      "SELECT 3",
    ]);
  });
});
