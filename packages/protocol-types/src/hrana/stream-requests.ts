// Requests and responses on one stream. The HTTP pipeline carries them as they are; the
// WebSocket wraps them with a `stream_id` (see ws-messages.ts). Versions gate some of them.
import { Type, type Static } from "@sinclair/typebox";
import { Int32, OptionalNullable } from "./common.js";
import { Batch, Stmt } from "./stmt.js";
import { BatchResult, DescribeResult, StmtResult } from "./result.js";

const sqlSource = { sql: OptionalNullable(Type.String()), sql_id: OptionalNullable(Int32) };

export const CloseStreamReq = Type.Object({ type: Type.Literal("close") }, { $id: "CloseStreamReq" });
export const ExecuteStreamReq = Type.Object(
  { type: Type.Literal("execute"), stmt: Stmt },
  { $id: "ExecuteStreamReq" },
);
export const BatchStreamReq = Type.Object({ type: Type.Literal("batch"), batch: Batch }, { $id: "BatchStreamReq" });
export const SequenceStreamReq = Type.Object(
  { type: Type.Literal("sequence"), ...sqlSource },
  { $id: "SequenceStreamReq" },
);
export const DescribeStreamReq = Type.Object(
  { type: Type.Literal("describe"), ...sqlSource },
  { $id: "DescribeStreamReq" },
);
export const StoreSqlStreamReq = Type.Object(
  { type: Type.Literal("store_sql"), sql_id: Int32, sql: Type.String() },
  { $id: "StoreSqlStreamReq" },
);
export const CloseSqlStreamReq = Type.Object(
  { type: Type.Literal("close_sql"), sql_id: Int32 },
  { $id: "CloseSqlStreamReq" },
);
export const GetAutocommitStreamReq = Type.Object(
  { type: Type.Literal("get_autocommit") },
  { $id: "GetAutocommitStreamReq" },
);

/** Every stream request a pipeline may carry, with the Hrana version that introduced it. */
export const StreamRequest = Type.Union(
  [
    CloseStreamReq,
    ExecuteStreamReq,
    BatchStreamReq,
    SequenceStreamReq,
    DescribeStreamReq,
    StoreSqlStreamReq,
    CloseSqlStreamReq,
    GetAutocommitStreamReq,
  ],
  { $id: "StreamRequest" },
);
export type StreamRequest = Static<typeof StreamRequest>;
export type StreamRequestType = StreamRequest["type"];

/** Responses shared by both transports (the WebSocket adds its stream and cursor responses). */
export const ExecuteResp = Type.Object({ type: Type.Literal("execute"), result: StmtResult }, { $id: "ExecuteResp" });
export const BatchResp = Type.Object({ type: Type.Literal("batch"), result: BatchResult }, { $id: "BatchResp" });
export const SequenceResp = Type.Object({ type: Type.Literal("sequence") }, { $id: "SequenceResp" });
export const DescribeResp = Type.Object(
  { type: Type.Literal("describe"), result: DescribeResult },
  { $id: "DescribeResp" },
);
export const StoreSqlResp = Type.Object({ type: Type.Literal("store_sql") }, { $id: "StoreSqlResp" });
export const CloseSqlResp = Type.Object({ type: Type.Literal("close_sql") }, { $id: "CloseSqlResp" });
export const GetAutocommitResp = Type.Object(
  { type: Type.Literal("get_autocommit"), is_autocommit: Type.Boolean() },
  { $id: "GetAutocommitResp" },
);

export const StreamResponse = Type.Union(
  [
    Type.Object({ type: Type.Literal("close") }),
    ExecuteResp,
    BatchResp,
    SequenceResp,
    DescribeResp,
    StoreSqlResp,
    CloseSqlResp,
    GetAutocommitResp,
  ],
  { $id: "StreamResponse" },
);
export type StreamResponse = Static<typeof StreamResponse>;
