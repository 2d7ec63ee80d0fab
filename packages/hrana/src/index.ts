// The Hrana protocol handler: HTTP pipelines and cursors, WebSocket sessions, batches and
// conditions, over session-core's streams and an adapter's executor.
export { HranaService, type HranaServiceOptions } from "./hrana-service.js";
export type { HttpRequestInfo, PipelineHandler } from "./pipeline-handler.js";
export { CloseCode, HranaWsConnection, type HelloAuthenticator, type WsLimits, type WsPeer } from "./ws-connection.js";
export { LegacyWsConnection, type LegacyWsReply } from "./legacy-ws-connection.js";
export type { HranaVersion } from "./request-decoder.js";
