// The RPC request envelope (SurrealDB 3: surrealdb/core/src/rpc/request.rs). The schema checks
// the shape a JSON Schema can see; `parseRpcRequest` adds the checks that need decoded value
// classes (UUIDs, datetimes, NONE) and SurrealDB's leniencies.
import { Type, type Static } from "@sinclair/typebox";
import { validatorFor } from "../validator.js";
import { RpcError } from "./rpc-errors.js";
import { isDatetimeValue, isNone, isPlainObject, isUuidValue, uuidText } from "./rpc-values.js";

/**
 * `{id?, method, params?, session?, txn?, version?}`. Other keys are ignored, as SurrealDB does.
 * `id` may be NONE, null, a string, a number, a UUID or a datetime; `session` and `txn` NONE,
 * null, a UUID or UUID text; `version` NONE, null, 1 or 2; `params` anything (not an array → []).
 */
export const RpcRequest = Type.Object(
  {
    id: Type.Optional(Type.Unknown()),
    method: Type.String(),
    params: Type.Optional(Type.Unknown()),
    session: Type.Optional(Type.Unknown()),
    txn: Type.Optional(Type.Unknown()),
    version: Type.Optional(Type.Unknown()),
  },
  { $id: "RpcRequest" },
);
export type RpcRequest = Static<typeof RpcRequest>;

/** A request after envelope checks, ready for dispatch. */
export interface ParsedRpcRequest {
  /** The request id exactly as received, to echo; absent when the request had none or NONE. */
  readonly id?: unknown;
  /** The method as sent: not yet known to be a method (unknown names answer -32601 at dispatch). */
  readonly method: string;
  /** The parameters; `[]` when `params` was absent or not an array (SurrealDB's silent rule). */
  readonly params: readonly unknown[];
  /** The named session's UUID as canonical lower-case text; absent for the default session. */
  readonly session?: string;
  /** The interactive transaction's UUID as canonical text; absent outside one. */
  readonly txn?: string;
  /** The protocol version the client asked for (1 or 2), if any. */
  readonly version?: 1 | 2;
}

let envelope: ReturnType<typeof validatorFor<typeof RpcRequest>> | undefined;

/**
 * Checks a decoded frame and returns the request in it. Throws -32700 "Parse error" when the frame
 * is not a map, and -32600 "Invalid request" when a field has a shape SurrealDB refuses.
 */
export function parseRpcRequest(frame: unknown): ParsedRpcRequest {
  if (!isPlainObject(frame)) throw RpcError.parseError();
  // Compiled once, on first use: codegen imports this module before the validator exists.
  envelope ??= validatorFor(RpcRequest);
  if (!envelope.check(frame)) throw RpcError.invalidRequest();
  const { id, method, params, session, txn, version } = frame;
  if (!isRequestId(id)) throw RpcError.invalidRequest();
  const parsed: {
    -readonly [K in keyof ParsedRpcRequest]: ParsedRpcRequest[K];
  } = { method, params: Array.isArray(params) ? params : [] };
  if (!isNone(id)) parsed.id = id;
  const sessionId = optionalUuid(session);
  if (sessionId !== undefined) parsed.session = sessionId;
  const txnId = optionalUuid(txn);
  if (txnId !== undefined) parsed.txn = txnId;
  if (version === 1 || version === 2 || version === 1n || version === 2n) parsed.version = Number(version) as 1 | 2;
  else if (!isNone(version) && version !== null) throw RpcError.invalidRequest();
  return parsed;
}

function isRequestId(id: unknown): boolean {
  return (
    isNone(id) ||
    id === null ||
    typeof id === "string" ||
    (typeof id === "number" && !Number.isNaN(id)) ||
    typeof id === "bigint" ||
    isUuidValue(id) ||
    isDatetimeValue(id)
  );
}

/** NONE/null → undefined; a UUID or UUID text → its canonical text; anything else is refused. */
function optionalUuid(value: unknown): string | undefined {
  if (isNone(value) || value === null) return undefined;
  const text = uuidText(value);
  if (text === undefined) throw RpcError.invalidRequest();
  return text;
}
