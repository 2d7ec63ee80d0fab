// The official surrealdb SDK against Baton in front of SQLite (embedded), over HTTP (POST http://…/rpc, CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { sdkSuite } from "./sdk-suite.js";

sdkSuite("http", BACKENDS.sqlite);
