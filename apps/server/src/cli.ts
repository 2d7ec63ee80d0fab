#!/usr/bin/env node
// baton — the Baton gateway's command line.
import { RootCredentials } from "@baton/session-core";
import { ConfigError, FLAGS, parseStartArgs } from "./config.js";
import { consoleLogger } from "./console-logger.js";
import { startBaton } from "./start.js";
import { describeStore } from "./store-spec.js";

const USAGE = `Usage: baton start [--bind HOST:PORT] [--data DIR] [--user NAME --pass SECRET|--pass-hash HASH] [STORE]
       baton hash-password SECRET     print the scrypt hash string for --pass-hash

  --bind HOST:PORT            where to listen (default 127.0.0.1:8000)
  --data DIR                  data directory (default ./data)
  --user NAME --pass SECRET   require these credentials on every protocol (the RPC root user too)
  --pass-hash HASH            the password as an scrypt hash string instead of --pass
  --jwt-secret HEX|BASE64     HMAC key for RPC tokens, ≥ 32 bytes (default: random per process)
  --token-ttl SECONDS         lifetime of RPC signin tokens (default 3600)
  --rpc-session-idle-timeout MS  idle time before an attached HTTP RPC session expires
  --rpc-transaction-idle-timeout MS  idle time before an RPC transaction is rolled back (default 30000)
  --rpc-max-transactions N    RPC transactions open at once per WebSocket (default 4)
  --stream-idle-timeout MS    idle time before an HTTP stream expires (default 10000)
  --busy-timeout MS           how long a writer waits for the write lock (default 5000)
  --max-body BYTES            largest request body or WebSocket message (default 16777216)
  --baton-secret HEX|BASE64   HMAC key for batons, ≥ 32 bytes (default: random per process)
  --namespace-from-host       take the namespace from the first label of the Host name
  --default-namespace NAME    the namespace of requests that name none (default "default")
  --no-auto-create            refuse unknown namespaces instead of creating them
  --pool-size N               connections per database pool
  --acquire-timeout MS        how long a request waits for a pooled connection
  --default-adapter NAME      the adapter of requests that name none
  --config FILE               a JSON file with any of these settings and named adapters
  STORE                       sqlite:DIR (default: embedded SQLite in the data directory),
                              postgres://…, mysql://…, libsql://…, file:…

Every flag has an environment variable: ${Object.values(FLAGS)
  .map((f) => f.env)
  .join(", ")}, BATON_STORE, and BATON_ADAPTER_<NAME>=STORE for more adapters.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command === "hash-password") {
    const [secret] = rest;
    if (secret === undefined || secret === "") throw new ConfigError("hash-password needs the password to hash");
    console.log((await RootCredentials.fromPassword({ user: "", pass: secret })).toHashString());
    return 0;
  }
  if (command !== "start") {
    console.error(`Unknown command ${command}\n\n${USAGE}`);
    return 1;
  }
  const config = parseStartArgs(rest, process.env);
  const logger = consoleLogger();
  const baton = await startBaton(config, logger);
  logger.info(
    `Baton listening: Hrana over HTTP at ${baton.httpUrl} and WebSocket at ${baton.wsUrl}, ` +
      `SurrealDB RPC at ${baton.httpUrl}/rpc and ${baton.wsUrl}/rpc; ` +
      `adapters: ${config.adapters.map((a) => `${a.name} (${describeStore(a.store)})`).join(", ")}` +
      `${config.user === undefined ? "" : "; credentials required"}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down (open transactions are rolled back)`);
    baton.server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`baton: ${error.message}`);
    else console.error("baton: failed to start:", error);
    process.exitCode = 1;
  },
);
