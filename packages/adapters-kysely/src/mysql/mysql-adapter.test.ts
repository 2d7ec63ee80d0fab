import { afterEach, describe, expect, it } from "vitest";
import type { SqlAdapter } from "../executor.js";
import { adminConnection, dropDatabases, MYSQL_URL, uniqueNamespace } from "../test-support/mysql-fixture.js";
import { gatewayError, rows, run } from "../test-support/sqlite-fixture.js";
import { connectionOptions, createMysqlAdapter, databaseNameOf, type MysqlAdapterOptions } from "./mysql-adapter.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function adapterWith(options: Partial<MysqlAdapterOptions> = {}): SqlAdapter {
  const adapter = createMysqlAdapter({ url: MYSQL_URL, ...options });
  cleanups.push(() => adapter.close());
  return adapter;
}

/** A namespace whose database is dropped after the test. */
function namespace(): string {
  const name = uniqueNamespace("a");
  cleanups.push(() => dropDatabases([name]));
  return name;
}

async function databaseExists(name: string): Promise<boolean> {
  const admin = await adminConnection();
  try {
    const [found] = await admin.query("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", [name]);
    return (found as unknown[]).length > 0;
  } finally {
    await admin.end();
  }
}

describe("createMysqlAdapter", () => {
  it("names itself and its dialect", () => {
    expect(adapterWith({ name: "maria" })).toMatchObject({ name: "maria", dialect: "mysql" });
    expect(adapterWith().name).toBe("mysql");
  });

  it("creates a utf8mb4 database per namespace on first use, and hands out the same one again", async () => {
    const adapter = adapterWith();
    const name = namespace();
    expect(await databaseExists(name)).toBe(false);
    const database = await adapter.database(name);
    expect(await databaseExists(name)).toBe(true);
    expect(await adapter.database(name)).toBe(database);
    const conn = await database.acquire();
    expect(await rows(conn, "SELECT @@character_set_database")).toEqual([["utf8mb4"]]);
    await database.release(conn);
  });

  it("keeps tenants apart", async () => {
    const adapter = adapterWith();
    const a = await adapter.database(namespace());
    const b = await adapter.database(namespace());
    const connA = await a.acquire();
    await run(connA, "CREATE TABLE only_in_a (x INT)");
    const connB = await b.acquire();
    expect((await gatewayError(run(connB, "SELECT * FROM only_in_a"))).code).toBe("SQLITE_ERROR");
    await run(connB, "CREATE TABLE only_in_a (y TEXT)");
    await run(connB, "INSERT INTO only_in_a VALUES ('b')");
    expect(await rows(connA, "SELECT COUNT(*) FROM only_in_a")).toEqual([[0n]]);
  });

  it.each(["../x", "a/b", "a;DROP", "a`b", "", "x".repeat(64), "ünï", ".", "mysql", "INFORMATION_SCHEMA", "sys", "performance_schema"])(
    "refuses namespace %j before any SQL",
    async (name) => {
      // An unreachable server: refusing the name must not need one.
      const adapter = adapterWith({ url: "mysql://root@127.0.0.1:1/test" });
      expect((await gatewayError(adapter.database(name))).code).toBe("NAMESPACE_INVALID");
    },
  );

  it("maps the default namespace to the URL's database", async () => {
    const adapter = adapterWith();
    const conn = await (await adapter.database("default")).acquire();
    expect(await rows(conn, "SELECT DATABASE()")).toEqual([["test"]]);
    expect(databaseNameOf("default", undefined)).toBe("default");
    expect(databaseNameOf("acme", "test")).toBe("acme");
  });

  it("reports an unknown namespace as NAMESPACE_NOT_FOUND when it may not create databases", async () => {
    const adapter = adapterWith({ autoCreateNamespaces: false });
    expect((await gatewayError(adapter.database(namespace()))).code).toBe("NAMESPACE_NOT_FOUND");
    const existing = namespace();
    await adapterWith().database(existing);
    const conn = await (await adapter.database(existing)).acquire();
    expect(await rows(conn, "SELECT DATABASE()")).toEqual([[existing]]);
  });

  it("creates a database dropped behind its back again, or reports it gone", async () => {
    const name = namespace();
    const creating = adapterWith({ poolSize: 1 });
    const strict = adapterWith({ autoCreateNamespaces: false, poolSize: 1 });
    const database = await creating.database(name);
    const strictDatabase = await strict.database(name);
    await dropDatabases([name]);
    expect((await gatewayError(strictDatabase.acquire())).code).toBe("NAMESPACE_NOT_FOUND");
    const conn = await database.acquire();
    expect(await rows(conn, "SELECT DATABASE()")).toEqual([[name]]);
  });

  it("forgets the least recently used databases beyond maxCachedDatabases; forgotten ones keep working", async () => {
    const adapter = adapterWith({ maxCachedDatabases: 1 });
    const [first, second] = [namespace(), namespace()];
    const a = await adapter.database(first);
    await adapter.database(second);
    expect(await adapter.database(first)).not.toBe(a);
    const conn = await a.acquire();
    expect(await rows(conn, "SELECT DATABASE()")).toEqual([[first]]);
    await a.release(conn);
  });

  it("pings the server, and reports one it cannot reach", async () => {
    await expect(adapterWith().ping()).resolves.toBeUndefined();
    const unreachable = adapterWith({ url: "mysql://root@127.0.0.1:1/test" });
    const error = await gatewayError(unreachable.ping());
    expect(error.code).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toMatch(/^MySQL server unavailable \(ECONNREFUSED\): .*ECONNREFUSED/);
    expect((await gatewayError(unreachable.database("x"))).code).toBe("DATABASE_UNAVAILABLE");
  });

  it("gives up on a server that does not answer within the acquire timeout", async () => {
    // A non-routable address: the connection attempt is never answered.
    const silent = adapterWith({ url: "mysql://root@10.255.255.1:3306/test", acquireTimeoutMs: 200 });
    const started = Date.now();
    const error = await gatewayError(silent.ping());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe("DATABASE_UNAVAILABLE");
  });

  it("reports the adapter's bad credentials as an unavailable database", async () => {
    const url = new URL(MYSQL_URL);
    url.username = "baton_no_such_user";
    const error = await gatewayError(adapterWith({ url: url.toString() }).ping());
    expect(error.code).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toMatch(/^MySQL server unavailable: MySQL error (?:1045|1698) \(28000\): Access denied/);
  });

  it("refuses work after close", async () => {
    const adapter = adapterWith();
    const database = await adapter.database(namespace());
    const conn = await database.acquire();
    await adapter.close();
    expect((await gatewayError(adapter.database("default"))).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(adapter.ping())).code).toBe("SHUTTING_DOWN");
    expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("SHUTTING_DOWN");
  });
});

describe("connectionOptions", () => {
  it("takes the database out of the URL and keeps the rest", () => {
    const { connection, database } = connectionOptions("mysql://u:p%40ss@db.example:3307/my%20db?ssl=true", 1000);
    expect(database).toBe("my db");
    expect(connection).toMatchObject({ uri: "mysql://u:p%40ss@db.example:3307?ssl=true", connectTimeout: 1000, charset: "UTF8MB4_UNICODE_CI" });
    expect(connectionOptions("mariadb://localhost", 1).database).toBeUndefined();
  });

  it("refuses what is not a MySQL URL, without echoing the password", () => {
    expect(() => connectionOptions("postgres://u:secret@h/db", 1)).toThrow(/mysql:\/\/ or mariadb:\/\//);
    expect(() => connectionOptions("not a url :secret@", 1)).toThrow(/not a URL/);
  });
});
