// SurrealDB's documentation examples against Baton in front of PostgreSQL at 127.0.0.1:5432, over HTTP (CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { docExampleSuite } from "./doc-examples.case.js";

docExampleSuite("http", BACKENDS.postgres);
