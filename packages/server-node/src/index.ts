// node:http and ws bindings for Baton's protocols.
export { BatonServer, type BatonServerOptions, type Logger, type RpcServerOptions } from "./baton-server.js";
export { allowAnyone, parseAuthorization, type Authenticator, type Credential } from "./credentials.js";
export { userPassAuthenticator } from "./user-pass-authenticator.js";
