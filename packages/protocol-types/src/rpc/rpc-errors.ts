// SurrealDB RPC errors in SurrealDB 3's format `{code, message, kind, details}`: one table of
// codes and the kind each implies, and one error class every RPC layer throws.

/** The error kinds of SurrealDB 3 (the JS SDK maps each to its own error class). */
export type RpcErrorKind =
  | "Validation"
  | "Configuration"
  | "Query"
  | "Serialization"
  | "NotAllowed"
  | "NotFound"
  | "AlreadyExists"
  | "Connection"
  | "Thrown"
  | "Internal";

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

/** `details` of an RPC error: a kind tag and, optionally, more detail nested the same way. */
export interface RpcErrorDetails {
  readonly kind: string;
  readonly details?: unknown;
}

/** The wire form of an RPC error, inside `{error}` of a response. */
export interface RpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly kind: RpcErrorKind;
  readonly details?: RpcErrorDetails;
}

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
}
