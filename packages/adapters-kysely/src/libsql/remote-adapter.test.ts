// The remote libSQL adapter without a remote: tenant routing and unreachable servers. Against
// a real server (another Baton) it is tested in apps/server/test/libsql-adapter/.
import { ClosedError, HttpServerError, ProtoError, ResponseError } from "@libsql/hrana-client";
import { afterEach, describe, expect, it } from "vitest";
import type { SqlAdapter } from "../executor.js";
import { gatewayError } from "../test-support/sqlite-fixture.js";
import { createLibsqlAdapter, type LibsqlAdapterOptions } from "./libsql-adapter.js";
import { REMOTE_UNAVAILABLE, remoteError } from "./remote-errors.js";

const adapters: SqlAdapter[] = [];
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
});

function adapter(options: LibsqlAdapterOptions): SqlAdapter {
  const created = createLibsqlAdapter(options);
  adapters.push(created);
  return created;
}

// Nothing listens on port 1: connecting is refused at once.
const NOWHERE = "127.0.0.1:1";

describe("remote tenants", () => {
  it("serves only the default namespace from a URL without {namespace}", async () => {
    const remote = adapter({ url: `http://${NOWHERE}` });
    expect(remote).toMatchObject({ name: "libsql", dialect: "libsql" });
    expect(await remote.database("default")).toBe(await remote.database("default"));
    expect((await gatewayError(remote.database("acme"))).code).toBe("NAMESPACE_NOT_FOUND");
    const renamed = adapter({ url: `http://${NOWHERE}`, defaultNamespace: "main", name: "turso" });
    expect(renamed.name).toBe("turso");
    await expect(renamed.database("main")).resolves.toBeDefined();
    expect((await gatewayError(renamed.database("default"))).code).toBe("NAMESPACE_NOT_FOUND");
  });

  it("gives every namespace its own database with {namespace}, refusing names that cannot be one", async () => {
    const remote = adapter({ url: "https://{namespace}.db.example.com" });
    const acme = await remote.database("acme");
    expect(await remote.database("other")).not.toBe(acme);
    expect((await gatewayError(remote.database("Acme"))).code).toBe("NAMESPACE_INVALID");
    expect((await gatewayError(remote.database("../x"))).code).toBe("NAMESPACE_INVALID");
  });

  it("refuses work after close", async () => {
    const remote = adapter({ url: `ws://${NOWHERE}` });
    const database = await remote.database("default");
    await remote.close();
    expect((await gatewayError(remote.database("default"))).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(database.acquire())).code).toBe("SHUTTING_DOWN");
  });
});

describe("an unreachable remote", () => {
  it.each(["http", "ws"])("fails acquire and ping over %s with a clear error", async (scheme) => {
    const remote = adapter({ url: `${scheme}://${NOWHERE}`, acquireTimeoutMs: 2000 });
    const database = await remote.database("default");
    const acquired = await gatewayError(database.acquire());
    expect(acquired.code).toBe(REMOTE_UNAVAILABLE);
    expect(acquired.message).toMatch(new RegExp(`The remote libSQL database ${scheme}://${NOWHERE} is unavailable`));
    expect((await gatewayError(remote.ping())).code).toBe(REMOTE_UNAVAILABLE);
    // The slot taken by the failed acquire was given back: the pool is not exhausted.
    for (let i = 0; i < 3; i++) expect((await gatewayError(database.acquire())).code).toBe(REMOTE_UNAVAILABLE);
  });
});

describe("remoteError", () => {
  const at = "https://db.example.com";
  const response = (code: string | undefined) => new ResponseError("it failed", { message: "it failed", code });

  it.each([
    ["SQLITE_CONSTRAINT", "SQLITE_CONSTRAINT"],
    ["SQL_PARSE_ERROR", "SQL_PARSE_ERROR"],
    ["ARGS_INVALID", "ARGS_INVALID"],
    ["ARGS_BOTH_POSITIONAL_AND_NAMED", "ARGS_BOTH_POSITIONAL_AND_NAMED"],
    ["TRANSACTION_TIMEOUT", "TRANSACTION_TIMEOUT"],
    ["STREAM_EXPIRED", "STREAM_EXPIRED"],
    ["TRANSACTION_BUSY", "SQLITE_ERROR"],
    [undefined, "SQLITE_ERROR"],
    ["AUTH_JWT_INVALID", REMOTE_UNAVAILABLE],
    ["BATON_INVALID", REMOTE_UNAVAILABLE],
    ["PROTOCOL_ERROR", REMOTE_UNAVAILABLE],
  ])("maps the remote's %s to %s", (code, expected) => {
    const error = remoteError(response(code), at);
    expect(error.code).toBe(expected);
  });

  it("maps transport failures to REMOTE_UNAVAILABLE, naming the remote", () => {
    const failures = [
      new HttpServerError("Server returned HTTP status 502", 502),
      new ClosedError("Stream is closed", new Error("socket hang up")),
      new ProtoError("Received unexpected type of response"),
      new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }),
    ];
    for (const failure of failures) {
      const error = remoteError(failure, at);
      expect(error.code).toBe(REMOTE_UNAVAILABLE);
      expect(error.message).toContain(at);
    }
    expect(remoteError(failures[3], at).message).toContain("ECONNREFUSED");
  });
});
