// Every error code Baton sends, in one table: who is at fault, and the HTTP status a
// whole-request failure with that code answers. Database codes use SQLite's base code names
// (as sqld does), whatever database produced them.

/** Who caused an error: the peer broke the protocol, the database refused, the caller misused an API, or we have a bug. */
export type Fault = "peer" | "database" | "caller" | "server";

interface CodeInfo {
  readonly fault: Fault;
  readonly status: number;
}

const peer = (status = 400): CodeInfo => ({ fault: "peer", status });
const database = (status = 400): CodeInfo => ({ fault: "database", status });
const server = (status = 500): CodeInfo => ({ fault: "server", status });

export const ErrorCodes = {
  // The peer broke the protocol or sent something we cannot take.
  PROTOCOL_ERROR: peer(),
  UNKNOWN_REQUEST: peer(),
  NOT_FOUND: peer(404),
  METHOD_NOT_ALLOWED: peer(405),
  BODY_TOO_LARGE: peer(413),
  UNSUPPORTED_MEDIA_TYPE: peer(415),
  NOT_SUPPORTED: peer(400),
  VERSION_MISMATCH: peer(400),
  // Streams, batons, stored SQL, cursors.
  BATON_INVALID: peer(),
  BATON_REUSED: peer(),
  STREAM_EXPIRED: peer(),
  STREAM_CLOSED: peer(),
  STREAM_NOT_OPEN: peer(),
  STREAM_BUSY: peer(429),
  CURSOR_NOT_OPEN: peer(),
  SQL_ID_UNKNOWN: peer(),
  SQL_ID_IN_USE: peer(),
  SQL_STORE_TOO_MANY: peer(),
  SQL_STORE_TOO_LARGE: peer(),
  TOO_MANY_STREAMS: peer(429),
  // Statements and arguments, before the database runs anything.
  SQL_PARSE_ERROR: database(),
  SQL_NO_STATEMENT: database(),
  SQL_MANY_STATEMENTS: database(),
  SQL_INPUT_ERROR: database(),
  ARGS_INVALID: database(),
  ARGS_BOTH_POSITIONAL_AND_NAMED: database(),
  RESPONSE_TOO_LARGE: database(),
  VALUE_NOT_REPRESENTABLE: database(),
  TRANSACTION_TIMEOUT: database(),
  // Tenants and authentication.
  NAMESPACE_INVALID: peer(),
  NAMESPACE_NOT_FOUND: peer(404),
  ADAPTER_NOT_FOUND: peer(404),
  AUTH_HEADER_NOT_FOUND: peer(401),
  AUTH_HEADER_MALFORMED: peer(401),
  AUTH_JWT_INVALID: peer(401),
  AUTH_JWT_EXPIRED: peer(401),
  AUTH_CREDENTIALS_INVALID: peer(401),
  AUTH_FORBIDDEN: peer(403),
  // Resources and the server itself.
  POOL_TIMEOUT: server(503),
  DATABASE_UNAVAILABLE: server(503),
  SHUTTING_DOWN: server(503),
  INTERNAL_ERROR: server(),
  // SQLite base result codes; other databases' errors are mapped onto these.
  SQLITE_ERROR: database(),
  SQLITE_INTERNAL: database(500),
  SQLITE_PERM: database(),
  SQLITE_ABORT: database(),
  SQLITE_BUSY: database(),
  SQLITE_LOCKED: database(),
  SQLITE_NOMEM: database(500),
  SQLITE_READONLY: database(),
  SQLITE_INTERRUPT: database(),
  SQLITE_IOERR: database(500),
  SQLITE_CORRUPT: database(500),
  SQLITE_NOTFOUND: database(),
  SQLITE_FULL: database(500),
  SQLITE_CANTOPEN: database(500),
  SQLITE_PROTOCOL: database(),
  SQLITE_EMPTY: database(),
  SQLITE_SCHEMA: database(),
  SQLITE_TOOBIG: database(),
  SQLITE_CONSTRAINT: database(),
  SQLITE_MISMATCH: database(),
  SQLITE_MISUSE: database(),
  SQLITE_NOLFS: database(),
  SQLITE_AUTH: database(),
  SQLITE_FORMAT: database(),
  SQLITE_RANGE: database(),
  SQLITE_NOTADB: database(),
  SQLITE_NOTICE: database(),
  SQLITE_WARNING: database(),
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof ErrorCodes;

/** An error with a code from the table; what every layer throws and every boundary maps. */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get fault(): Fault {
    return ErrorCodes[this.code].fault;
  }

  get status(): number {
    return ErrorCodes[this.code].status;
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ErrorCodes, code);
}

/** Any thrown value as a GatewayError; anything unexpected is our bug (INTERNAL_ERROR). */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError("INTERNAL_ERROR", `Internal error: ${message}`, { cause: error });
}
