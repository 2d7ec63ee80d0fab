// PostgreSQL (the local cluster, managed with pg_ctlcluster) stopped and started again under
// load while Baton keeps running: see database-restart-suite.ts.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { BACKENDS } from "./backends.js";
import { databaseRestartSuite } from "./database-restart-suite.js";

const run = promisify(execFile);
// The one cluster on this machine: /etc/postgresql/<version>/main.
const version = readdirSync("/etc/postgresql")[0] ?? "15";
const pgctl = (...action: string[]) =>
  run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", ...action], { timeout: 60_000 }).then(() => undefined);

databaseRestartSuite(BACKENDS.postgres, {
  // Fast shutdown: open sessions are terminated, as in a crash or a failover, not waited for.
  stop: () => pgctl("stop", "-m", "fast"),
  start: () => pgctl("start"),
  isReady: () => run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"], { timeout: 5_000 }).then(() => true, () => false),
});
