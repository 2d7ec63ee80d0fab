// @baton/client-sdk: the client side of Baton's protocols (SurrealDB RPC over WebSocket and HTTP).
export { RpcClient, type CallOptions, type RpcClientOptions } from "./rpc-client.js";
export { RpcClientError, RpcConnectionError, type RpcClientErrorDetails } from "./rpc-client-error.js";
export type { RpcFormat } from "./rpc-format.js";
export type { RpcClientEvent } from "./rpc-transport.js";
export { IdAllocator } from "./id-allocator.js";
// The SurrealDB values calls send and results hold (CBOR tags), so applications need no second import.
export {
  Datetime,
  Decimal,
  Duration,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  Range,
  RecordId,
  StringRecordId,
  Table,
  Uuid,
  formatRecordId,
  parseRecordId,
  type Geometry,
  type None,
  type RecordIdKey,
} from "@baton/codecs";
