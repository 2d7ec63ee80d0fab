import { describe, expect, it } from "vitest";
import { gatewayError } from "../test-support/sqlite-fixture.js";
import { planStatement } from "./statement-plan.js";

const sqlOf = (sql: string) => planStatement(sql).sql;

describe("client statements", () => {
  it("turns SQLite's BEGIN modes into BEGIN, and READONLY into READ ONLY", () => {
    expect(["BEGIN IMMEDIATE", "BEGIN DEFERRED", "BEGIN EXCLUSIVE", "begin immediate transaction", "BEGIN TRANSACTION tx", "BEGIN DEFERRED TRANSACTION \"tx\""].map(sqlOf)).toEqual(
      Array(6).fill("BEGIN"),
    );
    expect(["BEGIN TRANSACTION READONLY", "BEGIN DEFERRED TRANSACTION readonly"].map(sqlOf)).toEqual([
      "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
      "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
    ]);
  });

  it("leaves Postgres's own BEGIN forms and SQLite forms Postgres accepts as they are", () => {
    for (const sql of ["BEGIN", "BEGIN TRANSACTION", "BEGIN WORK", "BEGIN READ ONLY", "BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN TRANSACTION DEFERRABLE", "COMMIT TRANSACTION", "END TRANSACTION", "ROLLBACK TRANSACTION TO SAVEPOINT a", "RELEASE SAVEPOINT a"]) {
      expect(sqlOf(sql)).toBe(sql);
    }
  });

  it("accepts PRAGMA foreign_keys = on|off as a no-op and refuses other PRAGMAs", async () => {
    for (const sql of ["PRAGMA foreign_keys=off", "PRAGMA foreign_keys = ON;", "pragma FOREIGN_KEYS = 1", "PRAGMA foreign_keys = 'no'"]) {
      expect(planStatement(sql).sql).toBeNull();
    }
    for (const sql of ["PRAGMA foreign_keys", "PRAGMA foreign_keys = maybe", "PRAGMA table_info(t)", "PRAGMA"]) {
      const error = await gatewayError(Promise.resolve().then(() => planStatement(sql)));
      expect(error.code).toBe("SQLITE_ERROR");
      expect(error.message).toMatch(/^PRAGMA.* is not supported on Postgres/);
    }
  });
});

describe("planStatement", () => {
  it("sends one statement without its semicolon or surrounding comments, parameters rewritten", () => {
    const plan = planStatement("-- note\n SELECT :a, /* c */ ? ; -- trailing");
    expect(plan.sql).toBe("SELECT $1, /* c */ $2");
    expect(plan.parameters.names).toEqual([":a", null]);
  });

  it("refuses no statement and several statements", async () => {
    expect((await gatewayError(Promise.resolve().then(() => planStatement("  ; -- x")))).code).toBe("SQL_NO_STATEMENT");
    expect((await gatewayError(Promise.resolve().then(() => planStatement("SELECT 1; SELECT 2")))).code).toBe("SQL_MANY_STATEMENTS");
  });
});
