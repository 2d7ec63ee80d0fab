// Dispatches a call to its handler: one arm per method SurrealDB 3 knows, so a new method name in
// protocol-types fails the type-check until it is handled here. Each arm checks the params first.
import { NONE } from "@baton/codecs";
import { checkParams, RpcError, uuidText, type RpcMethodName, type RpcParams } from "@baton/protocol-types/rpc";
import { match } from "ts-pattern";
import { authenticate, info, invalidate, recordAccessNotSupported, signin } from "./auth-methods.js";
import type { RpcCall, UncheckedRpcCall } from "./rpc-call.js";
import {
  createRecords,
  deleteRecords,
  insertRecords,
  mergeRecords,
  patchRecords,
  relateRecords,
  selectRecords,
  updateRecords,
  type RecordCall,
} from "./record-methods.js";
import { queryHost, runQuery } from "./query-method.js";
import { runFunctionMethod } from "./run-method.js";
import { selectedTenant, setVariable, unsetVariable, useSelection } from "./session-methods.js";

/** Runs a record method on the session's tenant (inside the call's transaction, if any). */
function onRecords<M extends RpcMethodName>(call: RpcCall<M>, work: (records: RecordCall<RpcParams<M>>) => Promise<unknown>): Promise<unknown> {
  const tenant = selectedTenant(call);
  // `select` only reads: its own transaction takes no write lock, so readers never queue behind writers.
  const readOnly = call.method === "select";
  return call.scope.withStore({ tenant, txn: call.txn, session: call.session, readOnly }, (store) =>
    work({ store, params: call.params, variables: call.variables, host: queryHost(call) }),
  );
}

/** The transaction UUID `commit`/`cancel` name: their last parameter (checked by checkParams). */
function transactionId(call: RpcCall<"commit" | "cancel">): string {
  const id = uuidText(call.params.at(-1));
  if (id === undefined) throw RpcError.invalidParams("Expected transaction UUID");
  return id;
}

/**
 * Runs a call: each arm checks the params against its method's schema (`checkParams`, SurrealDB's
 * InvalidParams messages) and hands the handler the call typed by that schema.
 */
export function dispatchMethod(call: UncheckedRpcCall): Promise<unknown> {
  const on = <M extends RpcMethodName, R>(method: M, handler: (checked: RpcCall<M>) => R): R =>
    handler({ ...call, method, params: checkParams(method, call.params) });
  return match(call.method)
    .with("ping", (m) => on(m, async () => NONE))
    .with("version", (m) => on(m, async (c) => c.scope.settings.version))
    .with("info", (m) => on(m, async (c) => info(c)))
    .with("use", (m) => on(m, async (c) => useSelection(c)))
    .with("let", "set", (m) => on(m, async (c) => setVariable(c)))
    .with("unset", (m) => on(m, async (c) => unsetVariable(c)))
    .with("reset", (m) =>
      on(m, async (c) => {
        c.session.reset();
        return NONE;
      }),
    )
    .with("signin", (m) => on(m, signin))
    .with("authenticate", (m) => on(m, authenticate))
    .with("invalidate", (m) => on(m, async (c) => invalidate(c)))
    .with("signup", "refresh", "revoke", (m) => on(m, async (c) => recordAccessNotSupported(c)))
    .with("attach", (m) =>
      on(m, async (c) => {
        if (c.sessionId === undefined) throw RpcError.invalidParams("Expected a session ID");
        c.scope.attach(c.sessionId);
        return NONE;
      }),
    )
    .with("detach", (m) =>
      on(m, async (c) => {
        if (c.sessionId === undefined) throw RpcError.invalidParams("Expected a session ID");
        c.scope.detach(c.sessionId);
        return NONE;
      }),
    )
    .with("sessions", (m) => on(m, async (c) => c.scope.sessions()))
    .with("select", (m) => on(m, (c) => onRecords(c, selectRecords)))
    .with("create", (m) => on(m, (c) => onRecords(c, createRecords)))
    .with("insert", (m) => on(m, (c) => onRecords(c, (records) => insertRecords(records, { relation: false }))))
    .with("insert_relation", (m) => on(m, (c) => onRecords(c, (records) => insertRecords(records, { relation: true }))))
    .with("update", (m) => on(m, (c) => onRecords(c, (records) => updateRecords(records, { upsert: false }))))
    .with("upsert", (m) => on(m, (c) => onRecords(c, (records) => updateRecords(records, { upsert: true }))))
    .with("merge", (m) => on(m, (c) => onRecords(c, mergeRecords)))
    .with("patch", (m) => on(m, (c) => onRecords(c, patchRecords)))
    .with("delete", (m) => on(m, (c) => onRecords(c, deleteRecords)))
    .with("relate", (m) => on(m, (c) => onRecords(c, relateRecords)))
    .with("run", (m) => on(m, runFunctionMethod))
    .with("begin", (m) => on(m, (c) => c.scope.begin({ tenant: selectedTenant(c), session: c.session })))
    .with("commit", (m) =>
      on(m, async (c) => {
        await c.scope.commit(transactionId(c), c.session);
        return NONE;
      }),
    )
    .with("cancel", (m) =>
      on(m, async (c) => {
        await c.scope.cancel(transactionId(c), c.session);
        return NONE;
      }),
    )
    .with("query", (m) => on(m, runQuery))
    // Live queries need change notifications from the record store, which it does not emit yet.
    .with("live", "kill", (m) =>
      on(m, async () => {
        throw RpcError.liveNotSupported();
      }),
    )
    .exhaustive();
}
