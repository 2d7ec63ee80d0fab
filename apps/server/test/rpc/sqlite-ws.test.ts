// SurrealDB RPC against Baton in front of SQLite (embedded), over WebSocket (subprotocols cbor and json).
import { BACKENDS } from "../libsql-client/backends.js";
import { rpcSuite } from "./rpc-suite.js";

rpcSuite("ws", BACKENDS.sqlite);
