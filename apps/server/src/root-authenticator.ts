// The Hrana side of the root user: the same RootAuthority that RPC `signin` and `authenticate`
// use, so one signin serves both protocols and both accept exactly the same passwords and tokens.
// A Hrana client sends either `Authorization: Basic base64(user:pass)`, a bearer / hello `jwt` of
// `user:pass` (what @libsql/client sends as `authToken`), or a bearer RPC root token (a JWT, which
// has no `:`).
import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import type { Authenticator } from "@baton/server-node";
import type { RootAuthority } from "@baton/session-core";

export function rootAuthenticator(options: { authority: RootAuthority }): Authenticator {
  const { authority } = options;
  const checkPassword = async (user: string, pass: string) => {
    let verified: boolean;
    try {
      verified = await authority.verifyPassword(user, pass);
    } catch (error) {
      // Too many checks already waiting: refused like wrong credentials, saying why.
      throw new GatewayError("AUTH_CREDENTIALS_INVALID", error instanceof Error ? error.message : "Invalid credentials", { cause: error });
    }
    if (!verified) throw new GatewayError("AUTH_CREDENTIALS_INVALID", "Invalid credentials");
  };
  return async (credential) => {
    if (credential === null) {
      throw new GatewayError("AUTH_HEADER_NOT_FOUND", "Authentication required: send the server's credentials");
    }
    if (credential.scheme === "basic") return checkPassword(credential.user, credential.password);
    const colon = credential.token.indexOf(":");
    if (colon >= 0) return checkPassword(credential.token.slice(0, colon), credential.token.slice(colon + 1));
    try {
      await authority.verifyToken(credential.token);
    } catch (error) {
      const reason = error instanceof RpcError ? (error.details?.details as { kind?: unknown } | undefined)?.kind : undefined;
      const expired = reason === "TokenExpired";
      throw expired
        ? new GatewayError("AUTH_JWT_EXPIRED", "The token has expired")
        : new GatewayError("AUTH_JWT_INVALID", "Invalid token", { cause: error });
    }
  };
}
