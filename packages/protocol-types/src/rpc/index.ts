// SurrealDB RPC: the request envelope, every method's params, response and notification frames,
// query results and errors, as TypeBox schemas with generated validators.
export * from "./rpc-errors.js";
export * from "./rpc-method-name.js";
export * from "./rpc-methods.js";
export * from "./rpc-request.js";
export * from "./rpc-response.js";
export * from "./rpc-values.js";
