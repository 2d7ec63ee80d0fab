// signin, authenticate, invalidate and info (reference sections 3.2 and 8). Baton has root users
// only, so a sign-in naming a namespace, database or access method finds nobody: InvalidAuth, as
// SurrealDB answers for a user it does not know. Record access (signup, refresh tokens) is not
// offered: those methods answer a Configuration error saying so.
import { NONE } from "@baton/codecs";
import { RpcError, type RpcParams } from "@baton/protocol-types/rpc";
import type { RpcCall } from "./rpc-call.js";

/** The auth object's keys, matched case-insensitively as SurrealDB does (`NS`/`ns`, `user`/`USER`…). */
function authKeys([object]: RpcParams<"signin">): Map<string, unknown> {
  return new Map(Object.entries(object).map(([key, value]: [string, unknown]) => [key.toLowerCase(), value]));
}

/** `signin [{user, pass}]`: a root token (JWT text); the session takes the identity. */
export async function signin(call: RpcCall<"signin">): Promise<string> {
  const keys = authKeys(call.params);
  if (keys.has("ns") || keys.has("db") || keys.has("ac")) throw RpcError.invalidAuth();
  const user = keys.get("user");
  const pass = keys.get("pass");
  if (typeof user !== "string" || typeof pass !== "string") throw RpcError.missingUserOrPass();
  const { authority } = call.scope.settings;
  // With auth off every session acts as root, so any root sign-in succeeds.
  if (!(await authority.verifyPassword(user, pass))) throw RpcError.invalidAuth();
  const token = await authority.issue(user);
  const verified = await authority.verifyToken(token);
  call.session.auth = { kind: "root", user: verified.user, token, expiresAt: verified.expiresAt };
  return token;
}

/** `authenticate [token]`: the session takes the token's identity. */
export async function authenticate(call: RpcCall<"authenticate">): Promise<typeof NONE> {
  const [token] = call.params;
  const verified = await call.scope.settings.authority.verifyToken(token);
  call.session.auth = { kind: "root", user: verified.user, token, expiresAt: verified.expiresAt };
  return NONE;
}

/** `invalidate`: the session forgets its identity. */
export function invalidate(call: RpcCall): typeof NONE {
  call.session.auth = undefined;
  return NONE;
}

/** `info`: `$auth` is a record only for record users, and Baton has root users only. */
export function info(_call: RpcCall): typeof NONE {
  return NONE;
}

/** signup, refresh and revoke: record access methods, which Baton does not offer. */
export function recordAccessNotSupported(call: RpcCall<"signup" | "refresh" | "revoke">): never {
  // SurrealDB answers a missing access method with a Configuration-side refusal; Baton words it
  // plainly so the client knows no configuration of this server will make it work.
  throw new RpcError("INTERNAL", `Baton does not support '${call.method}': only root users exist, record access methods are not available`, {
    kind: "Configuration",
    details: { kind: "NotSupported", details: { method: call.method } },
  });
}
