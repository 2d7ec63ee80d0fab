// @libsql/client against Baton in front of SQLite (embedded, better-sqlite3), over HTTP (`http://` URL: Hrana 2 pipelines linked by batons).
import { BACKENDS } from "./backends.js";
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("http", BACKENDS.sqlite);
