// Statements name their SQL either inline (`sql`) or by a stored text id (`sql_id`): exactly one.
import { GatewayError } from "@baton/protocol-types";
import type { SqlStore } from "@baton/session-core";

export interface SqlSource {
  readonly sql?: string | null | undefined;
  readonly sql_id?: number | null | undefined;
}

/** The SQL text a statement names; `store` holds the texts of the stream or connection. */
export function resolveSql(source: SqlSource, store: SqlStore | undefined): string {
  const hasSql = source.sql != null;
  const hasId = source.sql_id != null;
  if (hasSql === hasId) {
    throw new GatewayError("PROTOCOL_ERROR", "Exactly one of `sql` and `sql_id` must be given");
  }
  if (source.sql != null) return source.sql;
  if (store === undefined) {
    throw new GatewayError("SQL_ID_UNKNOWN", `No SQL text is stored under id ${String(source.sql_id)}`);
  }
  return store.get(source.sql_id as number);
}

/** A copy of `source` with its stored text inlined, so later `close_sql` cannot change it. */
export function inlineSql<T extends SqlSource>(source: T, store: SqlStore | undefined): T {
  if (source.sql_id == null) return source;
  return { ...source, sql: resolveSql(source, store), sql_id: null };
}
