// The record store's conformance suite on PostgreSQL (a fresh schema per test).
import { recordStoreSuite } from "./record-store.case.js";
import { postgresStore } from "./test-support/store-fixtures.js";

recordStoreSuite("Postgres", postgresStore);
