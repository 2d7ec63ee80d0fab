// SurrealDB RPC errors in SurrealDB 3's format `{code, message, kind, details}`: one table of
// codes and the kind each implies, and one error class every RPC layer throws.
import type { RpcErrorDetails, RpcErrorKind, RpcErrorObject } from "./rpc-response.js";

/** SurrealDB's numeric codes (its own numbering, not JSON-RPC's) and the kind each implies. */
export const RpcErrorCodes = {
  PARSE_ERROR: { code: -32700, kind: "Validation" },
  INVALID_REQUEST: { code: -32600, kind: "Validation" },
  METHOD_NOT_FOUND: { code: -32601, kind: "NotFound" },
  METHOD_NOT_ALLOWED: { code: -32602, kind: "NotAllowed" },
  INVALID_PARAMS: { code: -32603, kind: "Validation" },
  LIVE_NOT_SUPPORTED: { code: -32604, kind: "Configuration" },
  BAD_LIVE_CONFIG: { code: -32605, kind: "Configuration" },
  INTERNAL: { code: -32000, kind: "Internal" },
  CONNECTION: { code: -32001, kind: "Connection" },
  AUTH: { code: -32002, kind: "NotAllowed" },
  QUERY_NOT_EXECUTED: { code: -32003, kind: "Query" },
  QUERY_TIMEOUT: { code: -32004, kind: "Query" },
  QUERY_CANCELLED: { code: -32005, kind: "Query" },
  THROWN: { code: -32006, kind: "Thrown" },
  SERIALIZATION: { code: -32007, kind: "Serialization" },
  DESERIALIZATION: { code: -32008, kind: "Serialization" },
  TRANSACTION_CONFLICT: { code: -32009, kind: "Query" },
} as const satisfies Record<string, { code: number; kind: RpcErrorKind }>;

export type RpcErrorName = keyof typeof RpcErrorCodes;

/** An error answered to an RPC request. `kind` defaults to the one the code implies. */
export class RpcError extends Error {
  readonly code: number;
  readonly kind: RpcErrorKind;
  readonly details: RpcErrorDetails | undefined;

  constructor(
    name: RpcErrorName,
    message: string,
    options: { kind?: RpcErrorKind; details?: RpcErrorDetails; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RpcError";
    this.code = RpcErrorCodes[name].code;
    this.kind = options.kind ?? RpcErrorCodes[name].kind;
    this.details = options.details;
  }

  toWire(): RpcErrorObject {
    const base = { code: this.code, message: this.message, kind: this.kind };
    return this.details === undefined ? base : { ...base, details: this.details };
  }

  /** -32603 "Invalid params" with SurrealDB's message, e.g. "Expected (ns, db)". */
  static invalidParams(message: string): RpcError {
    return new RpcError("INVALID_PARAMS", message, { details: { kind: "InvalidParams" } });
  }

  /** -32601, as SurrealDB answers it (the name is literally "unknown"). */
  static methodNotFound(): RpcError {
    return new RpcError("METHOD_NOT_FOUND", "Method not found", {
      details: { kind: "Method", details: { name: "unknown" } },
    });
  }

  /** -32000 NotFound/Table "The table 'x' does not exist". */
  static tableNotFound(name: string): RpcError {
    return new RpcError("INTERNAL", `The table '${name}' does not exist`, {
      kind: "NotFound",
      details: { kind: "Table", details: { name } },
    });
  }

  /** -32000 AlreadyExists/Record "Database record `t:k` already exists"; `id` is the record id's text. */
  static recordExists(id: string): RpcError {
    return new RpcError("INTERNAL", `Database record \`${id}\` already exists`, {
      kind: "AlreadyExists",
      details: { kind: "Record", details: { id } },
    });
  }

  /** A Validation error about stored data (a type the column refuses, a bad name), code -32000. */
  static validation(message: string, details?: RpcErrorDetails): RpcError {
    return new RpcError("INTERNAL", message, details === undefined ? { kind: "Validation" } : { kind: "Validation", details });
  }

  /** -32700 "Parse error": the frame could not be decoded, or is not a map. */
  static parseError(): RpcError {
    return new RpcError("PARSE_ERROR", "Parse error", { details: { kind: "Parse" } });
  }

  /** -32600 "Invalid request": the envelope has no text `method`, or a field SurrealDB refuses. */
  static invalidRequest(): RpcError {
    return new RpcError("INVALID_REQUEST", "Invalid request", { details: { kind: "InvalidRequest" } });
  }

  /** -32602 "Method not allowed" (capabilities, or a limit such as the attached-session count). */
  static methodNotAllowed(name: string): RpcError {
    return new RpcError("METHOD_NOT_ALLOWED", "Method not allowed", { details: { kind: "Method", details: { name } } });
  }

  /** -32000 NotFound/Session "Session not found: <uuid>". */
  static sessionNotFound(id: string): RpcError {
    return new RpcError("INTERNAL", `Session not found: ${id}`, {
      kind: "NotFound",
      details: { kind: "Session", details: { id } },
    });
  }

  /** -32000 AlreadyExists/Session "Session already exists: <uuid>". */
  static sessionExists(id: string): RpcError {
    return new RpcError("INTERNAL", `Session already exists: ${id}`, {
      kind: "AlreadyExists",
      details: { kind: "Session", details: { id } },
    });
  }

  /** -32002 NotAllowed/Auth/InvalidAuth: wrong credentials, or a forged or malformed token. */
  static invalidAuth(): RpcError {
    return new RpcError("AUTH", "There was a problem with authentication", {
      details: { kind: "Auth", details: { kind: "InvalidAuth" } },
    });
  }

  /** -32002 NotAllowed/Auth/TokenExpired: clients refresh or sign in again on this one. */
  static tokenExpired(): RpcError {
    return new RpcError("AUTH", "The token has expired", { details: { kind: "Auth", details: { kind: "TokenExpired" } } });
  }

  /** -32002 NotAllowed/Auth/SessionExpired. */
  static sessionExpired(): RpcError {
    return new RpcError("AUTH", "The session has expired", {
      details: { kind: "Auth", details: { kind: "SessionExpired" } },
    });
  }

  /** -32002 NotAllowed/Auth/MissingUserOrPass. */
  static missingUserOrPass(): RpcError {
    return new RpcError("AUTH", "Username or Password was not provided", {
      details: { kind: "Auth", details: { kind: "MissingUserOrPass" } },
    });
  }

  /** -32604 Configuration/LiveQueryNotSupported: LIVE over HTTP. */
  static liveNotSupported(): RpcError {
    return new RpcError("LIVE_NOT_SUPPORTED", "Unable to perform the realtime query", {
      details: { kind: "LiveQueryNotSupported" },
    });
  }

  /** -32603 "Transaction not found": `commit`/`cancel`/`txn` naming an unknown or finished transaction. */
  static transactionNotFound(): RpcError {
    return RpcError.invalidParams("Transaction not found");
  }

  /**
   * -32000 NotAllowed/Limit: a per-connection or per-session resource limit of Baton's (open
   * transactions, attached sessions, session variables). SurrealDB has no such limits and so no
   * error for them; its -32602 "Method not allowed" names a capability the server lacks, which
   * would tell the client to stop trying. NotAllowed is the kind the SDKs already surface as a
   * refusal; `details` names the limit and its value so clients can tell which one they hit.
   */
  static limitReached(options: { limit: string; max: number; message: string }): RpcError {
    return new RpcError("INTERNAL", options.message, {
      kind: "NotAllowed",
      details: { kind: "Limit", details: { limit: options.limit, max: options.max } },
    });
  }

  /** -32603 "Cannot set protected variable: <name>" (`access`, `auth`, `token`, `session`). */
  static protectedVariable(name: string): RpcError {
    return RpcError.invalidParams(`Cannot set protected variable: ${name}`);
  }
}
