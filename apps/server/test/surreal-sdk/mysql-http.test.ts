// The official surrealdb SDK against Baton in front of MySQL (MariaDB) at 127.0.0.1:3306, over HTTP (POST http://…/rpc, CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { sdkSuite } from "./sdk-suite.js";

sdkSuite("http", BACKENDS.mysql);
