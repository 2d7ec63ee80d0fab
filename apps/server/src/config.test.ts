import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseStartArgs } from "./config.js";

describe("baton start arguments", () => {
  it("has the documented defaults", () => {
    const config = parseStartArgs([], {});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8000,
      dataDir: resolve("./data"),
      adapters: [{ name: "sqlite", store: { kind: "sqlite", directory: resolve("./data") } }],
      defaultAdapter: "sqlite",
      user: undefined,
      streamIdleTimeoutMs: 10_000,
      busyTimeoutMs: 5_000,
    });
  });

  it("reads flags, --flag=value, IPv6 binds and a sqlite: STORE", () => {
    const config = parseStartArgs(["--bind=[::1]:9000", "--data", "/tmp/d", "--user", "u", "--pass", "p", "sqlite:/tmp/s"], {});
    expect(config).toMatchObject({ host: "::1", port: 9000, dataDir: "/tmp/d", user: "u", pass: "p" });
    expect(config.adapters.map((a) => a.store)).toEqual([{ kind: "sqlite", directory: "/tmp/s" }]);
  });

  it("mirrors every flag with a BATON_* variable, flags winning", () => {
    const env = {
      BATON_BIND: "0.0.0.0:7000",
      BATON_DATA: "/tmp/e",
      BATON_USER: "eu",
      BATON_PASS: "ep",
      BATON_STREAM_IDLE_TIMEOUT: "2500",
      BATON_BUSY_TIMEOUT: "100",
      BATON_MAX_BODY: "2048",
      BATON_SECRET: "ab".repeat(32),
      BATON_STORE: "sqlite:/tmp/f",
    };
    const config = parseStartArgs(["--bind", "127.0.0.1:1"], env);
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 1,
      dataDir: "/tmp/e",
      user: "eu",
      pass: "ep",
      streamIdleTimeoutMs: 2500,
      busyTimeoutMs: 100,
      maxBodyBytes: 2048,
    });
    expect(config.adapters.map((a) => a.store)).toEqual([{ kind: "sqlite", directory: "/tmp/f" }]);
    expect(config.batonSecret).toHaveLength(32);
  });

  it("refuses what it cannot honour, saying why", () => {
    for (const args of [
      ["--bind", "8000"],
      ["--bind", "h:70000"],
      ["--user", "only"],
      ["--stream-idle-timeout", "soon"],
      ["--baton-secret", "abcd"],
      ["--nope"],
      ["redis://x"],
      ["a", "b"],
      ["--data"],
    ]) {
      expect(() => parseStartArgs(args, {}), args.join(" ")).toThrow(ConfigError);
    }
  });

  it("declares named adapters in a JSON file, BATON_ADAPTER_* and STORE, the default first", () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-config-"));
    const file = join(dir, "baton.json");
    writeFileSync(
      file,
      JSON.stringify({
        bind: "127.0.0.1:9100",
        adapters: { main: "sqlite:/tmp/main", pg: { store: "postgres://postgres@127.0.0.1/test", poolSize: 4 } },
        defaultAdapter: "pg",
        namespaceFromHost: true,
        autoCreateNamespaces: false,
      }),
    );
    const config = parseStartArgs(["--config", file], { BATON_ADAPTER_MY: "mariadb://root@127.0.0.1/test" });
    expect(config.port).toBe(9100);
    expect(config.defaultAdapter).toBe("pg");
    expect(config.adapters.map((a) => [a.name, a.store.kind, a.poolSize])).toEqual([
      ["pg", "postgres", 4],
      ["main", "sqlite", undefined],
      ["my", "mysql", undefined],
    ]);
    expect(config.adapters[2]?.store).toEqual({ kind: "mysql", url: "mysql://root@127.0.0.1/test" });
    expect(config).toMatchObject({ namespaceFromHost: true, autoCreateNamespaces: false });

    const withStore = parseStartArgs(["--config", file, "libsql://db.example.com"], {});
    expect(withStore.defaultAdapter).toBe("libsql");
    expect(withStore.adapters[0]?.store).toEqual({ kind: "libsql", url: "libsql://db.example.com" });
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a configuration file with unknown keys or wrong types, naming the place", () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-config-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ bnd: "x" }));
    expect(() => parseStartArgs(["--config", file], {})).toThrow(ConfigError);
    writeFileSync(file, JSON.stringify({ poolSize: "many" }));
    expect(() => parseStartArgs(["--config", file], {})).toThrow(/poolSize/);
    writeFileSync(file, "{ not json");
    expect(() => parseStartArgs(["--config", file], {})).toThrow(/Cannot read/);
    expect(() => parseStartArgs(["--default-adapter", "nope"], {})).toThrow(/not configured/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the RPC settings from flags, BATON_* variables and the file, in that order", () => {
    const hex = "cd".repeat(32);
    const fromFlags = parseStartArgs(
      ["--user", "root", "--pass-hash", "$scrypt$x", "--jwt-secret", hex, "--token-ttl", "60", "--rpc-session-idle-timeout", "500"],
      {},
    );
    expect(fromFlags).toMatchObject({ user: "root", pass: undefined, passHash: "$scrypt$x", tokenTtlSeconds: 60, rpcSessionIdleTimeoutMs: 500 });
    expect(Buffer.from(fromFlags.jwtSecret ?? []).toString("hex")).toBe(hex);

    const env = {
      BATON_USER: "root",
      BATON_PASS_HASH: "$scrypt$env",
      BATON_JWT_SECRET: Buffer.alloc(40, 7).toString("base64"),
      BATON_TOKEN_TTL: "90",
      BATON_RPC_SESSION_IDLE_TIMEOUT: "700",
    };
    const fromEnv = parseStartArgs(["--token-ttl", "30"], env);
    expect(fromEnv).toMatchObject({ passHash: "$scrypt$env", tokenTtlSeconds: 30, rpcSessionIdleTimeoutMs: 700 });
    expect(fromEnv.jwtSecret).toHaveLength(40);

    const dir = mkdtempSync(join(tmpdir(), "baton-config-"));
    const file = join(dir, "rpc.json");
    writeFileSync(file, JSON.stringify({ user: "root", passHash: "$scrypt$file", jwtSecret: hex, tokenTtl: 120, rpcSessionIdleTimeout: 900 }));
    expect(parseStartArgs(["--config", file], {})).toMatchObject({ passHash: "$scrypt$file", tokenTtlSeconds: 120, rpcSessionIdleTimeoutMs: 900 });
    rmSync(dir, { recursive: true, force: true });

    expect(parseStartArgs([], {})).toMatchObject({ jwtSecret: undefined, tokenTtlSeconds: 3600, rpcSessionIdleTimeoutMs: undefined });
  });

  it("reads the RPC transaction limits from flags, BATON_* variables and the file", () => {
    expect(parseStartArgs(["--rpc-transaction-idle-timeout", "1500", "--rpc-max-transactions", "2"], {})).toMatchObject({
      rpcTransactionIdleTimeoutMs: 1500,
      rpcMaxTransactions: 2,
    });
    const env = { BATON_RPC_TRANSACTION_IDLE_TIMEOUT: "2500", BATON_RPC_MAX_TRANSACTIONS: "8" };
    expect(parseStartArgs(["--rpc-max-transactions", "3"], env)).toMatchObject({ rpcTransactionIdleTimeoutMs: 2500, rpcMaxTransactions: 3 });
    const dir = mkdtempSync(join(tmpdir(), "baton-config-"));
    const file = join(dir, "rpc.json");
    writeFileSync(file, JSON.stringify({ rpcTransactionIdleTimeout: 900, rpcMaxTransactions: 1 }));
    expect(parseStartArgs(["--config", file], {})).toMatchObject({ rpcTransactionIdleTimeoutMs: 900, rpcMaxTransactions: 1 });
    rmSync(dir, { recursive: true, force: true });
    expect(parseStartArgs([], {})).toMatchObject({ rpcTransactionIdleTimeoutMs: undefined, rpcMaxTransactions: undefined });
    expect(() => parseStartArgs(["--rpc-max-transactions", "0"], {})).toThrow(ConfigError);
    expect(() => parseStartArgs(["--rpc-transaction-idle-timeout", "later"], {})).toThrow(ConfigError);
  });

  it("refuses RPC settings it cannot honour", () => {
    for (const args of [
      ["--user", "root", "--pass", "p", "--pass-hash", "h"],
      ["--pass-hash", "h"],
      ["--jwt-secret", "abcd"],
      ["--token-ttl", "0"],
      ["--rpc-session-idle-timeout", "soon"],
    ]) {
      expect(() => parseStartArgs(args, {}), args.join(" ")).toThrow(ConfigError);
    }
  });
});
