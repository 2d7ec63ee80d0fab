// The record store's conformance suite on MySQL/MariaDB (a fresh database per test). The server
// here is MariaDB; MySQL 8 differences (key collation utf8mb4_0900_bin) are written but not run.
import { recordStoreSuite } from "./record-store.case.js";
import { mysqlStore } from "./test-support/store-fixtures.js";

recordStoreSuite("MySQL/MariaDB", mysqlStore);
