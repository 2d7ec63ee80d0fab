// The record store's conformance suite on MySQL/MariaDB (a fresh database per test). The server
// here is MariaDB; MySQL 8 differences (key collation utf8mb4_0900_bin) are written but not run.
import { catalogSuite } from "./catalog.case.js";
import { concurrentSchemaSuite } from "./concurrent-schema.case.js";
import { keyLockSuite } from "./key-lock.case.js";
import { recordStoreSuite } from "./record-store.case.js";
import { selectSuite } from "./select.case.js";
import { mysqlStore } from "./test-support/store-fixtures.js";

recordStoreSuite("MySQL/MariaDB", mysqlStore);
catalogSuite("MySQL/MariaDB", mysqlStore);
selectSuite("MySQL/MariaDB", mysqlStore);
concurrentSchemaSuite("MySQL/MariaDB", mysqlStore);
keyLockSuite("MySQL/MariaDB", mysqlStore, { writersSerialised: false });
