// The Hrana side of the root user: the same RootCredentials that RPC `signin` checks, and the
// tokens RPC `signin` issues, so one signin serves both protocols. A Hrana client sends either
// `Authorization: Basic base64(user:pass)`, a bearer / hello `jwt` of `user:pass` (what
// @libsql/client sends as `authToken`), or a bearer RPC root token (a JWT, which has no `:`).
import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import type { Authenticator } from "@baton/server-node";
import type { RootCredentials, TokenIssuer } from "@baton/session-core";

export function rootAuthenticator(options: { credentials: RootCredentials; tokens: TokenIssuer }): Authenticator {
  const { credentials, tokens } = options;
  const checkPassword = async (user: string, pass: string) => {
    if (!(await credentials.verify(user, pass))) throw new GatewayError("AUTH_CREDENTIALS_INVALID", "Invalid credentials");
  };
  return async (credential) => {
    if (credential === null) {
      throw new GatewayError("AUTH_HEADER_NOT_FOUND", "Authentication required: send the server's credentials");
    }
    if (credential.scheme === "basic") return checkPassword(credential.user, credential.password);
    const colon = credential.token.indexOf(":");
    if (colon >= 0) return checkPassword(credential.token.slice(0, colon), credential.token.slice(colon + 1));
    try {
      const verified = await tokens.verify(credential.token);
      if (verified.user !== credentials.user) throw RpcError.invalidAuth();
    } catch (error) {
      const reason = error instanceof RpcError ? (error.details?.details as { kind?: unknown } | undefined)?.kind : undefined;
      const expired = reason === "TokenExpired";
      throw expired
        ? new GatewayError("AUTH_JWT_EXPIRED", "The token has expired")
        : new GatewayError("AUTH_JWT_INVALID", "Invalid token", { cause: error });
    }
  };
}
