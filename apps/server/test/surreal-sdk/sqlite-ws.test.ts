// The official surrealdb SDK against Baton in front of SQLite (embedded), over WebSocket (ws://…/rpc, CBOR).
import { BACKENDS } from "../libsql-client/backends.js";
import { sdkSuite } from "./sdk-suite.js";

sdkSuite("ws", BACKENDS.sqlite);
