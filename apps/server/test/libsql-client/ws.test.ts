// @libsql/client against Baton over WebSocket (`ws://` URL: subprotocol hrana2).
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("ws");
