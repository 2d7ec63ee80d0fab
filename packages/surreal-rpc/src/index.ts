// @baton/surreal-rpc: the SurrealDB RPC protocol handler: sessions, auth, transactions and the
// record methods over the record store, for WebSocket and HTTP transports alike.
export { RpcService, type RpcServiceOptions } from "./rpc-service.js";
export { RpcSocket, type RpcPeer } from "./rpc-socket.js";
export type { ConnectionDefaults, ResolvedDefaults, RpcCredential } from "./connection-defaults.js";
export type { RecordStoreOpener } from "./record-access.js";
