// @baton/surreal-rpc: the SurrealDB RPC protocol handler.
export {};
