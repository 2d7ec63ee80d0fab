// Protocol state without sockets or drivers: HTTP streams and batons, ordered execution,
// stored SQL texts, SurrealDB RPC sessions, attached sessions, root credentials and tokens.
export { AttachedSessionRegistry, type AttachedSessionRegistryOptions } from "./attached-session-registry.js";
export { BatonSigner, type BatonClaims } from "./baton-signer.js";
export { HttpStreamRegistry, type HttpStreamLease, type HttpStreamRegistryOptions } from "./http-stream-registry.js";
export { IdleRegistry, type IdleRegistryOptions } from "./idle-registry.js";
export { RootAuthority, type RootAuthorityOptions } from "./root-authority.js";
export { RootCredentials, type VerifyLimits } from "./root-credentials.js";
export { RpcSession, type RootAuth, type RpcAuth, type RpcSelection, type RpcSessionOptions, type VariableLimits } from "./rpc-session.js";
export { estimateSize } from "./value-size.js";
export { SerialQueue } from "./serial-queue.js";
export { SqlStore, type SqlStoreLimits } from "./sql-store.js";
export { TokenIssuer, type TokenIssuerOptions, type VerifiedToken } from "./token-issuer.js";
