// @libsql/client against Baton in front of libSQL local files (file:<data dir>), over HTTP (`http://` URL: Hrana 2 pipelines linked by batons).
import { BACKENDS } from "./backends.js";
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("http", BACKENDS.libsql);
