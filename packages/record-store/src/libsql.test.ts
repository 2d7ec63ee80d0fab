// The record store's conformance suite on local libSQL files.
import { recordStoreSuite } from "./record-store.case.js";
import { libsqlStore } from "./test-support/store-fixtures.js";

recordStoreSuite("libSQL (local file)", libsqlStore);
