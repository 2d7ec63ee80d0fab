// The one place where node-pg's errors become GatewayErrors. Postgres reports SQLSTATEs; Baton
// speaks SQLite's base code names (clients expect e.g. a UNIQUE violation to be
// exactly SQLITE_CONSTRAINT). The SQLSTATE and Postgres's message stay in the message text.
import { GatewayError, toGatewayError, type ErrorCode } from "@baton/protocol-types";
import { DatabaseError } from "pg";

/** The code for "the Postgres server cannot be reached or the connection broke" (HTTP 503). */
export const UNAVAILABLE: ErrorCode = "DATABASE_UNAVAILABLE";

// Exact SQLSTATEs first, then whole classes (the first two characters).
const BY_SQLSTATE: Readonly<Record<string, ErrorCode>> = {
  "42601": "SQL_PARSE_ERROR", // syntax_error
  "42501": "SQLITE_AUTH", // insufficient_privilege
  "40001": "SQLITE_BUSY", // serialization_failure: retry the transaction
  "40P01": "SQLITE_BUSY", // deadlock_detected: retry the transaction
  "55P03": "SQLITE_BUSY", // lock_not_available (NOWAIT, lock_timeout)
  "57014": "SQLITE_INTERRUPT", // query_canceled (cancel request, statement_timeout)
  "25P02": "SQLITE_ABORT", // in_failed_sql_transaction
  "25006": "SQLITE_READONLY", // read_only_sql_transaction (BEGIN READ ONLY, hot standby)
  "53100": "SQLITE_FULL", // disk_full
  "53200": "SQLITE_NOMEM", // out_of_memory
  "53300": UNAVAILABLE, // too_many_connections
  "57P01": UNAVAILABLE, // admin_shutdown
  "57P02": UNAVAILABLE, // crash_shutdown
  "57P03": UNAVAILABLE, // cannot_connect_now (starting up, shutting down)
  "3D000": UNAVAILABLE, // invalid_catalog_name: the configured database does not exist
  "08P01": "SQLITE_ERROR", // protocol_violation: a request Postgres refused, the connection is fine
  XX001: "SQLITE_CORRUPT", // data_corrupted
  XX002: "SQLITE_CORRUPT", // index_corrupted
};
const BY_CLASS: Readonly<Record<string, ErrorCode>> = {
  "23": "SQLITE_CONSTRAINT", // unique, foreign key, not null, check, exclusion
  // Data exceptions: a value does not fit its type (invalid text for an integer, out of
  // range, too long for varchar(n), division by zero). SQLite's "datatype mismatch".
  "22": "SQLITE_MISMATCH",
  "08": UNAVAILABLE, // connection_exception
  "28": UNAVAILABLE, // invalid_authorization_specification: the adapter's credentials
  "54": "SQLITE_TOOBIG", // program_limit_exceeded
  XX: "SQLITE_INTERNAL",
};

// Socket-level failures as Node and node-pg report them.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
const CONNECTION_MESSAGES =
  /^(?:Connection terminated|Client has encountered a connection error|Client was closed|timeout expired|The server does not support SSL)/;

/** The SQLSTATE of an error the Postgres server sent, else undefined. */
export function sqlstateOf(error: unknown): string | undefined {
  return error instanceof DatabaseError ? error.code : undefined;
}

/** True when the error means the connection itself is gone (it must be destroyed, not reused). */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseError) {
    return error.severity === "FATAL" || error.severity === "PANIC" || codeFor(error.code ?? "") === UNAVAILABLE;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && NETWORK_CODES.has(code)) || CONNECTION_MESSAGES.test(error.message);
}

/** Maps anything node-pg or the server threw to a GatewayError. */
export function postgresError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof DatabaseError) {
    const sqlstate = error.code ?? "XX000";
    return new GatewayError(codeFor(sqlstate), `Postgres error ${sqlstate}: ${error.message}`, { cause: error });
  }
  if (isConnectionFailure(error)) return unavailable(error);
  return toGatewayError(error);
}

/** A GatewayError saying the server cannot be reached, with the driver's reason. */
export function unavailable(error: unknown): GatewayError {
  const reason = error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
  return new GatewayError(UNAVAILABLE, `Postgres server unavailable: ${reason}`, { cause: error });
}

function codeFor(sqlstate: string): ErrorCode {
  return BY_SQLSTATE[sqlstate] ?? BY_CLASS[sqlstate.slice(0, 2)] ?? "SQLITE_ERROR";
}
