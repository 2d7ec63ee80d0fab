// SurrealDB's documentation examples against Baton in front of MariaDB at 127.0.0.1:3306, over WebSocket (CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { docExampleSuite } from "./doc-examples.case.js";

docExampleSuite("ws", BACKENDS.mysql);
