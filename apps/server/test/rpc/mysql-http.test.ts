// SurrealDB RPC against Baton in front of MariaDB at 127.0.0.1:3306, over HTTP (POST /rpc, application/cbor and application/json).
import { BACKENDS } from "../libsql-client/backends.js";
import { rpcSuite } from "./rpc-suite.js";

rpcSuite("http", BACKENDS.mysql);
