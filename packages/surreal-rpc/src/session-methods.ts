// Methods that read or change the session itself: ping, version, use, let/set, unset, reset,
// and the selection record methods need (reference sections 3.1 and 12).
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RpcSession } from "@baton/session-core";
import type { RpcCall } from "./rpc-call.js";
import { tenantFor, validateRpcNamespace } from "./session-tenant.js";

/**
 * `use [ns, db]`: text selects, null clears, NONE keeps; two NONEs apply the connection's
 * defaults. The selection must name a Baton tenant; if it does not, the session keeps its old one.
 */
export function useSelection(call: RpcCall<"use">): { namespace: unknown; database: unknown } {
  const [ns, db] = call.params;
  return selectNamespace(call.session, { ns, db });
}

/** The selection `use` and SurrealQL's `USE NS … DB …` make, with the same rules. */
export function selectNamespace(session: RpcSession, selection: { ns: unknown; db: unknown }): { namespace: unknown; database: unknown } {
  const { ns, db } = selection;
  if (typeof ns === "string") validateRpcNamespace(ns);
  const before = session.selection();
  const { namespace, database } = session.use(ns, db);
  try {
    if (namespace !== undefined && database !== undefined) tenantFor({ namespace, database });
  } catch (error) {
    session.namespace = before.namespace;
    session.database = before.database;
    throw error;
  }
  return { namespace: namespace ?? NONE, database: database ?? NONE };
}

function namespaceEmpty(): RpcError {
  return RpcError.validation("Specify a namespace to use", { kind: "NamespaceEmpty" });
}

/** The tenant a record method runs on; SurrealDB's errors when nothing is selected. */
export function selectedTenant(call: RpcCall): string {
  const { namespace, database } = call.session;
  if (namespace === undefined) throw namespaceEmpty();
  if (database === undefined) throw RpcError.validation("Specify a database to use", { kind: "DatabaseEmpty" });
  return tenantFor({ namespace, database });
}

/** `let`/`set [name, value]`: NONE (or no value) removes the variable; answers null. */
export function setVariable(call: RpcCall<"let" | "set">): null {
  const [name, value] = call.params;
  call.session.setVariable(name, value);
  return null;
}

/** `unset [name]`: answers null. */
export function unsetVariable(call: RpcCall<"unset">): null {
  const [name] = call.params;
  call.session.unsetVariable(name);
  return null;
}
