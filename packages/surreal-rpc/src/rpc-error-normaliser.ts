// The one place where anything thrown below the RPC handler becomes an RpcError in SurrealDB's
// format: Baton's GatewayErrors (tenants, pools, database errors) and our own bugs.
import { GatewayError, type ErrorCode } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import { match, P } from "ts-pattern";

/** True when `error` is a bug or an outage rather than something the client caused. */
export function isUnexpected(error: unknown): boolean {
  if (error instanceof RpcError) return false;
  return !(error instanceof GatewayError) || error.fault === "server";
}

/** Any thrown value as the RpcError to answer. */
export function toRpcError(error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  if (error instanceof GatewayError) return fromGatewayError(error);
  const message = error instanceof Error ? error.message : String(error);
  return new RpcError("INTERNAL", `Internal error: ${message}`, { cause: error });
}

function fromGatewayError(error: GatewayError): RpcError {
  const options = { cause: error };
  return match<ErrorCode, RpcError>(error.code)
    // Tenant names are validated like SurrealDB validates names: a Validation error.
    .with("NAMESPACE_INVALID", () => new RpcError("INTERNAL", error.message, { ...options, kind: "Validation" }))
    .with("NAMESPACE_NOT_FOUND", "ADAPTER_NOT_FOUND", () => new RpcError("INTERNAL", error.message, { ...options, kind: "NotFound" }))
    .with(P.union("AUTH_HEADER_NOT_FOUND", "AUTH_HEADER_MALFORMED", "AUTH_JWT_INVALID", "AUTH_CREDENTIALS_INVALID"), () =>
      new RpcError("AUTH", error.message, { ...options, details: { kind: "Auth", details: { kind: "InvalidAuth" } } }),
    )
    .with("AUTH_JWT_EXPIRED", () =>
      new RpcError("AUTH", error.message, { ...options, details: { kind: "Auth", details: { kind: "TokenExpired" } } }),
    )
    .with("AUTH_FORBIDDEN", () => new RpcError("AUTH", error.message, { ...options, details: { kind: "Auth", details: { kind: "NotAllowed" } } }))
    // A lock the database could not get in time: SurrealDB's transaction conflict, which clients
    // (the JS SDK's `.retry()`) retry.
    .with("SQLITE_BUSY", "SQLITE_LOCKED", () =>
      new RpcError("TRANSACTION_CONFLICT", error.message, { ...options, details: { kind: "TransactionConflict" } }),
    )
    .with("TRANSACTION_TIMEOUT", () => new RpcError("QUERY_TIMEOUT", error.message, { ...options, details: { kind: "TimedOut" } }))
    .otherwise(() =>
      // The database refused (constraint, type, syntax): a Query error with its message. Pool
      // timeouts, unavailable databases, shutdown and bugs: Internal.
      error.fault === "database"
        ? new RpcError("INTERNAL", error.message, { ...options, kind: "Query" })
        : new RpcError("INTERNAL", error.message, { ...options, kind: error.fault === "server" ? "Internal" : "Validation" }),
    );
}
