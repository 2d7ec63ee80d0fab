// PostgreSQL and MariaDB servers of a test file's own, in a temporary data directory on a port of
// their own, for the restart tests: stopping the shared servers on 5432 and 3306 would pull the
// database from under every other test that runs at the same time (other files of this package,
// other packages' test tasks, which turbo runs in parallel, and anyone else on the machine).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseControl } from "./database-restart-suite.js";

const run = promisify(execFile);
const COMMAND_TIMEOUT_MS = 60_000;

/** A private database server: the Baton STORE URL that reaches it, and how to stop and start it. */
export interface PrivateDatabaseServer extends DatabaseControl {
  /** Valid once the file's beforeAll has run. */
  readonly url: string;
}

/** The system user a server runs as: itself, unless we are root (neither server runs as root). */
interface Owner {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

interface Started extends DatabaseControl {
  readonly url: string;
  dispose(): Promise<void>;
}

/** Starts a server with `start` before the file's tests and removes it, data and all, after them. */
function usePrivateServer(label: string, start: () => Promise<Started>): PrivateDatabaseServer {
  let started: Started | undefined;
  const running = (): Started => {
    if (started === undefined) throw new Error(`The private ${label} server is not running (used outside a test?)`);
    return started;
  };
  beforeAll(async () => {
    started = await start();
  }, COMMAND_TIMEOUT_MS);
  afterAll(async () => {
    await started?.dispose();
  }, COMMAND_TIMEOUT_MS);
  return {
    get url() {
      return running().url;
    },
    stop: () => running().stop(),
    start: () => running().start(),
    isReady: () => running().isReady(),
  };
}

async function ownerFor(serviceUser: string): Promise<Owner> {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { name: me.username, uid: me.uid, gid: me.gid };
  }
  const id = async (flag: string) => Number((await run("id", [flag, serviceUser])).stdout.trim());
  return { name: serviceUser, uid: await id("-u"), gid: await id("-g") };
}

/** A temporary directory `owner` may write. */
function ownedTempDir(prefix: string, owner: Owner): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (process.getuid?.() === 0) chownSync(dir, owner.uid, owner.gid);
  return dir;
}

/** `command` run as `owner` (through runuser when that is not us). */
function asOwner(owner: Owner, command: string, args: readonly string[]): [string, string[]] {
  return owner.name === userInfo().username ? [command, [...args]] : ["runuser", ["-u", owner.name, "--", command, ...args]];
}

/**
 * A free port below the kernel's ephemeral range (32768 and up on Linux), so the port-0 listeners
 * of other tests cannot take it while the server is down between a stop and a start.
 */
async function freePort(range: { from: number; to: number }): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = range.from + Math.floor(Math.random() * (range.to - range.from));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${range.from} and ${range.to}`);
}

/** The newest PostgreSQL installed the Debian way: /usr/lib/postgresql/<version>/bin. */
function postgresBinDir(): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => existsSync(join(dir, "initdb")));
  if (found === undefined) throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql");
  return found;
}

/** A PostgreSQL cluster of this file's own (trust auth, user postgres), run with pg_ctl. */
export function usePrivatePostgres(): PrivateDatabaseServer {
  return usePrivateServer("PostgreSQL", async () => {
    const bin = postgresBinDir();
    const owner = await ownerFor("postgres");
    const dir = ownedTempDir("baton-pg-", owner);
    const data = join(dir, "data");
    const port = await freePort({ from: 20_000, to: 26_000 });
    const pg = (tool: string, args: readonly string[]) => {
      const [command, argv] = asOwner(owner, join(bin, tool), args);
      return run(command, argv, { timeout: COMMAND_TIMEOUT_MS }).then(() => undefined);
    };
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    try {
      await pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
      await pg("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const started: Started = {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      // Fast shutdown: open sessions are terminated, as in a crash or a failover, not waited for.
      stop: () => pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
      start: () => pg("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]),
      isReady: () => run(join(bin, "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", String(port)], { timeout: 5_000 }).then(() => true, () => false),
      async dispose() {
        await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return started;
  });
}

/** A MariaDB server of this file's own (root without a password, a `test` database), run as a child process. */
export function usePrivateMariadb(): PrivateDatabaseServer {
  return usePrivateServer("MariaDB", async () => {
    const owner = await ownerFor("mysql");
    const dir = ownedTempDir("baton-mariadb-", owner);
    const data = join(dir, "data");
    const port = await freePort({ from: 26_000, to: 32_000 });
    const client = ["-uroot", "-h127.0.0.1", `-P${port}`, "--connect-timeout=2"];
    const admin = (...args: string[]) => run("mariadb-admin", [...client, ...args], { timeout: COMMAND_TIMEOUT_MS });
    const isReady = () => admin("ping").then(() => true, () => false);
    const rootOnly = process.getuid?.() === 0 ? [`--user=${owner.name}`] : [];
    const serverArgs = [
      "--no-defaults",
      `--datadir=${data}`,
      ...rootOnly,
      "--bind-address=127.0.0.1",
      `--port=${port}`,
      `--socket=${join(dir, "sock")}`,
      `--pid-file=${join(dir, "mariadbd.pid")}`,
      "--innodb-buffer-pool-size=32M",
    ];
    let server: ChildProcess | undefined;
    let exited: Promise<void> = Promise.resolve();
    const start = async () => {
      const child = spawn("/usr/sbin/mariadbd", serverArgs, { stdio: "ignore" });
      server = child;
      exited = new Promise((resolve) => child.once("exit", () => resolve()));
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", reject);
      });
    };
    const stop = async () => {
      await admin("shutdown");
      await exited;
      server = undefined;
    };
    try {
      await run("mariadb-install-db", ["--no-defaults", `--datadir=${data}`, ...rootOnly, "--auth-root-authentication-method=normal", "--skip-test-db"], {
        timeout: COMMAND_TIMEOUT_MS,
      });
      await start();
      const deadline = Date.now() + COMMAND_TIMEOUT_MS;
      while (!(await isReady())) {
        if (Date.now() > deadline || server?.exitCode != null) throw new Error(`The private MariaDB server did not start (data in ${data})`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await run("mariadb", [...client, "-e", "CREATE DATABASE test"], { timeout: COMMAND_TIMEOUT_MS });
    } catch (error) {
      server?.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const started: Started = {
      url: `mysql://root@127.0.0.1:${port}/test`,
      stop,
      start,
      isReady,
      async dispose() {
        server?.kill("SIGKILL");
        await exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return started;
  });
}
