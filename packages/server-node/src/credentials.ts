// Credentials as they arrive: an `Authorization` header over HTTP, a hello's `jwt` over WebSocket.
import { GatewayError } from "@baton/protocol-types";

export type Credential =
  | { readonly scheme: "bearer"; readonly token: string }
  | { readonly scheme: "basic"; readonly user: string; readonly password: string };

/**
 * Decides whether a credential (or its absence) may use the server; throws (or rejects with)
 * AUTH_* to refuse. A decision that needs no waiting may be given at once.
 */
export type Authenticator = (credential: Credential | null) => void | Promise<void>;

export const allowAnyone: Authenticator = () => undefined;

/** Parses an `Authorization` header; the scheme is case-insensitive. */
export function parseAuthorization(header: string | undefined): Credential | null {
  if (header === undefined || header === "") return null;
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? "" : header.slice(space + 1).trim();
  if (scheme === "bearer" && value !== "") return { scheme: "bearer", token: value };
  if (scheme === "basic" && value !== "") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0) return { scheme: "basic", user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  throw new GatewayError("AUTH_HEADER_MALFORMED", "The Authorization header must be `Bearer <token>` or `Basic <base64(user:password)>`");
}
