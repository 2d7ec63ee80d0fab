// The steps every request takes, on either transport (SurrealDB 3's order, core/src/rpc): known
// method, transport support, session, permission, parameters, then the method itself.
import {
  checkParams,
  isRpcMethodName,
  RPC_METHODS,
  RpcError,
  type ParsedRpcRequest,
} from "@baton/protocol-types/rpc";
import { checkAllowed } from "./auth-gate.js";
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
  const spec = RPC_METHODS[method];
  if (scope.transport === "http" && spec.overHttp === "method-not-found") throw RpcError.methodNotFound();
  if (scope.transport === "http" && spec.overHttp === "live-not-supported") throw RpcError.liveNotSupported();
  if (spec.needsSession === true && request.session === undefined) throw RpcError.invalidParams(spec.invalidMessage);
  // `attach` names a session that does not exist yet; it runs on a throwaway one.
  const session = method === "attach" ? new RpcSession() : options.session(request.session);
  checkAllowed({
    method,
    auth: session.auth,
    authRequired: scope.settings.credentials !== undefined,
    now: scope.settings.now(),
  });
  const params = checkParams(method, request.params);
  return dispatchMethod({ method, params, session, sessionId: request.session, txn: request.txn, scope });
}
