// Protocol state without sockets or drivers: HTTP streams and batons, ordered execution,
// stored SQL texts.
export { BatonSigner, type BatonClaims } from "./baton-signer.js";
export { HttpStreamRegistry, type HttpStreamLease, type HttpStreamRegistryOptions } from "./http-stream-registry.js";
export { SerialQueue } from "./serial-queue.js";
export { SqlStore, type SqlStoreLimits } from "./sql-store.js";
