// The service's configuration: CLI flags, mirrored by BATON_* environment variables (flags win).
import { resolve } from "node:path";

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly store: StoreConfig;
  readonly user: string | undefined;
  readonly pass: string | undefined;
  readonly streamIdleTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly batonSecret: Uint8Array | undefined;
  readonly busyTimeoutMs: number;
  readonly namespaceFromHost: boolean;
}

export type StoreConfig = { readonly kind: "sqlite"; readonly directory: string };

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

interface FlagSpec {
  readonly env: string;
  /** False for switches (`--flag`, or `BATON_X=1|true`). */
  readonly takesValue: boolean;
}

/** Every flag of `baton start`, with the environment variable that mirrors it. */
export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  "--bind": { env: "BATON_BIND", takesValue: true },
  "--data": { env: "BATON_DATA", takesValue: true },
  "--user": { env: "BATON_USER", takesValue: true },
  "--pass": { env: "BATON_PASS", takesValue: true },
  "--stream-idle-timeout": { env: "BATON_STREAM_IDLE_TIMEOUT", takesValue: true },
  "--max-body": { env: "BATON_MAX_BODY", takesValue: true },
  "--baton-secret": { env: "BATON_SECRET", takesValue: true },
  "--busy-timeout": { env: "BATON_BUSY_TIMEOUT", takesValue: true },
  "--namespace-from-host": { env: "BATON_NAMESPACE_FROM_HOST", takesValue: false },
};

function parseBind(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (match === null || port > 65535) throw new ConfigError(`--bind must be HOST:PORT, got ${JSON.stringify(value)}`);
  return { host: match[1] ?? (match[2] === "" ? "127.0.0.1" : (match[2] as string)), port };
}

function parseCount(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return n;
}

function parseSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw new ConfigError(`${name} takes no value (or 1/true/0/false in its variable), got ${JSON.stringify(value)}`);
}

function parseStore(value: string | undefined, dataDir: string): StoreConfig {
  if (value === undefined || value === "" || value === "sqlite") return { kind: "sqlite", directory: dataDir };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(value);
  if (sqlite !== null) return { kind: "sqlite", directory: resolve(sqlite[1] as string) };
  throw new ConfigError(`Unsupported STORE ${JSON.stringify(value)}: this version serves sqlite:DIR (the default)`);
}

function parseSecret(value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value === "") return undefined;
  const bytes = /^[0-9a-fA-F]+$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length < 32) throw new ConfigError("BATON_SECRET must hold at least 32 bytes (64 hex digits or base64)");
  return bytes;
}

/** Parses the arguments after `start`; `env` supplies what the flags leave out. */
export function parseStartArgs(args: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[flag];
    if (spec === undefined) {
      if (arg.startsWith("-")) throw new ConfigError(`Unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : spec.takesValue ? args[++i] : "true";
    if (value === undefined) throw new ConfigError(`${flag} needs a value`);
    values.set(flag, value);
  }
  if (positional.length > 1) throw new ConfigError(`Expected at most one STORE, got ${positional.join(" ")}`);
  const get = (flag: string) => values.get(flag) ?? env[(FLAGS[flag] as FlagSpec).env];
  const bind = parseBind(get("--bind") ?? "127.0.0.1:8000");
  const dataDir = resolve(get("--data") ?? "./data");
  const user = get("--user");
  const pass = get("--pass");
  if ((user === undefined) !== (pass === undefined)) throw new ConfigError("--user and --pass go together");
  const idle = get("--stream-idle-timeout");
  const maxBody = get("--max-body");
  const busy = get("--busy-timeout");
  return {
    ...bind,
    dataDir,
    store: parseStore(positional[0] ?? env.BATON_STORE, dataDir),
    user,
    pass,
    streamIdleTimeoutMs: idle === undefined ? 10_000 : parseCount("--stream-idle-timeout", idle),
    maxBodyBytes: maxBody === undefined ? 16 * 1024 * 1024 : parseCount("--max-body", maxBody),
    batonSecret: parseSecret(get("--baton-secret")),
    busyTimeoutMs: busy === undefined ? 5_000 : parseCount("--busy-timeout", busy),
    namespaceFromHost: parseSwitch("--namespace-from-host", get("--namespace-from-host")),
  };
}
