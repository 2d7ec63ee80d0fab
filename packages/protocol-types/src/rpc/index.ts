// SurrealDB RPC: errors, and (generated from TypeBox) the envelope and every method's params.
export * from "./rpc-errors.js";
