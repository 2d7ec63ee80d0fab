// A connection's defaults from its HTTP headers (`Surreal-NS`, `Surreal-DB`, `Authorization`;
// reference sections 1.1, 1.2 and 9): the default session of a WebSocket, or the session of an
// HTTP request that names none. Bad credentials are refused before any RPC runs (401).
import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RootAuthority, RpcAuth } from "@baton/session-core";

export type RpcCredential = { scheme: "bearer"; token: string } | { scheme: "basic"; user: string; password: string };

export interface ConnectionDefaults {
  namespace?: string;
  database?: string;
  credential: RpcCredential | null;
}

/** Defaults whose credential was checked: the identity sessions built from them start with. */
export interface ResolvedDefaults {
  readonly namespace?: string | undefined;
  readonly database?: string | undefined;
  readonly auth: RpcAuth | undefined;
}

/** Checks the credential of `defaults`; throws GatewayError AUTH_* (401) when it does not hold. */
export async function resolveDefaults(options: {
  defaults: ConnectionDefaults;
  authority: RootAuthority;
}): Promise<ResolvedDefaults> {
  const { defaults, authority } = options;
  const base = { namespace: defaults.namespace, database: defaults.namespace === undefined ? undefined : defaults.database };
  const credential = defaults.credential;
  if (credential === null) return { ...base, auth: undefined };
  if (credential.scheme === "basic") {
    // With auth off there is nobody to check against: every session acts as root anyway.
    let verified: boolean;
    try {
      verified = await authority.verifyPassword(credential.user, credential.password);
    } catch (error) {
      // Too many checks waiting: refused like wrong credentials, with the reason as the text.
      throw new GatewayError("AUTH_CREDENTIALS_INVALID", error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (!verified) throw new GatewayError("AUTH_CREDENTIALS_INVALID", "There was a problem with authentication");
    return { ...base, auth: { kind: "root", user: credential.user } };
  }
  try {
    const verified = await authority.verifyToken(credential.token);
    return { ...base, auth: { kind: "root", user: verified.user, token: credential.token, expiresAt: verified.expiresAt } };
  } catch (error) {
    if (error instanceof RpcError && error.message === RpcError.tokenExpired().message) {
      throw new GatewayError("AUTH_JWT_EXPIRED", "The token has expired", { cause: error });
    }
    throw new GatewayError("AUTH_JWT_INVALID", "There was a problem with authentication", { cause: error });
  }
}

/**
 * Who owns the attached HTTP sessions a request may reach: the identity its own headers verified
 * as. With auth off every request is root and all share the owner "". With auth on, a request
 * without credentials has no owner (undefined) and reaches no attached session at all.
 */
export function ownerOf(options: { auth: RpcAuth | undefined; authRequired: boolean }): string | undefined {
  if (!options.authRequired) return "";
  return options.auth?.user;
}
