// Dispatches a call to its handler: one entry per method SurrealDB 3 knows, so a new method name
// in protocol-types fails the type-check until it is handled here. The params are checked first.
import { NONE } from "@baton/codecs";
import { checkParams, RpcError, uuidText, type RpcMethodName, type RpcParams } from "@baton/protocol-types/rpc";
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

type Handler<M extends RpcMethodName> = (call: RpcCall<M>) => Promise<unknown>;

/**
 * One handler per method, built once (a matcher built per call cost several microseconds of
 * every call); the table's type makes a missing method a type error.
 */
const handlers: { readonly [M in RpcMethodName]: Handler<M> } = {
  ping: async () => NONE,
  version: async (c) => c.scope.settings.version,
  info: async (c) => info(c),
  use: async (c) => useSelection(c),
  let: async (c) => setVariable(c),
  set: async (c) => setVariable(c),
  unset: async (c) => unsetVariable(c),
  reset: async (c) => {
    c.session.reset();
    return NONE;
  },
  signin,
  authenticate,
  invalidate: async (c) => invalidate(c),
  signup: async (c) => recordAccessNotSupported(c),
  refresh: async (c) => recordAccessNotSupported(c),
  revoke: async (c) => recordAccessNotSupported(c),
  attach: async (c) => {
    if (c.sessionId === undefined) throw RpcError.invalidParams("Expected a session ID");
    c.scope.attach(c.sessionId);
    return NONE;
  },
  detach: async (c) => {
    if (c.sessionId === undefined) throw RpcError.invalidParams("Expected a session ID");
    c.scope.detach(c.sessionId);
    return NONE;
  },
  sessions: async (c) => c.scope.sessions(),
  select: (c) => onRecords(c, selectRecords),
  create: (c) => onRecords(c, createRecords),
  insert: (c) => onRecords(c, (records) => insertRecords(records, { relation: false })),
  insert_relation: (c) => onRecords(c, (records) => insertRecords(records, { relation: true })),
  update: (c) => onRecords(c, (records) => updateRecords(records, { upsert: false })),
  upsert: (c) => onRecords(c, (records) => updateRecords(records, { upsert: true })),
  merge: (c) => onRecords(c, mergeRecords),
  patch: (c) => onRecords(c, patchRecords),
  delete: (c) => onRecords(c, deleteRecords),
  relate: (c) => onRecords(c, relateRecords),
  run: runFunctionMethod,
  begin: (c) => c.scope.begin({ tenant: selectedTenant(c), session: c.session }),
  commit: async (c) => {
    await c.scope.commit(transactionId(c), c.session);
    return NONE;
  },
  cancel: async (c) => {
    await c.scope.cancel(transactionId(c), c.session);
    return NONE;
  },
  query: runQuery,
  // Live queries need change notifications from the record store, which it does not emit yet.
  live: async () => {
    throw RpcError.liveNotSupported();
  },
  kill: async () => {
    throw RpcError.liveNotSupported();
  },
};

/**
 * Runs a call: its params are checked against its method's schema first (`checkParams`,
 * SurrealDB's InvalidParams messages), and the handler gets the call typed by that schema.
 */
export function dispatchMethod(call: UncheckedRpcCall): Promise<unknown> {
  const method = call.method;
  // TypeScript cannot correlate the entry with the method's own params; the table's type does.
  const handler = handlers[method] as Handler<RpcMethodName>;
  return handler({ ...call, method, params: checkParams(method, call.params) });
}
