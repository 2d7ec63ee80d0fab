// The one place where SQLite drivers' errors become GatewayErrors: SQLite's extended result
// codes are reported as their base code (as sqld does), syntax errors as SQL_PARSE_ERROR.
import { GatewayError, isErrorCode, toGatewayError } from "@baton/protocol-types";

const SYNTAX_ERROR = /^(?:near ".*": syntax error|incomplete input|unrecognized token: .*)$/s;

/** The base code name of an extended one: `SQLITE_CONSTRAINT_PRIMARYKEY` → `SQLITE_CONSTRAINT`. */
export function baseCodeOf(code: string): string {
  return code.split("_", 2).join("_");
}

/** A driver's SQLite error: an Error named "SqliteError" with the extended code name in `code`. */
interface SqliteErrorLike extends Error {
  readonly code: string;
}

// Typed structurally: better-sqlite3 and libsql each have their own SqliteError class, of one shape.
function asSqliteError(error: unknown): SqliteErrorLike | undefined {
  if (!(error instanceof Error) || error.name !== "SqliteError") return undefined;
  return typeof (error as { code?: unknown }).code === "string" ? (error as SqliteErrorLike) : undefined;
}

/** The extended code name of a driver's SQLite error, or undefined for any other value. */
export function sqliteCodeOf(error: unknown): string | undefined {
  return asSqliteError(error)?.code;
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
  const sqlite = asSqliteError(error);
  if (sqlite !== undefined && SYNTAX_ERROR.test(sqlite.message)) {
    return new GatewayError("SQL_PARSE_ERROR", `SQL string could not be parsed: ${sqlite.message}`, { cause: error });
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
  const sqlite = asSqliteError(error);
  if (sqlite === undefined) return toGatewayError(error);
  const base = baseCodeOf(sqlite.code);
  const code = isErrorCode(base) && base.startsWith("SQLITE_") ? base : "SQLITE_ERROR";
  return new GatewayError(code, `SQLite error: ${sqlite.message}`, { cause: error });
}
