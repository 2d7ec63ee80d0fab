import { GatewayError } from "@baton/protocol-types";
import { describe, expect, it } from "vitest";
import { significantMysqlTokens } from "../sql-text/mysql-tokenizer.js";
import { translateClientStatement } from "./client-statements.js";

const translate = (sql: string) => translateClientStatement(significantMysqlTokens(sql));

describe("translateClientStatement", () => {
  it.each([
    ["BEGIN IMMEDIATE", "START TRANSACTION"],
    ["BEGIN DEFERRED", "START TRANSACTION"],
    ["begin exclusive transaction", "START TRANSACTION"],
    ["BEGIN TRANSACTION", "START TRANSACTION"],
    ["BEGIN TRANSACTION tx1", "START TRANSACTION"],
    ["BEGIN TRANSACTION READONLY", "START TRANSACTION READ ONLY"],
    ["BEGIN READONLY", "START TRANSACTION READ ONLY"],
    ["BEGIN DEFERRED TRANSACTION READONLY", "START TRANSACTION READ ONLY"],
    ["END", "COMMIT"],
    ["END TRANSACTION", "COMMIT"],
    ["COMMIT TRANSACTION", "COMMIT"],
    ["ROLLBACK TRANSACTION", "ROLLBACK"],
    ["ROLLBACK TRANSACTION TO SAVEPOINT s1", "ROLLBACK TO SAVEPOINT s1"],
    ["ROLLBACK TRANSACTION TO s1", "ROLLBACK TO SAVEPOINT s1"],
    ["RELEASE s1", "RELEASE SAVEPOINT s1"],
    ["PRAGMA foreign_keys=off", "SET foreign_key_checks = 0"],
    ["PRAGMA foreign_keys = ON", "SET foreign_key_checks = 1"],
    ["pragma FOREIGN_KEYS(0)", "SET foreign_key_checks = 0"],
    ["PRAGMA foreign_keys = 'yes'", "SET foreign_key_checks = 1"],
    ["PRAGMA foreign_keys", "SELECT @@foreign_key_checks AS foreign_keys"],
  ])("translates %j to %j", (sql, expected) => {
    expect(translate(sql)).toBe(expected);
  });

  it.each(["BEGIN", "BEGIN WORK", "BEGIN NOT ATOMIC SELECT 1; END", "COMMIT", "COMMIT WORK", "ROLLBACK", "ROLLBACK TO s1", "RELEASE SAVEPOINT s1", "SELECT 1", "START TRANSACTION", ""])(
    "leaves %j as it is",
    (sql) => {
      expect(translate(sql)).toBeUndefined();
    },
  );

  it("refuses other PRAGMAs and bad foreign_keys values with a clear message", () => {
    expect(() => translate("PRAGMA table_info(t)")).toThrow(GatewayError);
    expect(() => translate("PRAGMA table_info(t)")).toThrow(/PRAGMA table_info is not supported by the MySQL adapter/);
    expect(() => translate("PRAGMA foreign_keys = maybe")).toThrow(/takes ON or OFF/);
  });
});
