// SurrealDB's documentation examples against Baton in front of SQLite (embedded), over WebSocket (CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { docExampleSuite } from "./doc-examples.case.js";

docExampleSuite("ws", BACKENDS.sqlite);
