// @baton/record-store: SurrealDB records on SQL tables (docs/record-model.md), over every adapter.
export type {
  Definition,
  DefinitionFilter,
  DefinitionKey,
  DefinitionKind,
  KeyKind,
  PendingCatalog,
  PendingColumns,
  PendingDrop,
  PendingSchema,
  RecordStore,
  ScanOptions,
  SelectOptions,
  SelectResult,
  StoreCondition,
  TransactionOptions,
  SurrealObject,
  SurrealRecord,
  SurrealValue,
  TableInfo,
} from "./record-store.js";
export { RecordStoreFactory, type OpenRecordStoreOptions } from "./record-store-factory.js";
export { SchemaChangeRefused } from "./schema-change-refused.js";
export { compareKeys, keyInRange } from "./keys/key-range.js";
export { randomStringKey, uuidV7 } from "./keys/id-generator.js";
export { isIntegralNumber, storableKind, type ValueKind } from "./values/value-kind.js";
