// The steps every request takes, on either transport (SurrealDB 3's order, core/src/rpc): known
// method, transport support, session, permission, parameters, then the method itself.
import {
  isRpcMethodName,
  RPC_METHODS,
  RpcError,
  type ParsedRpcRequest,
  type RpcMethodName,
  type RpcMethodSpec,
} from "@baton/protocol-types/rpc";
import { isPlainObject } from "@baton/protocol-types/rpc";
import { checkAllowed } from "./auth-gate.js";
import { resolveRecordIdText } from "./record-id-text.js";
import { dispatchMethod } from "./method-dispatcher.js";
import type { RpcScope } from "./rpc-call.js";
import { RpcSession } from "@baton/session-core";

/** Runs one parsed request; resolves to its result, rejects with what to answer. */
export async function executeRequest(options: {
  request: ParsedRpcRequest;
  scope: RpcScope;
  /** The session a request names (undefined: the default one); throws NotFound/Session. */
  session: (id: string | undefined) => RpcSession;
}): Promise<unknown> {
  const { request, scope } = options;
  if (!isRpcMethodName(request.method)) throw RpcError.methodNotFound();
  const method = request.method;
  const spec: RpcMethodSpec = RPC_METHODS[method];
  if (scope.transport === "http" && spec.overHttp === "method-not-found") throw RpcError.methodNotFound();
  if (scope.transport === "http" && spec.overHttp === "live-not-supported") throw RpcError.liveNotSupported();
  if (spec.needsSession === true && request.session === undefined) throw RpcError.invalidParams(spec.invalidMessage);
  // `attach` names a session that does not exist yet; it runs on a throwaway one.
  const session = method === "attach" ? new RpcSession() : options.session(request.session);
  checkAllowed({
    method,
    auth: session.auth,
    authRequired: scope.settings.authority.required,
    now: scope.settings.now(),
  });
  const { params, vars } = splitRequestVars(method, resolveRecordIdText(request.params) as readonly unknown[]);
  const variables = new Map([...session.variables, ...Object.entries(vars)]);
  // The parameters are checked against the method's schema as the call is dispatched.
  return dispatchMethod({ method, params, variables, session, sessionId: request.session, txn: request.txn, scope });
}

/**
 * The most parameters each method takes before an optional request-level `vars` object. SurrealDB's
 * RPC docs let `query`, `select`, `insert`, `create`, `upsert`, `update`, `relate` and `delete`
 * take one more object whose variables hold for that call only, over the session's.
 */
const VARS_AFTER: Partial<Record<RpcMethodName, number>> = {
  select: 1,
  delete: 1,
  create: 2,
  upsert: 2,
  update: 2,
  insert: 2,
  relate: 4,
};

/** Separates a trailing request-level `vars` object from a method's own parameters. */
export function splitRequestVars(method: RpcMethodName, params: readonly unknown[]): { params: readonly unknown[]; vars: Record<string, unknown> } {
  const arity = VARS_AFTER[method];
  const last = params.at(-1);
  if (arity === undefined || params.length !== arity + 1 || !isPlainObject(last)) return { params, vars: {} };
  return { params: params.slice(0, arity), vars: last };
}
