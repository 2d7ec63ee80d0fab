// Who may use the server. Without --user/--pass anyone may (the embedded default listens on
// 127.0.0.1). With them, every HTTP request and every WebSocket hello must carry the credentials:
// `Authorization: Basic base64(user:pass)`, or as a bearer token / hello `jwt` (what
// @libsql/client sends as `authToken`) the string `user:pass`.
import { timingSafeEqual, createHash } from "node:crypto";
import { GatewayError } from "@baton/protocol-types";
import { allowAnyone, type Authenticator } from "./credentials.js";

/** Compares secrets in constant time (hashing first so lengths do not leak). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Requires `user:pass` on every request; with no user configured, anyone may. */
export function userPassAuthenticator(config: { user: string | undefined; pass: string | undefined }): Authenticator {
  const { user, pass } = config;
  if (user === undefined || pass === undefined) return allowAnyone;
  const expected = `${user}:${pass}`;
  return async (credential) => {
    if (credential === null) {
      throw new GatewayError("AUTH_HEADER_NOT_FOUND", "Authentication required: send the server's credentials");
    }
    const given = credential.scheme === "basic" ? `${credential.user}:${credential.password}` : credential.token;
    if (!sameSecret(given, expected)) {
      throw new GatewayError("AUTH_CREDENTIALS_INVALID", "Invalid credentials");
    }
  };
}
