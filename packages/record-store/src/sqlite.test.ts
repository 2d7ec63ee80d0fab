// The record store's conformance suite on SQLite files.
import { catalogSuite } from "./catalog.case.js";
import { concurrentSchemaSuite } from "./concurrent-schema.case.js";
import { keyLockSuite } from "./key-lock.case.js";
import { recordStoreSuite } from "./record-store.case.js";
import { selectSuite } from "./select.case.js";
import { sqliteStore } from "./test-support/store-fixtures.js";

recordStoreSuite("SQLite", sqliteStore);
catalogSuite("SQLite", sqliteStore);
selectSuite("SQLite", sqliteStore);
concurrentSchemaSuite("SQLite", sqliteStore);
keyLockSuite("SQLite", sqliteStore, { writersSerialised: true });
