// @libsql/client against Baton in front of MariaDB/MySQL at 127.0.0.1:3306, over WebSocket (`ws://` URL: subprotocol hrana2).
import { BACKENDS } from "./backends.js";
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("ws", BACKENDS.mysql);
