// Wire encodings shared by Baton's server and clients.
export type { Codec } from "./codec.js";
export { jsonCodec } from "./json-codec.js";
export { valueFromWire, valueToWire } from "./hrana-json-values.js";
export { encodeHranaJson, HranaStmtResult, type ExecutedStatement } from "./hrana-result-json.js";
export { encodePipelineResponse, encodeServerMsg } from "./hrana-message-json.js";
export { surrealCborCodec } from "./surreal-cbor-codec.js";
export { SurrealTag } from "./surreal-cbor-tags.js";
export { SURREAL_JSON_MAX_DEPTH, encodeSurrealJson, surrealJsonCodec } from "./surreal-json-codec.js";
export { formatDatetime, formatRecordId, formatValue } from "./surreal-literal-format.js";
export { parseRecordId, parseValue } from "./surreal-literal-parser.js";
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
  isGeometry,
  type Geometry,
  type None,
  type RangeBound,
  type RecordIdKey,
} from "./surreal-values.js";
