// @baton/client-sdk: the client side of Baton's protocols (SurrealDB RPC over WebSocket and HTTP).
export { RpcClient, type CallOptions, type RpcClientOptions } from "./rpc-client.js";
export { RpcClientError, RpcConnectionError, type RpcClientErrorDetails } from "./rpc-client-error.js";
export type { RpcFormat } from "./rpc-format.js";
export type { RpcClientEvent } from "./rpc-transport.js";
export { IdAllocator } from "./id-allocator.js";
