// PostgreSQL stopped and started again under load while Baton keeps running: see
// database-restart-suite.ts. The cluster is this file's own (private-database-server.ts).
import { BACKENDS } from "./backends.js";
import { databaseRestartSuite } from "./database-restart-suite.js";
import { usePrivatePostgres } from "./private-database-server.js";

const server = usePrivatePostgres();
databaseRestartSuite({ ...BACKENDS.postgres, store: () => server.url }, server);
