// SurrealDB RPC against Baton in front of PostgreSQL at 127.0.0.1:5432, over HTTP (POST /rpc, application/cbor and application/json).
import { BACKENDS } from "../libsql-client/backends.js";
import { rpcSuite } from "./rpc-suite.js";

rpcSuite("http", BACKENDS.postgres);
