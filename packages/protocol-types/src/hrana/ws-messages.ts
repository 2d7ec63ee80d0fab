// Hrana over WebSocket: client and server messages, and the requests a `request` message carries.
import { Type, type Static } from "@sinclair/typebox";
import { Int32, OptionalNullable, Uint32 } from "./common.js";
import { HranaError } from "./error.js";
import { CursorEntry } from "./result.js";
import {
  BatchResp,
  CloseSqlResp,
  DescribeResp,
  ExecuteResp,
  GetAutocommitResp,
  SequenceResp,
  StoreSqlResp,
} from "./stream-requests.js";
import { Batch, Stmt } from "./stmt.js";

const sqlSource = { sql: OptionalNullable(Type.String()), sql_id: OptionalNullable(Int32) };

export const OpenStreamReq = Type.Object(
  { type: Type.Literal("open_stream"), stream_id: Int32 },
  { $id: "OpenStreamReq" },
);
export const CloseStreamWsReq = Type.Object(
  { type: Type.Literal("close_stream"), stream_id: Int32 },
  { $id: "CloseStreamWsReq" },
);
export const ExecuteReq = Type.Object(
  { type: Type.Literal("execute"), stream_id: Int32, stmt: Stmt },
  { $id: "ExecuteReq" },
);
export const BatchReq = Type.Object(
  { type: Type.Literal("batch"), stream_id: Int32, batch: Batch },
  { $id: "BatchReq" },
);
export const SequenceReq = Type.Object(
  { type: Type.Literal("sequence"), stream_id: Int32, ...sqlSource },
  { $id: "SequenceReq" },
);
export const DescribeReq = Type.Object(
  { type: Type.Literal("describe"), stream_id: Int32, ...sqlSource },
  { $id: "DescribeReq" },
);
export const StoreSqlReq = Type.Object(
  { type: Type.Literal("store_sql"), sql_id: Int32, sql: Type.String() },
  { $id: "StoreSqlReq" },
);
export const CloseSqlReq = Type.Object({ type: Type.Literal("close_sql"), sql_id: Int32 }, { $id: "CloseSqlReq" });
export const OpenCursorReq = Type.Object(
  { type: Type.Literal("open_cursor"), stream_id: Int32, cursor_id: Int32, batch: Batch },
  { $id: "OpenCursorReq" },
);
export const FetchCursorReq = Type.Object(
  { type: Type.Literal("fetch_cursor"), cursor_id: Int32, max_count: Uint32 },
  { $id: "FetchCursorReq" },
);
export const CloseCursorReq = Type.Object(
  { type: Type.Literal("close_cursor"), cursor_id: Int32 },
  { $id: "CloseCursorReq" },
);
export const GetAutocommitReq = Type.Object(
  { type: Type.Literal("get_autocommit"), stream_id: Int32 },
  { $id: "GetAutocommitReq" },
);

export const Request = Type.Union(
  [
    OpenStreamReq,
    CloseStreamWsReq,
    ExecuteReq,
    BatchReq,
    SequenceReq,
    DescribeReq,
    StoreSqlReq,
    CloseSqlReq,
    OpenCursorReq,
    FetchCursorReq,
    CloseCursorReq,
    GetAutocommitReq,
  ],
  { $id: "Request" },
);
export type Request = Static<typeof Request>;
export type RequestType = Request["type"];

export const Response = Type.Union(
  [
    Type.Object({ type: Type.Literal("open_stream") }),
    Type.Object({ type: Type.Literal("close_stream") }),
    ExecuteResp,
    BatchResp,
    SequenceResp,
    DescribeResp,
    StoreSqlResp,
    CloseSqlResp,
    Type.Object({ type: Type.Literal("open_cursor") }),
    Type.Object({ type: Type.Literal("fetch_cursor"), entries: Type.Array(CursorEntry), done: Type.Boolean() }),
    Type.Object({ type: Type.Literal("close_cursor") }),
    GetAutocommitResp,
  ],
  { $id: "Response" },
);
export type Response = Static<typeof Response>;

export const HelloMsg = Type.Object(
  { type: Type.Literal("hello"), jwt: OptionalNullable(Type.String()) },
  { $id: "HelloMsg" },
);
export type HelloMsg = Static<typeof HelloMsg>;

/** The envelope of a request message; `request` is validated by its own `type` afterwards. */
export const RequestMsg = Type.Object(
  { type: Type.Literal("request"), request_id: Int32, request: Type.Object({ type: Type.String() }) },
  { $id: "RequestMsg" },
);
export type RequestMsg = Static<typeof RequestMsg>;

export const ClientMsg = Type.Union([HelloMsg, RequestMsg], { $id: "ClientMsg" });
export type ClientMsg = Static<typeof ClientMsg>;

export const ServerMsg = Type.Union(
  [
    Type.Object({ type: Type.Literal("hello_ok") }),
    Type.Object({ type: Type.Literal("hello_error"), error: HranaError }),
    Type.Object({ type: Type.Literal("response_ok"), request_id: Int32, response: Response }),
    Type.Object({ type: Type.Literal("response_error"), request_id: Int32, error: HranaError }),
  ],
  { $id: "ServerMsg" },
);
export type ServerMsg = Static<typeof ServerMsg>;

/**
 * The simplified WebSocket framing of the `/database/api/ws` route: one implicit stream per
 * socket, `{request_id, request}` in, `{request_id, response}` out (`response` is a StreamResult).
 */
export const LegacyWsRequest = Type.Object(
  { request_id: Type.Union([Type.Integer(), Type.String({ maxLength: 128 })]), request: Type.Object({ type: Type.String() }) },
  { $id: "LegacyWsRequest" },
);
export type LegacyWsRequest = Static<typeof LegacyWsRequest>;
