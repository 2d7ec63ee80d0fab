// @libsql/client against Baton over HTTP (`http://` URL: Hrana 2 pipelines linked by batons).
import { libsqlClientSuite } from "./libsql-client-suite.js";

libsqlClientSuite("http");
