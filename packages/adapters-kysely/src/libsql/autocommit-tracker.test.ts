import { describe, expect, it } from "vitest";
import { AutocommitTracker } from "./autocommit-tracker.js";

function after(...statements: string[]): boolean {
  const tracker = new AutocommitTracker({ tclVariables: true });
  for (const sql of statements) tracker.succeeded(sql);
  return tracker.isAutocommit;
}

describe("AutocommitTracker", () => {
  it.each([
    [[], true],
    [["BEGIN"], false],
    [["begin immediate transaction"], false],
    [["BEGIN", "SELECT 1"], false],
    [["BEGIN", "COMMIT"], true],
    [["BEGIN", "END TRANSACTION"], true],
    [["BEGIN", "ROLLBACK"], true],
    [["BEGIN", "SAVEPOINT a", "ROLLBACK TO a"], false],
    [["BEGIN", "SAVEPOINT a", "ROLLBACK TRANSACTION TO SAVEPOINT a"], false],
    [["SAVEPOINT a"], false],
    [["SAVEPOINT a", "RELEASE a"], true],
    [["SAVEPOINT a", "SAVEPOINT b", "RELEASE b"], false],
    [["SAVEPOINT a", "SAVEPOINT b", "RELEASE SAVEPOINT A"], true],
    [['SAVEPOINT "x y"', "RELEASE 'x y'"], true],
    [["BEGIN", "SAVEPOINT a", "RELEASE a"], false],
    [["SAVEPOINT a", "RELEASE nope"], false],
    [["-- comment\nBEGIN"], false],
  ] satisfies [string[], boolean][])("after %j: autocommit %s", (statements, autocommit) => {
    expect(after(...statements)).toBe(autocommit);
  });

  it("reads SQLite's refusals after a failure", () => {
    const tracker = new AutocommitTracker({});
    tracker.failed("SQLite error: cannot start a transaction within a transaction");
    expect(tracker.isAutocommit).toBe(false);
    tracker.failed("SQLITE_CONSTRAINT: UNIQUE constraint failed");
    expect(tracker.isAutocommit).toBe(false);
    tracker.failed("SQLite error: cannot rollback - no transaction is active");
    expect(tracker.isAutocommit).toBe(true);
  });

  it("follows whole scripts, and assumes a transaction open when a failed script may have opened one", () => {
    const tracker = new AutocommitTracker({});
    tracker.scriptSucceeded("BEGIN; CREATE TABLE t(a); CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END;");
    expect(tracker.isAutocommit).toBe(false);
    tracker.scriptSucceeded("INSERT INTO t VALUES (1); COMMIT");
    expect(tracker.isAutocommit).toBe(true);
    tracker.scriptFailed("INSERT INTO t VALUES (1); INSERT INTO missing VALUES (2)", "no such table: missing");
    expect(tracker.isAutocommit).toBe(true);
    tracker.scriptFailed("BEGIN; INSERT INTO missing VALUES (2); COMMIT", "no such table: missing");
    expect(tracker.isAutocommit).toBe(false);
  });
});
