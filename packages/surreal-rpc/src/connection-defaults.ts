// A connection's defaults from its HTTP headers (`Surreal-NS`, `Surreal-DB`, `Authorization`;
// reference sections 1.1, 1.2 and 9): the default session of a WebSocket, or the session of an
// HTTP request that names none. Bad credentials are refused before any RPC runs (401).
import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RootCredentials, RpcAuth, TokenIssuer } from "@baton/session-core";

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
  credentials: RootCredentials | undefined;
  tokens: TokenIssuer;
}): Promise<ResolvedDefaults> {
  const { defaults, credentials, tokens } = options;
  const base = { namespace: defaults.namespace, database: defaults.namespace === undefined ? undefined : defaults.database };
  const credential = defaults.credential;
  if (credential === null) return { ...base, auth: undefined };
  if (credential.scheme === "basic") {
    // With auth off there is nobody to check against: every session acts as root anyway.
    if (credentials !== undefined && !(await credentials.verify(credential.user, credential.password))) {
      throw new GatewayError("AUTH_CREDENTIALS_INVALID", "There was a problem with authentication");
    }
    return { ...base, auth: { kind: "root", user: credential.user } };
  }
  try {
    const verified = await tokens.verify(credential.token);
    return { ...base, auth: { kind: "root", user: verified.user, token: credential.token, expiresAt: verified.expiresAt } };
  } catch (error) {
    if (error instanceof RpcError && error.message === RpcError.tokenExpired().message) {
      throw new GatewayError("AUTH_JWT_EXPIRED", "The token has expired", { cause: error });
    }
    throw new GatewayError("AUTH_JWT_INVALID", "There was a problem with authentication", { cause: error });
  }
}

/** The owner of attached HTTP sessions: the authenticated user, or "" for anonymous requests. */
export function ownerOf(auth: RpcAuth | undefined): string {
  return auth?.user ?? "";
}
