// The record store's conformance suite on PostgreSQL (a fresh schema per test).
import { catalogSuite } from "./catalog.case.js";
import { concurrentSchemaSuite } from "./concurrent-schema.case.js";
import { keyLockSuite } from "./key-lock.case.js";
import { recordStoreSuite } from "./record-store.case.js";
import { selectSuite } from "./select.case.js";
import { postgresStore } from "./test-support/store-fixtures.js";

recordStoreSuite("Postgres", postgresStore);
catalogSuite("Postgres", postgresStore);
selectSuite("Postgres", postgresStore);
concurrentSchemaSuite("Postgres", postgresStore);
keyLockSuite("Postgres", postgresStore, { writersSerialised: false });
