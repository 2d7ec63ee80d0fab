// Decodes requests by their `type` tag first, then validates that variant with its compiled
// validator, and gates requests by the Hrana version the peer negotiated.
import { GatewayError, validatorFor, type Validator } from "@baton/protocol-types";
import {
  BatchReq,
  BatchStreamReq,
  CloseCursorReq,
  CloseSqlReq,
  CloseSqlStreamReq,
  CloseStreamReq,
  CloseStreamWsReq,
  DescribeReq,
  DescribeStreamReq,
  ExecuteReq,
  ExecuteStreamReq,
  FetchCursorReq,
  GetAutocommitReq,
  GetAutocommitStreamReq,
  OpenCursorReq,
  OpenStreamReq,
  SequenceReq,
  SequenceStreamReq,
  StoreSqlReq,
  StoreSqlStreamReq,
  type Request,
  type RequestType,
  type StreamRequest,
  type StreamRequestType,
} from "@baton/protocol-types/hrana";

export type HranaVersion = 1 | 2 | 3;

interface Variant<T> {
  readonly validator: Validator<T>;
  readonly since: HranaVersion;
}

type Variants<U extends { type: string }> = { readonly [K in U["type"]]: Variant<Extract<U, { type: K }>> };

const variant = <T>(schema: Parameters<typeof validatorFor>[0], since: HranaVersion): Variant<T> => ({
  validator: validatorFor(schema) as Validator<T>,
  since,
});

/** Stream requests of the HTTP pipeline (HTTP starts at Hrana 2). */
const streamRequests: Variants<StreamRequest> = {
  close: variant(CloseStreamReq, 2),
  execute: variant(ExecuteStreamReq, 2),
  batch: variant(BatchStreamReq, 2),
  sequence: variant(SequenceStreamReq, 2),
  describe: variant(DescribeStreamReq, 2),
  store_sql: variant(StoreSqlStreamReq, 2),
  close_sql: variant(CloseSqlStreamReq, 2),
  get_autocommit: variant(GetAutocommitStreamReq, 3),
};

/** Requests carried by WebSocket `request` messages. */
const wsRequests: Variants<Request> = {
  open_stream: variant(OpenStreamReq, 1),
  close_stream: variant(CloseStreamWsReq, 1),
  execute: variant(ExecuteReq, 1),
  batch: variant(BatchReq, 1),
  sequence: variant(SequenceReq, 2),
  describe: variant(DescribeReq, 2),
  store_sql: variant(StoreSqlReq, 2),
  close_sql: variant(CloseSqlReq, 2),
  open_cursor: variant(OpenCursorReq, 3),
  fetch_cursor: variant(FetchCursorReq, 3),
  close_cursor: variant(CloseCursorReq, 3),
  get_autocommit: variant(GetAutocommitReq, 3),
};

function decode<T>(options: { raw: unknown; table: Record<string, Variant<unknown>>; version: HranaVersion }): T {
  const { raw, table, version } = options;
  const type = typeof raw === "object" && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== "string") {
    throw new GatewayError("PROTOCOL_ERROR", "A request must be an object with a string `type`");
  }
  const found = Object.hasOwn(table, type) ? table[type] : undefined;
  if (found === undefined) throw new GatewayError("UNKNOWN_REQUEST", `Unknown request type ${JSON.stringify(type)}`);
  if (found.since > version) {
    throw new GatewayError(
      "VERSION_MISMATCH",
      `The ${type} request needs Hrana ${found.since}; this connection speaks Hrana ${version}`,
    );
  }
  if (!found.validator.check(raw)) {
    throw new GatewayError("PROTOCOL_ERROR", `Invalid ${type} request: ${found.validator.explain(raw)}`);
  }
  return raw as T;
}

export function decodeStreamRequest(raw: unknown, version: HranaVersion): StreamRequest {
  return decode<StreamRequest>({ raw, table: streamRequests, version });
}

export function decodeWsRequest(raw: unknown, version: HranaVersion): Request {
  return decode<Request>({ raw, table: wsRequests, version });
}

export type { RequestType, StreamRequestType };
