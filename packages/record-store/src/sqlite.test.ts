// The record store's conformance suite on SQLite files.
import { recordStoreSuite } from "./record-store.case.js";
import { sqliteStore } from "./test-support/store-fixtures.js";

recordStoreSuite("SQLite", sqliteStore);
