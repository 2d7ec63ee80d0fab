// @baton/record-store: SurrealDB records on SQL tables (docs/record-model.md), over every adapter.
export type { KeyKind, PendingSchema, RecordStore, ScanOptions, TransactionOptions, SurrealObject, SurrealRecord, SurrealValue, TableInfo } from "./record-store.js";
export { RecordStoreFactory, type OpenRecordStoreOptions } from "./record-store-factory.js";
export { SchemaChangeRefused } from "./schema-change-refused.js";
export { compareKeys, keyInRange } from "./keys/key-range.js";
