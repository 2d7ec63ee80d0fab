// MariaDB shut down and started again under load while Baton keeps running: see
// database-restart-suite.ts. The server is this file's own (private-database-server.ts).
import { BACKENDS } from "./backends.js";
import { databaseRestartSuite } from "./database-restart-suite.js";
import { usePrivateMariadb } from "./private-database-server.js";

const server = usePrivateMariadb();
databaseRestartSuite({ ...BACKENDS.mysql, store: () => server.url }, server);
