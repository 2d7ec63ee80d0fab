// @libsql/client against Baton in front of libSQL local files (file:<data dir>), over WebSocket (`ws://` URL: subprotocol hrana2).
import { BACKENDS } from "./backends.js";
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("ws", BACKENDS.libsql);
