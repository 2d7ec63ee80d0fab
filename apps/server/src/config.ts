// The service's configuration: CLI flags, BATON_* environment variables and an optional JSON
// file (`--config`), in that order of precedence, over the documented defaults.
import { resolve } from "node:path";
import { ConfigError } from "./config-error.js";
import { readConfigFile, type AdapterEntry, type ConfigFile } from "./config-file.js";
import { parseStore, type StoreConfig } from "./store-spec.js";

export { ConfigError };
export type { StoreConfig };

/** One named adapter: a database and its pool settings. */
export interface AdapterConfig {
  readonly name: string;
  readonly store: StoreConfig;
  readonly poolSize: number | undefined;
  readonly acquireTimeoutMs: number | undefined;
  readonly busyTimeoutMs: number;
  readonly authToken: string | undefined;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** The configured adapters, the default one first. */
  readonly adapters: readonly AdapterConfig[];
  readonly defaultAdapter: string;
  /** The root user of every protocol (Hrana credentials, RPC `signin`); none: open. */
  readonly user: string | undefined;
  /** Its password in plain text, or `passHash`, an scrypt hash string, instead. */
  readonly pass: string | undefined;
  readonly passHash: string | undefined;
  /** HMAC key signing RPC tokens (JWT); random per process when undefined. */
  readonly jwtSecret: Uint8Array | undefined;
  /** Lifetime of the tokens RPC `signin` issues, in seconds (default 3600, as SurrealDB's). */
  readonly tokenTtlSeconds: number;
  /** An attached RPC session over HTTP idle this long expires; undefined: the RPC service's default. */
  readonly rpcSessionIdleTimeoutMs: number | undefined;
  /** An RPC transaction unused this long is rolled back; undefined: the RPC service's default (30 s). */
  readonly rpcTransactionIdleTimeoutMs: number | undefined;
  /** Interactive RPC transactions open at once per WebSocket; undefined: the RPC service's default (4). */
  readonly rpcMaxTransactions: number | undefined;
  readonly streamIdleTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly batonSecret: Uint8Array | undefined;
  readonly busyTimeoutMs: number;
  readonly namespaceFromHost: boolean;
  readonly autoCreateNamespaces: boolean;
  readonly defaultNamespace: string;
}

interface FlagSpec {
  readonly env: string;
  /** The key in the configuration file. */
  readonly key: keyof ConfigFile | undefined;
  /** False for switches (`--flag`, or `BATON_X=1|true`). */
  readonly takesValue: boolean;
}

const flag = (env: string, key: keyof ConfigFile | undefined, takesValue = true): FlagSpec => ({ env, key, takesValue });

/** Every flag of `baton start`, with the environment variable and file key that mirror it. */
export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  "--config": flag("BATON_CONFIG", undefined),
  "--bind": flag("BATON_BIND", "bind"),
  "--data": flag("BATON_DATA", "data"),
  "--user": flag("BATON_USER", "user"),
  "--pass": flag("BATON_PASS", "pass"),
  "--pass-hash": flag("BATON_PASS_HASH", "passHash"),
  "--jwt-secret": flag("BATON_JWT_SECRET", "jwtSecret"),
  "--token-ttl": flag("BATON_TOKEN_TTL", "tokenTtl"),
  "--rpc-session-idle-timeout": flag("BATON_RPC_SESSION_IDLE_TIMEOUT", "rpcSessionIdleTimeout"),
  "--rpc-transaction-idle-timeout": flag("BATON_RPC_TRANSACTION_IDLE_TIMEOUT", "rpcTransactionIdleTimeout"),
  "--rpc-max-transactions": flag("BATON_RPC_MAX_TRANSACTIONS", "rpcMaxTransactions"),
  "--stream-idle-timeout": flag("BATON_STREAM_IDLE_TIMEOUT", "streamIdleTimeout"),
  "--max-body": flag("BATON_MAX_BODY", "maxBody"),
  "--baton-secret": flag("BATON_SECRET", "batonSecret"),
  "--busy-timeout": flag("BATON_BUSY_TIMEOUT", "busyTimeout"),
  "--pool-size": flag("BATON_POOL_SIZE", "poolSize"),
  "--acquire-timeout": flag("BATON_ACQUIRE_TIMEOUT", "acquireTimeout"),
  "--namespace-from-host": flag("BATON_NAMESPACE_FROM_HOST", "namespaceFromHost", false),
  "--no-auto-create": flag("BATON_NO_AUTO_CREATE", undefined, false),
  "--default-namespace": flag("BATON_DEFAULT_NAMESPACE", "defaultNamespace"),
  "--default-adapter": flag("BATON_DEFAULT_ADAPTER", "defaultAdapter"),
};

/** `BATON_ADAPTER_<NAME>=<STORE>` declares an extra adapter named `<name>` (lower-cased). */
const ADAPTER_ENV = /^BATON_ADAPTER_([A-Z0-9_]{1,63})$/;

function parseBind(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (match === null || port > 65535) throw new ConfigError(`--bind must be HOST:PORT, got ${JSON.stringify(value)}`);
  return { host: match[1] ?? (match[2] === "" ? "127.0.0.1" : (match[2] as string)), port };
}

function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return n;
}

function parseSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw new ConfigError(`${name} takes no value (or 1/true/0/false in its variable), got ${JSON.stringify(value)}`);
}

/** A key given as hex or base64, at least 32 bytes; `name` is its variable, for the error. */
function parseSecret(name: string, value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value === "") return undefined;
  const bytes = /^[0-9a-fA-F]+$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length < 32) throw new ConfigError(`${name} must hold at least 32 bytes (64 hex digits or base64)`);
  return bytes;
}

/** Flags as given: `--flag value`, `--flag=value`, switches; and at most one STORE. */
function readArgs(args: readonly string[]): { flags: Map<string, string>; store: string | undefined } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[name];
    if (spec === undefined) {
      if (arg.startsWith("-")) throw new ConfigError(`Unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : spec.takesValue ? args[++i] : "true";
    if (value === undefined) throw new ConfigError(`${name} needs a value`);
    flags.set(name, value);
  }
  if (positional.length > 1) throw new ConfigError(`Expected at most one STORE, got ${positional.join(" ")}`);
  return { flags, store: positional[0] };
}

interface AdapterDefaults {
  readonly dataDir: string;
  readonly poolSize: number | undefined;
  readonly acquireTimeoutMs: number | undefined;
  readonly busyTimeoutMs: number;
}

function adapterFrom(name: string, entry: AdapterEntry, defaults: AdapterDefaults): AdapterConfig {
  const spec = typeof entry === "string" ? { store: entry } : entry;
  return {
    name,
    store: parseStore(spec.store, defaults.dataDir),
    poolSize: spec.poolSize ?? defaults.poolSize,
    acquireTimeoutMs: spec.acquireTimeout ?? defaults.acquireTimeoutMs,
    busyTimeoutMs: spec.busyTimeout ?? defaults.busyTimeoutMs,
    authToken: spec.authToken,
  };
}

/** Parses the arguments after `start`; `env` and the `--config` file supply what flags leave out. */
export function parseStartArgs(args: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { flags, store } = readArgs(args);
  const configPath = flags.get("--config") ?? env.BATON_CONFIG;
  const file: ConfigFile = configPath === undefined || configPath === "" ? {} : readConfigFile(configPath);
  const get = (name: string): string | undefined => {
    const spec = FLAGS[name] as FlagSpec;
    const fromFile = spec.key === undefined ? undefined : file[spec.key];
    return flags.get(name) ?? env[spec.env] ?? (typeof fromFile === "object" ? undefined : fromFile?.toString());
  };

  const dataDir = resolve(get("--data") ?? "./data");
  const user = get("--user");
  const pass = get("--pass");
  const passHash = get("--pass-hash");
  if (pass !== undefined && passHash !== undefined) throw new ConfigError("--pass and --pass-hash exclude each other: give one");
  if ((user === undefined) !== (pass === undefined && passHash === undefined)) {
    throw new ConfigError("--user goes with --pass (or --pass-hash)");
  }
  const busyTimeoutMs = parseCount("--busy-timeout", get("--busy-timeout")) ?? 5_000;
  const defaults: AdapterDefaults = {
    dataDir,
    poolSize: parseCount("--pool-size", get("--pool-size")),
    acquireTimeoutMs: parseCount("--acquire-timeout", get("--acquire-timeout")),
    busyTimeoutMs,
  };

  // Adapters: the file's, then BATON_ADAPTER_<NAME>, then STORE (named after its kind).
  const adapters = new Map<string, AdapterConfig>();
  for (const [name, entry] of Object.entries(file.adapters ?? {})) adapters.set(name, adapterFrom(name, entry, defaults));
  for (const [key, value] of Object.entries(env)) {
    const name = ADAPTER_ENV.exec(key)?.[1]?.toLowerCase();
    if (name !== undefined && value !== undefined) adapters.set(name, adapterFrom(name, value, defaults));
  }
  const storeText = store ?? env.BATON_STORE;
  let storeAdapter: string | undefined;
  if (storeText !== undefined || adapters.size === 0) {
    const parsed = parseStore(storeText ?? "", dataDir);
    storeAdapter = parsed.kind;
    adapters.set(storeAdapter, adapterFrom(storeAdapter, storeText ?? "", defaults));
  }
  // An explicit --default-adapter wins; then a STORE given now; then the file's choice.
  const defaultAdapter =
    flags.get("--default-adapter") ??
    env.BATON_DEFAULT_ADAPTER ??
    storeAdapter ??
    file.defaultAdapter ??
    adapters.keys().next().value;
  const chosen = defaultAdapter === undefined ? undefined : adapters.get(defaultAdapter);
  if (chosen === undefined || defaultAdapter === undefined) {
    throw new ConfigError(`The default adapter ${JSON.stringify(defaultAdapter)} is not configured (have: ${[...adapters.keys()].join(", ")})`);
  }

  return {
    ...parseBind(get("--bind") ?? "127.0.0.1:8000"),
    dataDir,
    adapters: [chosen, ...[...adapters.values()].filter((a) => a !== chosen)],
    defaultAdapter,
    user,
    pass,
    passHash,
    jwtSecret: parseSecret("BATON_JWT_SECRET", get("--jwt-secret")),
    tokenTtlSeconds: parseCount("--token-ttl", get("--token-ttl")) ?? 3600,
    rpcSessionIdleTimeoutMs: parseCount("--rpc-session-idle-timeout", get("--rpc-session-idle-timeout")),
    rpcTransactionIdleTimeoutMs: parseCount("--rpc-transaction-idle-timeout", get("--rpc-transaction-idle-timeout")),
    rpcMaxTransactions: parseCount("--rpc-max-transactions", get("--rpc-max-transactions")),
    streamIdleTimeoutMs: parseCount("--stream-idle-timeout", get("--stream-idle-timeout")) ?? 10_000,
    maxBodyBytes: parseCount("--max-body", get("--max-body")) ?? 16 * 1024 * 1024,
    batonSecret: parseSecret("BATON_SECRET", get("--baton-secret")),
    busyTimeoutMs,
    namespaceFromHost: parseSwitch("--namespace-from-host", get("--namespace-from-host")),
    autoCreateNamespaces:
      !parseSwitch("--no-auto-create", get("--no-auto-create")) && (file.autoCreateNamespaces ?? true),
    defaultNamespace: get("--default-namespace") ?? "default",
  };
}
