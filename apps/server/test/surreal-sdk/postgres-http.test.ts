// The official surrealdb SDK against Baton in front of PostgreSQL at 127.0.0.1:5432, over HTTP (POST http://…/rpc, CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { sdkSuite } from "./sdk-suite.js";

sdkSuite("http", BACKENDS.postgres);
