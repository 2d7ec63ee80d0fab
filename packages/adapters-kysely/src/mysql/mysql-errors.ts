// The one place where mysql2's errors become GatewayErrors. Server errors keep their errno,
// SQLSTATE and message (`MySQL error 1062 (23000): Duplicate entry '1' for key 'PRIMARY'`) and
// map onto SQLite's base codes, as libSQL clients expect. A server that
// cannot be reached, refuses the adapter's account or drops the connection is
// DATABASE_UNAVAILABLE (503), as with the Postgres adapter.
import { GatewayError, toGatewayError, type ErrorCode } from "@baton/protocol-types";

/** The code for "the MySQL server cannot be reached or the connection broke" (HTTP 503). */
export const UNAVAILABLE: ErrorCode = "DATABASE_UNAVAILABLE";

/** The fields of a mysql2 error we use (QueryError). */
export interface MysqlDriverError {
  readonly message: string;
  readonly code?: string;
  readonly errno?: number;
  readonly sqlState?: string;
  readonly sqlMessage?: string;
  /** mysql2 sets it when the connection is unusable afterwards. */
  readonly fatal?: boolean;
}

// Server error numbers (MySQL's and MariaDB's mysqld_error.h).
const ERRNO_CODES: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  // Constraints: duplicate key, foreign key, NOT NULL, CHECK (MySQL 3819, MariaDB 4025).
  [1022, "SQLITE_CONSTRAINT"], // ER_DUP_KEY
  [1062, "SQLITE_CONSTRAINT"], // ER_DUP_ENTRY
  [1169, "SQLITE_CONSTRAINT"], // ER_DUP_UNIQUE
  [1586, "SQLITE_CONSTRAINT"], // ER_DUP_ENTRY_WITH_KEY_NAME
  [1216, "SQLITE_CONSTRAINT"], // ER_NO_REFERENCED_ROW
  [1217, "SQLITE_CONSTRAINT"], // ER_ROW_IS_REFERENCED
  [1451, "SQLITE_CONSTRAINT"], // ER_ROW_IS_REFERENCED_2
  [1452, "SQLITE_CONSTRAINT"], // ER_NO_REFERENCED_ROW_2
  [1048, "SQLITE_CONSTRAINT"], // ER_BAD_NULL_ERROR
  [1364, "SQLITE_CONSTRAINT"], // ER_NO_DEFAULT_FOR_FIELD (a NOT NULL column left out, strict mode)
  [3819, "SQLITE_CONSTRAINT"], // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
  [4025, "SQLITE_CONSTRAINT"], // ER_CONSTRAINT_FAILED (MariaDB)
  // Syntax.
  [1064, "SQL_PARSE_ERROR"], // ER_PARSE_ERROR
  [1149, "SQL_PARSE_ERROR"], // ER_SYNTAX_ERROR
  [1065, "SQL_NO_STATEMENT"], // ER_EMPTY_QUERY
  // Lock conflicts: the caller may retry. A deadlock rolls the whole transaction back.
  [1205, "SQLITE_BUSY"], // ER_LOCK_WAIT_TIMEOUT
  [1213, "SQLITE_BUSY"], // ER_LOCK_DEADLOCK
  [3572, "SQLITE_BUSY"], // ER_LOCK_NOWAIT
  // Missing objects.
  [1146, "SQLITE_ERROR"], // ER_NO_SUCH_TABLE
  [1054, "SQLITE_ERROR"], // ER_BAD_FIELD_ERROR
  // Privileges.
  [1044, "SQLITE_AUTH"], // ER_DBACCESS_DENIED_ERROR
  [1045, "SQLITE_AUTH"], // ER_ACCESS_DENIED_ERROR
  [1142, "SQLITE_AUTH"], // ER_TABLEACCESS_DENIED_ERROR
  [1143, "SQLITE_AUTH"], // ER_COLUMNACCESS_DENIED_ERROR
  [1227, "SQLITE_AUTH"], // ER_SPECIFIC_ACCESS_DENIED_ERROR
  [1370, "SQLITE_AUTH"], // ER_PROCACCESS_DENIED_ERROR
  [1698, "SQLITE_AUTH"], // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
  // Read-only transaction or server.
  [1290, "SQLITE_READONLY"], // ER_OPTION_PREVENTS_STATEMENT (--read-only)
  [1792, "SQLITE_READONLY"], // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
  // Interrupted or timed out statements.
  [1317, "SQLITE_INTERRUPT"], // ER_QUERY_INTERRUPTED
  [1969, "SQLITE_INTERRUPT"], // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
  [3024, "SQLITE_INTERRUPT"], // ER_QUERY_TIMEOUT (MySQL max_execution_time)
  // Sizes and values.
  [1021, "SQLITE_FULL"], // ER_DISK_FULL
  [1114, "SQLITE_FULL"], // ER_RECORD_FILE_FULL
  [1153, "SQLITE_TOOBIG"], // ER_NET_PACKET_TOO_LARGE
  [1406, "SQLITE_TOOBIG"], // ER_DATA_TOO_LONG
  [1264, "SQLITE_MISMATCH"], // ER_WARN_DATA_OUT_OF_RANGE
  [1366, "SQLITE_MISMATCH"], // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
  // The server refuses connections or is going away.
  [1040, UNAVAILABLE], // ER_CON_COUNT_ERROR
  [1203, UNAVAILABLE], // ER_TOO_MANY_USER_CONNECTIONS
  [1053, UNAVAILABLE], // ER_SERVER_SHUTDOWN
  [1927, UNAVAILABLE], // ER_CONNECTION_KILLED (MariaDB)
  [4031, UNAVAILABLE], // ER_CLIENT_INTERACTION_TIMEOUT (MySQL)
]);

export const ER_BAD_DB_ERROR = 1049;
export const ER_UNSUPPORTED_PS = 1295;

/** The error as a mysql2 error, or undefined for anything else (our own bugs, GatewayErrors). */
export function asDriverError(error: unknown): MysqlDriverError | undefined {
  if (!(error instanceof Error) || error instanceof GatewayError) return undefined;
  const fields = error as Error & Partial<MysqlDriverError>;
  const fromDriver = typeof fields.errno === "number" || typeof fields.code === "string" || fields.fatal === true;
  return fromDriver ? fields : undefined;
}

/** The server's error number, when the server answered with an error. */
export function errnoOf(error: unknown): number | undefined {
  const driver = asDriverError(error);
  return driver?.sqlState !== undefined && typeof driver.errno === "number" ? driver.errno : undefined;
}

/** True when the error left the connection unusable (lost, killed, protocol broken). */
export function isConnectionError(error: unknown): boolean {
  const driver = asDriverError(error);
  return driver !== undefined && (driver.fatal === true || errnoOf(error) === undefined);
}

/** Maps an error thrown while running a statement (or preparing, or resetting a session). */
export function mysqlError(error: unknown): GatewayError {
  const driver = asDriverError(error);
  if (driver === undefined) return toGatewayError(error);
  const errno = errnoOf(error);
  if (errno === undefined) {
    return new GatewayError(UNAVAILABLE, `The connection to the MySQL server was lost${codeSuffix(driver)}: ${describe(error)}`, {
      cause: error,
    });
  }
  const code = ERRNO_CODES.get(errno) ?? (driver.fatal === true ? UNAVAILABLE : "SQLITE_ERROR");
  return new GatewayError(code, serverMessage(errno, driver), { cause: error });
}

/** Maps an error thrown while opening a connection: whatever the reason, the server is unavailable. */
export function connectError(error: unknown): GatewayError {
  const driver = asDriverError(error);
  if (driver === undefined) return toGatewayError(error);
  const errno = errnoOf(error);
  const reason = errno === undefined ? `${codeSuffix(driver)}: ${describe(error)}` : `: ${serverMessage(errno, driver)}`;
  return new GatewayError(UNAVAILABLE, `MySQL server unavailable${reason}`, { cause: error });
}

function serverMessage(errno: number, driver: MysqlDriverError): string {
  return `MySQL error ${errno} (${driver.sqlState}): ${driver.sqlMessage ?? driver.message}`;
}

function codeSuffix(driver: MysqlDriverError | undefined): string {
  return driver?.code ? ` (${driver.code})` : "";
}

// Node reports a refused connection to a name with several addresses as an AggregateError
// whose own message is empty.
function describe(error: unknown): string {
  if (error instanceof AggregateError && error.message === "") {
    return error.errors.map((inner) => (inner instanceof Error ? inner.message : String(inner))).join("; ");
  }
  return error instanceof Error ? error.message : String(error);
}
