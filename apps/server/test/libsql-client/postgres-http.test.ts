// @libsql/client against Baton in front of PostgreSQL at 127.0.0.1:5432, over HTTP (`http://` URL: Hrana 2 pipelines linked by batons).
import { BACKENDS } from "./backends.js";
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("http", BACKENDS.postgres);
