// Bodies of Hrana over HTTP: the v2/v3 pipeline and the v3 cursor endpoint.
import { Type, type Static } from "@sinclair/typebox";
import { HranaError } from "./error.js";
import { Batch } from "./stmt.js";
import { StreamResponse } from "./stream-requests.js";

const Baton = Type.Optional(Type.Union([Type.String({ maxLength: 512 }), Type.Null()]));

/**
 * The pipeline envelope. Requests are validated one by one after the envelope (decode the
 * `type` tag first, then the variant), so one bad request does not hide the others' results.
 */
export const PipelineReqBody = Type.Object(
  { baton: Baton, requests: Type.Array(Type.Unknown()) },
  { $id: "PipelineReqBody" },
);
export type PipelineReqBody = Static<typeof PipelineReqBody>;

export const StreamResult = Type.Union(
  [
    Type.Object({ type: Type.Literal("ok"), response: StreamResponse }),
    Type.Object({ type: Type.Literal("error"), error: HranaError }),
  ],
  { $id: "StreamResult" },
);
export type StreamResult = Static<typeof StreamResult>;

export const PipelineRespBody = Type.Object(
  {
    baton: Type.Union([Type.String(), Type.Null()]),
    base_url: Type.Union([Type.String(), Type.Null()]),
    results: Type.Array(StreamResult),
  },
  { $id: "PipelineRespBody" },
);
export type PipelineRespBody = Static<typeof PipelineRespBody>;

export const CursorReqBody = Type.Object({ baton: Baton, batch: Batch }, { $id: "CursorReqBody" });
export type CursorReqBody = Static<typeof CursorReqBody>;

export const CursorRespBody = Type.Object(
  { baton: Type.Union([Type.String(), Type.Null()]), base_url: Type.Union([Type.String(), Type.Null()]) },
  { $id: "CursorRespBody" },
);
export type CursorRespBody = Static<typeof CursorRespBody>;

/** Whole-request failures over HTTP (4xx/5xx) carry this body with `Content-Type: application/json`. */
export const HttpErrorBody = HranaError;
