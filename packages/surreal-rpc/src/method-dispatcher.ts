// Dispatches a checked call to its handler: one arm per method SurrealDB 3 knows, so a new
// method name in protocol-types fails the type-check until it is handled here.
import { NONE } from "@baton/codecs";
import { RpcError, uuidText } from "@baton/protocol-types/rpc";
import { match } from "ts-pattern";
import { authenticate, info, invalidate, recordAccessNotSupported, signin } from "./auth-methods.js";
import type { RpcCall } from "./rpc-call.js";
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
import { runFunction } from "./run-method.js";
import { selectedTenant, setVariable, unsetVariable, useSelection } from "./session-methods.js";

/** Runs a record method on the session's tenant (inside the call's transaction, if any). */
function onRecords(call: RpcCall, work: (records: RecordCall) => Promise<unknown>): Promise<unknown> {
  const tenant = selectedTenant(call);
  return call.scope.withStore({ tenant, txn: call.txn, session: call.session }, (store) =>
    work({ store, params: call.params, variables: call.variables }),
  );
}

/** The transaction UUID `commit`/`cancel` name: their last parameter (checked by checkParams). */
function transactionId(call: RpcCall): string {
  const id = uuidText(call.params.at(-1));
  if (id === undefined) throw RpcError.invalidParams("Expected transaction UUID");
  return id;
}

/**
 * SurrealQL text needs Baton's SurrealQL compiler, which does not exist yet: `query` answers a
 * Configuration error (the server cannot serve it, whatever the request) rather than pretending
 * to run it. The JS SDK 2.x sends every builder through `query`, so it is refused the same way.
 */
function queryNotSupported(): never {
  throw new RpcError("INTERNAL", "Baton does not run SurrealQL text yet: use the record methods (select, create, insert, update, merge, patch, delete, relate, run)", {
    kind: "Configuration",
    details: { kind: "NotSupported", details: { method: "query" } },
  });
}

export function dispatchMethod(call: RpcCall): Promise<unknown> {
  return match(call.method)
    .with("ping", async () => NONE)
    .with("version", async () => call.scope.settings.version)
    .with("info", async () => info(call))
    .with("use", async () => useSelection(call))
    .with("let", "set", async () => setVariable(call))
    .with("unset", async () => unsetVariable(call))
    .with("reset", async () => {
      call.session.reset();
      return NONE;
    })
    .with("signin", () => signin(call))
    .with("authenticate", () => authenticate(call))
    .with("invalidate", async () => invalidate(call))
    .with("signup", "refresh", "revoke", async () => recordAccessNotSupported(call))
    .with("attach", async () => {
      if (call.sessionId === undefined) throw RpcError.invalidParams("Expected a session ID");
      call.scope.attach(call.sessionId);
      return NONE;
    })
    .with("detach", async () => {
      if (call.sessionId === undefined) throw RpcError.invalidParams("Expected a session ID");
      call.scope.detach(call.sessionId);
      return NONE;
    })
    .with("sessions", async () => call.scope.sessions())
    .with("select", () => onRecords(call, selectRecords))
    .with("create", () => onRecords(call, createRecords))
    .with("insert", () => onRecords(call, (records) => insertRecords(records, { relation: false })))
    .with("insert_relation", () => onRecords(call, (records) => insertRecords(records, { relation: true })))
    .with("update", () => onRecords(call, (records) => updateRecords(records, { upsert: false })))
    .with("upsert", () => onRecords(call, (records) => updateRecords(records, { upsert: true })))
    .with("merge", () => onRecords(call, mergeRecords))
    .with("patch", () => onRecords(call, patchRecords))
    .with("delete", () => onRecords(call, deleteRecords))
    .with("relate", () => onRecords(call, relateRecords))
    .with("run", async () => runFunction(call))
    .with("begin", () => call.scope.begin({ tenant: selectedTenant(call), session: call.session }))
    .with("commit", async () => {
      await call.scope.commit(transactionId(call), call.session);
      return NONE;
    })
    .with("cancel", async () => {
      await call.scope.cancel(transactionId(call), call.session);
      return NONE;
    })
    .with("query", async () => queryNotSupported())
    // Live queries need change notifications from the record store, which it does not emit yet.
    .with("live", "kill", async () => {
      throw RpcError.liveNotSupported();
    })
    .exhaustive();
}
