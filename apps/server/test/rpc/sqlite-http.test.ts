// SurrealDB RPC against Baton in front of SQLite (embedded), over HTTP (POST /rpc, application/cbor and application/json).
import { BACKENDS } from "../libsql-client/backends.js";
import { rpcSuite } from "./rpc-suite.js";

rpcSuite("http", BACKENDS.sqlite);
