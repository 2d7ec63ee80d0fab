// The JSON configuration file (`--config FILE`): the same settings as the flags, plus named
// adapters and tenancy. Validated against its schema; unknown keys are refused, not ignored.
import { readFileSync } from "node:fs";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { ConfigError } from "./config-error.js";

const Positive = Type.Integer({ minimum: 1 });

export const AdapterEntry = Type.Union([
  Type.String(),
  Type.Object(
    {
      store: Type.String(),
      poolSize: Type.Optional(Positive),
      acquireTimeout: Type.Optional(Positive),
      busyTimeout: Type.Optional(Positive),
      authToken: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
]);
export type AdapterEntry = Static<typeof AdapterEntry>;

export const ConfigFile = Type.Object(
  {
    bind: Type.Optional(Type.String()),
    data: Type.Optional(Type.String()),
    user: Type.Optional(Type.String()),
    pass: Type.Optional(Type.String()),
    passHash: Type.Optional(Type.String()),
    jwtSecret: Type.Optional(Type.String()),
    tokenTtl: Type.Optional(Positive),
    rpcSessionIdleTimeout: Type.Optional(Positive),
    rpcTransactionIdleTimeout: Type.Optional(Positive),
    rpcMaxTransactions: Type.Optional(Positive),
    streamIdleTimeout: Type.Optional(Positive),
    maxBody: Type.Optional(Positive),
    batonSecret: Type.Optional(Type.String()),
    busyTimeout: Type.Optional(Positive),
    poolSize: Type.Optional(Positive),
    acquireTimeout: Type.Optional(Positive),
    namespaceFromHost: Type.Optional(Type.Boolean()),
    autoCreateNamespaces: Type.Optional(Type.Boolean()),
    defaultNamespace: Type.Optional(Type.String()),
    adapters: Type.Optional(Type.Record(Type.String({ pattern: "^[A-Za-z0-9_-]{1,63}$" }), AdapterEntry)),
    defaultAdapter: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ConfigFile = Static<typeof ConfigFile>;

export function readConfigFile(path: string): ConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`Cannot read the configuration file ${path}: ${(error as Error).message}`);
  }
  const first = Value.Errors(ConfigFile, parsed).First();
  if (first !== undefined) {
    throw new ConfigError(`${path}: ${first.path === "" ? "(root)" : first.path}: ${first.message}`);
  }
  return parsed as ConfigFile;
}
