// @libsql/client against Baton in front of SQLite (embedded, better-sqlite3), over WebSocket (`ws://` URL: subprotocol hrana2).
import { BACKENDS } from "./backends.js";
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("ws", BACKENDS.sqlite);
