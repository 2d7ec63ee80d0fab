// MariaDB (the local server) shut down and started again under load while Baton keeps running:
// see database-restart-suite.ts.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { BACKENDS } from "./backends.js";
import { databaseRestartSuite } from "./database-restart-suite.js";

const run = promisify(execFile);
const admin = (...args: string[]) => run("mariadb-admin", ["-uroot", "--connect-timeout=2", ...args], { timeout: 60_000 });

databaseRestartSuite(BACKENDS.mysql, {
  stop: () => admin("shutdown").then(() => undefined),
  start: () =>
    run("start-stop-daemon", ["--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"], { timeout: 30_000 }).then(
      () => undefined,
    ),
  isReady: () => admin("ping").then(() => true, () => false),
});
