// The store's refusal to change a table's schema inside a transaction (MySQL/MariaDB, where DDL
// commits): says what the transaction needed, so a caller that owns the transaction can make the
// change outside it (`RecordStore.prepare`) and run the transaction again.
import { RpcError } from "@baton/protocol-types/rpc";
import type { PendingSchema } from "./record-store.js";

export class SchemaChangeRefused extends RpcError {
  /** What to prepare outside the transaction; undefined when retrying the transaction is enough. */
  readonly pending: PendingSchema | undefined;

  constructor(message: string, pending?: PendingSchema) {
    super("INTERNAL", message, { kind: "Validation", details: { kind: "TransactionSchemaChange" } });
    this.pending = pending;
  }
}
