import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseStartArgs } from "./config.js";

describe("baton start arguments", () => {
  it("has the documented defaults", () => {
    const config = parseStartArgs([], {});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8000,
      dataDir: resolve("./data"),
      store: { kind: "sqlite", directory: resolve("./data") },
      user: undefined,
      streamIdleTimeoutMs: 10_000,
      busyTimeoutMs: 5_000,
    });
  });

  it("reads flags, --flag=value, IPv6 binds and a sqlite: STORE", () => {
    const config = parseStartArgs(["--bind=[::1]:9000", "--data", "/tmp/d", "--user", "u", "--pass", "p", "sqlite:/tmp/s"], {});
    expect(config).toMatchObject({ host: "::1", port: 9000, dataDir: "/tmp/d", user: "u", pass: "p" });
    expect(config.store).toEqual({ kind: "sqlite", directory: "/tmp/s" });
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
      store: { kind: "sqlite", directory: "/tmp/f" },
    });
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
      ["postgres://x"],
      ["a", "b"],
      ["--data"],
    ]) {
      expect(() => parseStartArgs(args, {}), args.join(" ")).toThrow(ConfigError);
    }
  });
});
