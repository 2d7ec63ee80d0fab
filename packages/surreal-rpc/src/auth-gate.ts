// Who may call what. With root credentials configured, a session that has not signed in may only
// manage itself (reference section 3.1/3.2); everything else is refused the way SurrealDB refuses
// a guest when guest access is off: -32602 NotAllowed "Method not allowed". A session whose token
// has expired is refused with NotAllowed/Auth/TokenExpired until it signs in again, so clients
// run their renewal path (reference sections 8.3 and 13).
import type { RpcMethodName } from "@baton/protocol-types/rpc";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RpcAuth } from "@baton/session-core";

/** Methods a session may call before it signs in. */
const OPEN_METHODS: ReadonlySet<RpcMethodName> = new Set<RpcMethodName>([
  "ping",
  "version",
  "use",
  "signin",
  "signup",
  "authenticate",
  "refresh",
  "revoke",
  "let",
  "set",
  "unset",
  "reset",
  "invalidate",
  "attach",
  "detach",
  "sessions",
]);

/** Throws unless a session signed in as `auth` may call `method`. `authRequired` is false when auth is off. */
export function checkAllowed(options: { method: RpcMethodName; auth: RpcAuth | undefined; authRequired: boolean; now?: number }): void {
  const { method, auth, authRequired } = options;
  if (!authRequired || OPEN_METHODS.has(method)) return;
  if (auth === undefined) throw RpcError.methodNotAllowed(method);
  if (auth.expiresAt !== undefined && auth.expiresAt <= (options.now ?? Date.now())) throw RpcError.tokenExpired();
}
