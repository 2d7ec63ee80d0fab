// What an RPC server sends: response frames, the live notification frame, the error object and
// `query`'s per-statement results (SurrealDB 3: surrealdb/core/src/rpc/response.rs,
// surrealdb/types/src/error.rs, core/src/dbs/response.rs). Values are decoded JS values and
// codec classes, so value positions are `Type.Unknown()`.
import { Type, type Static } from "@sinclair/typebox";

/** The error kinds of SurrealDB 3 (the JS SDK maps each to its own error class). */
export const RpcErrorKind = Type.Union(
  [
    Type.Literal("Validation"),
    Type.Literal("Configuration"),
    Type.Literal("Query"),
    Type.Literal("Serialization"),
    Type.Literal("NotAllowed"),
    Type.Literal("NotFound"),
    Type.Literal("AlreadyExists"),
    Type.Literal("Connection"),
    Type.Literal("Thrown"),
    Type.Literal("Internal"),
  ],
  { $id: "RpcErrorKind" },
);
export type RpcErrorKind = Static<typeof RpcErrorKind>;

/** `details` of an RPC error: a kind tag and, optionally, more detail nested the same way. */
export const RpcErrorDetails = Type.Object(
  { kind: Type.String(), details: Type.Optional(Type.Unknown()) },
  { $id: "RpcErrorDetails" },
);
export type RpcErrorDetails = Static<typeof RpcErrorDetails>;

/** The wire form of an RPC error, inside `{error}` of a response. `cause` is another error or NONE. */
export const RpcErrorObject = Type.Object(
  {
    code: Type.Integer(),
    message: Type.String(),
    kind: RpcErrorKind,
    details: Type.Optional(RpcErrorDetails),
    cause: Type.Optional(Type.Unknown()),
  },
  { $id: "RpcErrorObject" },
);
export type RpcErrorObject = Static<typeof RpcErrorObject>;

/**
 * A successful reply. Over WebSocket `id` echoes the request's id exactly (absent when the request
 * had none) and `session` names the request's session when it named one; HTTP replies carry neither.
 */
export const RpcSuccessResponse = Type.Object(
  { id: Type.Optional(Type.Unknown()), result: Type.Unknown(), session: Type.Optional(Type.Unknown()) },
  { $id: "RpcSuccessResponse" },
);
export type RpcSuccessResponse = Static<typeof RpcSuccessResponse>;

/** A failed reply; `id` and `session` as in a successful one. */
export const RpcErrorResponse = Type.Object(
  { id: Type.Optional(Type.Unknown()), error: RpcErrorObject, session: Type.Optional(Type.Unknown()) },
  { $id: "RpcErrorResponse" },
);
export type RpcErrorResponse = Static<typeof RpcErrorResponse>;

export const RpcResponse = Type.Union([RpcErrorResponse, RpcSuccessResponse], { $id: "RpcResponse" });
export type RpcResponse = Static<typeof RpcResponse>;

export const RpcLiveAction = Type.Union(
  [Type.Literal("CREATE"), Type.Literal("UPDATE"), Type.Literal("DELETE"), Type.Literal("KILLED")],
  { $id: "RpcLiveAction" },
);
export type RpcLiveAction = Static<typeof RpcLiveAction>;

/**
 * One live-query change (reference section 7): `id` the live query's UUID, `record` the record id
 * (NONE for KILLED), `result` the record or, in DIFF mode, JSON Patch operations.
 */
export const RpcLiveMessage = Type.Object(
  {
    id: Type.Unknown(),
    action: RpcLiveAction,
    record: Type.Unknown(),
    result: Type.Unknown(),
    session: Type.Optional(Type.Unknown()),
  },
  { $id: "RpcLiveMessage" },
);
export type RpcLiveMessage = Static<typeof RpcLiveMessage>;

/**
 * The notification frame. It never has a top-level `id`: the JS SDK takes any frame with a string
 * `id` for a response, so no other key is allowed here.
 */
export const RpcLiveNotification = Type.Object(
  { result: RpcLiveMessage, session: Type.Optional(Type.Unknown()) },
  { $id: "RpcLiveNotification", additionalProperties: false },
);
export type RpcLiveNotification = Static<typeof RpcLiveNotification>;

/**
 * A statement's duration as SurrealDB prints it (Rust's Duration debug form, e.g. `187.091µs`);
 * the JS SDK requires exactly one number and one of these units.
 */
export const RpcQueryTime = Type.String({
  pattern: "^[0-9]+(\\.[0-9]+)?(ns|µs|μs|us|ms|s|m|h|d|w|y)$",
  $id: "RpcQueryTime",
});
export type RpcQueryTime = Static<typeof RpcQueryTime>;

/** A statement that ran. `type` is NONE, `"live"` (result = the live query UUID) or `"kill"`. */
export const RpcQueryOk = Type.Object(
  { status: Type.Literal("OK"), time: RpcQueryTime, type: Type.Unknown(), result: Type.Unknown() },
  { $id: "RpcQueryOk" },
);
export type RpcQueryOk = Static<typeof RpcQueryOk>;

/** A statement that failed: the message in `result`, a kind, optional details and cause, no code. */
export const RpcQueryErr = Type.Object(
  {
    status: Type.Literal("ERR"),
    time: RpcQueryTime,
    type: Type.Unknown(),
    result: Type.String(),
    kind: RpcErrorKind,
    details: Type.Optional(RpcErrorDetails),
    cause: Type.Optional(Type.Unknown()),
  },
  { $id: "RpcQueryErr" },
);
export type RpcQueryErr = Static<typeof RpcQueryErr>;

/** One entry of `query`'s result array, one per statement, in order. */
export const RpcQueryResult = Type.Union([RpcQueryOk, RpcQueryErr], { $id: "RpcQueryResult" });
export type RpcQueryResult = Static<typeof RpcQueryResult>;
