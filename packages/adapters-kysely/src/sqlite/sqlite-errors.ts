// The one place where better-sqlite3's errors become GatewayErrors: SQLite's extended result
// codes are reported as their base code (as sqld does), syntax errors as SQL_PARSE_ERROR.
import { GatewayError, isErrorCode, toGatewayError } from "@baton/protocol-types";
import Database from "better-sqlite3";

const SYNTAX_ERROR = /^(?:near ".*": syntax error|incomplete input|unrecognized token: .*)$/s;

/** The base code name of an extended one: `SQLITE_CONSTRAINT_PRIMARYKEY` → `SQLITE_CONSTRAINT`. */
export function baseCodeOf(code: string): string {
  return code.split("_", 2).join("_");
}

/** The extended code name of a better-sqlite3 error, or undefined for any other value. */
export function sqliteCodeOf(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

/**
 * True for a lock conflict that may clear if the statement is retried. SQLITE_BUSY_SNAPSHOT
 * never clears: the connection's read snapshot is older than the latest commit.
 */
export function isRetryableBusy(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code !== undefined && baseCodeOf(code) === "SQLITE_BUSY" && code !== "SQLITE_BUSY_SNAPSHOT";
}

/** Maps an error thrown while preparing `sql`; `countStatements` settles better-sqlite3's RangeErrors. */
export function prepareError(error: unknown, countStatements: () => number): GatewayError {
  if (error instanceof Database.SqliteError && SYNTAX_ERROR.test(error.message)) {
    return new GatewayError("SQL_PARSE_ERROR", `SQL string could not be parsed: ${error.message}`, { cause: error });
  }
  // better-sqlite3 refuses empty texts and several statements with a RangeError of its own.
  if (error instanceof RangeError) {
    const count = countStatements();
    if (count === 0) {
      return new GatewayError("SQL_NO_STATEMENT", "SQL string does not contain any statement", { cause: error });
    }
    if (count > 1) {
      return new GatewayError("SQL_MANY_STATEMENTS", "SQL string contains more than one statement", { cause: error });
    }
  }
  return executionError(error);
}

/** Maps an error thrown while opening a connection or running a statement. */
export function executionError(error: unknown): GatewayError {
  if (!(error instanceof Database.SqliteError)) return toGatewayError(error);
  const base = baseCodeOf(error.code);
  const code = isErrorCode(base) && base.startsWith("SQLITE_") ? base : "SQLITE_ERROR";
  return new GatewayError(code, `SQLite error: ${error.message}`, { cause: error });
}
