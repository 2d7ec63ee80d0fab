// The one place where a remote libSQL server's errors, and failures to reach it, become
// GatewayErrors.
//
// A remote Hrana error keeps its code when the code is one of ours that reports on the SQL
// (fault "database": SQLITE_CONSTRAINT, SQL_PARSE_ERROR, ARGS_INVALID, TRANSACTION_TIMEOUT, …),
// and STREAM_EXPIRED, which means to the client exactly what it means to us: the stream, and
// its transaction, are gone. Any other code of ours describes the link between Baton and the
// remote (AUTH_*, BATON_*, PROTOCOL_ERROR, …): passing it on would blame the client for our
// configuration, so those, HTTP errors and transport failures are REMOTE_UNAVAILABLE. A code
// we do not know (sqld's TRANSACTION_BUSY, BLOCKED, …) becomes SQLITE_ERROR.
import { ErrorCodes, GatewayError, isErrorCode, type ErrorCode } from "@baton/protocol-types";
import {
  ClosedError,
  HttpServerError,
  InternalError,
  MisuseError,
  ProtocolVersionError,
  ResponseError,
} from "@libsql/hrana-client";

/** The code for "the remote database cannot be reached or refused Baton" (HTTP 503). */
export const REMOTE_UNAVAILABLE: ErrorCode = "DATABASE_UNAVAILABLE";

/** Maps anything a Hrana client call rejected with; `remote` names the database in messages. */
export function remoteError(error: unknown, remote: string): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof ResponseError) return responseError(error, remote);
  if (error instanceof HttpServerError) {
    return new GatewayError(REMOTE_UNAVAILABLE, `The remote libSQL database ${remote} answered HTTP ${error.status}: ${error.message}`, {
      cause: error,
    });
  }
  if (error instanceof ProtocolVersionError) {
    return new GatewayError("NOT_SUPPORTED", `The remote libSQL database ${remote} cannot do this: ${error.message}`, { cause: error });
  }
  if (error instanceof MisuseError || error instanceof InternalError) {
    return new GatewayError("INTERNAL_ERROR", `Internal error talking to ${remote}: ${error.message}`, { cause: error });
  }
  const reason = error instanceof ClosedError ? closedReason(error) : errorText(error);
  return new GatewayError(REMOTE_UNAVAILABLE, `The remote libSQL database ${remote} is unavailable: ${reason}`, { cause: error });
}

/**
 * True when `error` says the link to the remote failed (transport, HTTP status, a code about the
 * link itself), as opposed to a statement failing on a working stream.
 */
export function isLinkFailure(error: unknown): boolean {
  if (error instanceof GatewayError) return error.code === REMOTE_UNAVAILABLE;
  if (error instanceof ResponseError) return linkCode(error.code);
  return !(error instanceof ProtocolVersionError || error instanceof MisuseError || error instanceof InternalError);
}

// A code of ours that does not report on the SQL: it describes the link between Baton and the remote.
function linkCode(code: string | undefined): boolean {
  return code !== undefined && isErrorCode(code) && ErrorCodes[code].fault !== "database" && code !== "STREAM_EXPIRED";
}

function responseError(error: ResponseError, remote: string): GatewayError {
  const code = error.code;
  if (code === undefined || !isErrorCode(code)) {
    const shown = code === undefined ? "" : ` (${code})`;
    return new GatewayError("SQLITE_ERROR", `${error.message}${shown}`, { cause: error });
  }
  if (!linkCode(code)) return new GatewayError(code, error.message, { cause: error });
  return new GatewayError(REMOTE_UNAVAILABLE, `The remote libSQL database ${remote} refused the request: ${code}: ${error.message}`, {
    cause: error,
  });
}

// A closed client or stream carries what closed it; a refused hello (bad token) is a ResponseError.
function closedReason(error: ClosedError): string {
  const cause = error.cause;
  if (cause instanceof ResponseError && cause.code !== undefined) return `${error.message} (${cause.code})`;
  return error.message;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch() reports "fetch failed" and keeps the reason (ECONNREFUSED, …) in `cause`.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
