import { describe, expect, it } from "vitest";
import { classifyMysqlStatement } from "./mysql-statement-classifier.js";
import { tokenizeMysql } from "./mysql-tokenizer.js";

const classify = (sql: string) => classifyMysqlStatement(tokenizeMysql(sql));

describe("classifyMysqlStatement", () => {
  it.each([
    "SELECT * FROM t",
    "(SELECT 1) UNION (SELECT 2)",
    "select 1 for update",
    "SHOW TABLES",
    "DESCRIBE t",
    "DESC t",
    "EXPLAIN UPDATE t SET a = 1",
    "VALUES (1), (2)",
    "TABLE t",
    "DO SLEEP(0)",
    "WITH c AS (SELECT 1) SELECT * FROM c",
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT n FROM c",
    "ANALYZE SELECT 1",
  ])("reads %j as read-only", (sql) => {
    expect(classify(sql).isReadonly).toBe(true);
  });

  it.each([
    "INSERT INTO t VALUES (1)",
    "UPDATE t SET a = 1",
    "DELETE FROM t",
    "REPLACE INTO t VALUES (1)",
    "CREATE TABLE t (a INT)",
    "WITH c AS (SELECT 1 AS a) UPDATE t JOIN c SET t.a = c.a",
    "EXPLAIN ANALYZE DELETE FROM t",
    "SELECT * FROM t INTO OUTFILE '/tmp/x'",
    "CALL p()",
    "START TRANSACTION",
    "/*!40101 SELECT 1 */",
  ])("reads %j as writing", (sql) => {
    expect(classify(sql).isReadonly).toBe(false);
  });

  it("recognises EXPLAIN and its synonyms", () => {
    expect(classify("EXPLAIN SELECT 1").isExplain).toBe(true);
    expect(classify("describe t").isExplain).toBe(true);
    expect(classify("SELECT 1").isExplain).toBe(false);
  });

  it.each(["CREATE TABLE t (a INT)", "drop table t", "ALTER TABLE t ADD b INT", "RENAME TABLE a TO b", "TRUNCATE t"])(
    "reads %j as DDL",
    (sql) => {
      expect(classify(sql).isDdl).toBe(true);
    },
  );

  it.each([
    "SET foreign_key_checks = 0",
    "SET NAMES latin1",
    "set @@session.sql_mode = ''",
    "USE other",
    "CREATE TEMPORARY TABLE t (a INT)",
    "CREATE OR REPLACE TEMPORARY TABLE t (a INT)",
    "DROP TEMPORARY TABLE t",
    "LOCK TABLES t READ",
    "PREPARE s FROM 'SELECT 1'",
    "CALL p()",
    "SELECT 1 INTO @`v`",
    "SELECT @'v' := 2",
    "SELECT GET_LOCK('x', 0)",
    "XA START 'x'",
    "HANDLER t OPEN",
  ])("reads %j as leaving session state", (sql) => {
    expect(classify(sql).isTainting).toBe(true);
  });

  it.each(["SELECT @@sql_mode", "SET STATEMENT max_statement_time = 1 FOR SELECT 1", "CREATE TABLE t (a INT)", "SELECT * FROM t WHERE a = @a"])(
    "reads %j as leaving no session state",
    (sql) => {
      expect(classify(sql).isTainting).toBe(false);
    },
  );
});
