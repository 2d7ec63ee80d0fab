// What the executor needs from whoever runs a query (the RPC handler): the session, a way to run
// work on the tenant's records atomically, and the session changes a statement may make (USE).
import type { RecordStore } from "@baton/record-store";
import type { SessionInfo } from "../functions/function-types.js";

export interface QueryHost {
  /** The calling session: namespace, database, auth (for `$auth`, `$session`, `session::*`). */
  readonly session: SessionInfo;
  /**
   * Runs `work` atomically on the selected tenant's records: in a transaction of its own, or
   * inside the call's interactive transaction when it has one (then as a savepoint). Throws
   * SurrealDB's "Specify a namespace to use" error when no tenant is selected. Retries `work`
   * after preparing the schema when the store refuses a schema change inside a transaction, so
   * `work` must be safe to run again from the start.
   */
  withStore<T>(work: (store: RecordStore) => Promise<T>, options: { readonly readOnly: boolean }): Promise<T>;
  /** Whether `withStore` can run: a namespace and database are selected. */
  hasTenant(): boolean;
  /** `USE NS a DB b`: changes the session's selection and answers the new one. */
  use(selection: { readonly namespace?: string | undefined; readonly database?: string | undefined }): Promise<{ namespace?: string; database?: string }>;
  /** Whether the call runs inside an interactive transaction (`txn`), where BEGIN is refused. */
  readonly inTransaction: boolean;
}
