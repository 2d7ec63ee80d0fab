// The record store's conformance suite on local libSQL files.
import { catalogSuite } from "./catalog.case.js";
import { concurrentSchemaSuite } from "./concurrent-schema.case.js";
import { keyLockSuite } from "./key-lock.case.js";
import { recordStoreSuite } from "./record-store.case.js";
import { selectSuite } from "./select.case.js";
import { libsqlStore } from "./test-support/store-fixtures.js";

recordStoreSuite("libSQL (local file)", libsqlStore);
catalogSuite("libSQL (local file)", libsqlStore);
selectSuite("libSQL (local file)", libsqlStore);
concurrentSchemaSuite("libSQL (local file)", libsqlStore);
keyLockSuite("libSQL (local file)", libsqlStore, { writersSerialised: true });
