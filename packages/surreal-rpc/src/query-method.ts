// `query [text, vars?]` (reference sections 3.3 and 4): the SurrealQL text parsed (a parse error
// fails the whole call), then run statement by statement on the session's tenant, inside the
// call's transaction when it names one. Every statement gets its own result entry.
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { isPlainObject, parseQuery, QueryRunner, SurrealqlParseError, type Query, type QueryHost } from "@baton/surrealql";
import type { RpcCall } from "./rpc-call.js";
import { toRpcError } from "./rpc-error-normaliser.js";
import { selectedTenant, selectNamespace } from "./session-methods.js";

/** SurrealDB's answer to text that does not parse: the whole call fails (reference 4.3). */
function parsed(text: string): Query {
  try {
    return parseQuery(text);
  } catch (error) {
    if (error instanceof SurrealqlParseError) throw new RpcError("INTERNAL", error.message, { kind: "Validation", details: { kind: "Parse" } });
    throw error;
  }
}

/** The executor's view of the call: its session, its tenant's store, its transaction. */
export function queryHost(call: RpcCall): QueryHost {
  const { session } = call;
  return {
    get session() {
      return { namespace: session.namespace, database: session.database, id: call.sessionId, auth: NONE, token: NONE };
    },
    hasTenant: () => session.namespace !== undefined && session.database !== undefined,
    withStore: (work, options) =>
      call.scope.withStore({ tenant: selectedTenant(call), txn: call.txn, session, readOnly: options.readOnly }, work),
    use: async (selection) => {
      const chosen = selectNamespace(session, { ns: selection.namespace ?? NONE, db: selection.database ?? NONE });
      return { ...(typeof chosen.namespace === "string" ? { namespace: chosen.namespace } : {}), ...(typeof chosen.database === "string" ? { database: chosen.database } : {}) };
    },
    inTransaction: call.txn !== undefined,
  };
}

export async function runQuery(call: RpcCall<"query">): Promise<unknown> {
  // checkParams has refused `vars` that are not an object, NONE or null.
  const [text, vars] = call.params;
  const query = parsed(text);
  const variables = new Map(call.variables);
  if (isPlainObject(vars)) {
    for (const [name, value] of Object.entries(vars)) variables.set(name, value);
  }
  return new QueryRunner({ text, query, host: queryHost(call), variables, toRpcError }).run();
}
