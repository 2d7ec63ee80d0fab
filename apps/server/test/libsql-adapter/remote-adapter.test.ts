// The libSQL adapter against a real remote: another Baton, over Hrana-over-HTTP (Hrana 2 with
// @libsql/hrana-client 0.10.0: it speaks Hrana 3 over HTTP only in Protobuf) and over
// WebSocket (Hrana 3), each through the adapter's executor interface.
import type { SqlAdapter, SqlConnection, SqlDatabase, SqlValue, StatementInput, StatementResult } from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AdapterCleanup, startRemoteBaton, type RemoteBaton } from "./remote-baton.js";

let remote: RemoteBaton;
const adapters = new AdapterCleanup();

beforeAll(async () => {
  remote = await startRemoteBaton();
});
afterEach(() => adapters.closeAll());
afterAll(() => remote.close());

function stmt(sql: string, args: readonly SqlValue[] = [], extra: Partial<StatementInput> = {}): StatementInput {
  return { sql, args, namedArgs: [], wantRows: true, ...extra };
}

function run(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []): Promise<StatementResult> {
  return connection.execute(stmt(sql, args));
}

async function rows(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []) {
  return (await run(connection, sql, args)).rows;
}

async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a GatewayError, but the promise resolved");
}

let tables = 0;
/** A table name no other test uses (all tests share the remote's default database). */
function table(): string {
  tables += 1;
  return `t_${tables}_${Math.random().toString(36).slice(2, 8)}`;
}

describe.each(["http", "ws"] as const)("over %s", (transport) => {
  const url = () => (transport === "http" ? remote.httpUrl : remote.wsUrl);
  let adapter: SqlAdapter;
  let database: SqlDatabase;
  let conn: SqlConnection;

  const open = async (options: { poolSize?: number; acquireTimeoutMs?: number } = {}) => {
    adapter = adapters.create({ url: url(), ...options });
    database = await adapter.database("default");
    conn = await database.acquire();
  };

  describe("values", () => {
    it("round-trips int64 extremes, whole floats, blobs, unicode text and NULL exactly", async () => {
      await open();
      const blob = new Uint8Array([0, 1, 2, 253, 254, 255]);
      const text = "héllo 👋🏽 𝄞 a\u0000b";
      const values: SqlValue[] = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 2.0, -0.5, 1e308, blob, new Uint8Array(0), text, null];
      const [row] = await rows(conn, `SELECT ${values.map(() => "?").join(", ")}, typeof(?), typeof(?)`, [...values, 2.0, 2n]);
      expect(row?.slice(0, 6)).toEqual([2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 2, -0.5, 1e308]);
      expect(typeof row?.[3]).toBe("number");
      expect(row?.[6]).toBeInstanceOf(Uint8Array);
      expect([...(row?.[6] as Uint8Array)]).toEqual([...blob]);
      expect([...(row?.[7] as Uint8Array)]).toEqual([]);
      expect(row?.slice(8)).toEqual([text, null, "real", "integer"]);
    });

    it("binds named arguments with and without prefix", async () => {
      await open();
      const result = await conn.execute(
        stmt("SELECT :a, @b, $c", [], {
          namedArgs: [
            { name: "a", value: 1n },
            { name: "@b", value: "two" },
            { name: "$c", value: 3.5 },
          ],
        }),
      );
      expect(result.rows).toEqual([[1n, "two", 3.5]]);
      expect(result.columns.map((column) => column.name)).toEqual([":a", "@b", "$c"]);
    });

    it("reports columns with declared types, changes and exact rowids", async () => {
      await open();
      const t = table();
      await run(conn, `CREATE TABLE ${t}(id INTEGER PRIMARY KEY, name TEXT, score FLOAT, data BLOB)`);
      const insert = await run(conn, `INSERT INTO ${t}(id, name) VALUES (9223372036854775807, 'max')`);
      expect(insert).toMatchObject({ affectedRowCount: 1, lastInsertRowid: 2n ** 63n - 1n });
      const select = await run(conn, `SELECT id, name AS n, score, data, 1 + 1 AS two FROM ${t}`);
      expect(select.columns).toEqual([
        { name: "id", decltype: "INTEGER" },
        { name: "n", decltype: "TEXT" },
        { name: "score", decltype: "FLOAT" },
        { name: "data", decltype: "BLOB" },
        { name: "two", decltype: null },
      ]);
      expect(select.rows).toEqual([[2n ** 63n - 1n, "max", null, null, 2n]]);
      const silent = await conn.execute(stmt(`SELECT * FROM ${t}`, [], { wantRows: false }));
      expect(silent.rows).toEqual([]);
      expect(silent.columns).toHaveLength(4);
      const update = await run(conn, `UPDATE ${t} SET score = 1.5`);
      expect(update.affectedRowCount).toBe(1);
    });
  });

  describe("errors", () => {
    it.each([
      ["SELEC 1", "SQL_PARSE_ERROR"],
      ["SELECT 1; SELECT 2", "SQL_MANY_STATEMENTS"],
      ["SELECT * FROM no_such_table", "SQLITE_ERROR"],
    ])("keeps the remote's code for %j (%s)", async (sql, code) => {
      await open();
      expect((await gatewayError(run(conn, sql))).code).toBe(code);
      // The stream survives a statement's failure.
      expect(await rows(conn, "SELECT 1")).toEqual([[1n]]);
    });

    it("keeps SQLITE_CONSTRAINT and ARGS_INVALID", async () => {
      await open();
      const t = table();
      await run(conn, `CREATE TABLE ${t}(id INTEGER PRIMARY KEY)`);
      await run(conn, `INSERT INTO ${t} VALUES (1)`);
      const constraint = await gatewayError(run(conn, `INSERT INTO ${t} VALUES (1)`));
      expect(constraint.code).toBe("SQLITE_CONSTRAINT");
      expect(constraint.message).toMatch(/UNIQUE constraint failed/);
      expect((await gatewayError(run(conn, "SELECT ?", [1n, 2n]))).code).toBe("ARGS_INVALID");
      expect((await gatewayError(run(conn, "SELECT ?", [2n ** 63n]))).code).toBe("ARGS_INVALID");
    });
  });

  describe("transactions", () => {
    it("keeps a transaction across execute calls on one connection, invisible to another until COMMIT", async () => {
      await open();
      const t = table();
      await run(conn, `CREATE TABLE ${t}(a)`);
      const other = await database.acquire();
      expect(conn.isAutocommit()).toBe(true);
      await run(conn, "BEGIN");
      expect(conn.isAutocommit()).toBe(false);
      expect(conn.holdsSessionState()).toBe(true);
      await run(conn, `INSERT INTO ${t} VALUES (1)`);
      await gatewayError(run(conn, `INSERT INTO missing_${t} VALUES (1)`));
      await run(conn, `INSERT INTO ${t} VALUES (2)`);
      expect(conn.isAutocommit()).toBe(false);
      expect(await rows(other, `SELECT count(*) FROM ${t}`)).toEqual([[0n]]);
      await run(conn, "COMMIT");
      expect(conn.isAutocommit()).toBe(true);
      expect(conn.holdsSessionState()).toBe(false);
      expect(await rows(other, `SELECT a FROM ${t} ORDER BY a`)).toEqual([[1n], [2n]]);
      await database.release(other);
    });

    it("rolls back on release: the uncommitted row is gone and the write lock free", async () => {
      await open();
      const t = table();
      await run(conn, `CREATE TABLE ${t}(a)`);
      await run(conn, "BEGIN IMMEDIATE");
      await run(conn, `INSERT INTO ${t} VALUES ('uncommitted')`);
      await database.release(conn);
      const writer = await database.acquire();
      await run(writer, "BEGIN IMMEDIATE");
      await run(writer, `INSERT INTO ${t} VALUES ('committed')`);
      await run(writer, "COMMIT");
      expect(await rows(writer, `SELECT a FROM ${t}`)).toEqual([["committed"]]);
      await database.release(writer);
    });

    it("marks a connection that changed a setting as holding session state", async () => {
      await open();
      await run(conn, "PRAGMA cache_size = 100");
      expect(conn.isAutocommit()).toBe(true);
      expect(conn.holdsSessionState()).toBe(true);
    });

    it("learns the transaction is over from a refused ROLLBACK", async () => {
      await open();
      expect((await gatewayError(conn.executeScript("BEGIN; SELECT * FROM missing_table_for_sure"))).code).toBe("SQLITE_ERROR");
      // Which statements of a failed script ran is known over Hrana 3 only; over Hrana 2 the
      // adapter assumes the BEGIN did.
      expect(conn.isAutocommit()).toBe(false);
      await run(conn, "ROLLBACK");
      expect(conn.isAutocommit()).toBe(true);
      expect((await gatewayError(run(conn, "ROLLBACK"))).code).toBe("SQLITE_ERROR");
      expect(conn.isAutocommit()).toBe(true);
    });
  });

  describe("describe and sequence", () => {
    it("describes through the remote", async () => {
      await open();
      const t = table();
      await run(conn, `CREATE TABLE ${t}(id INTEGER PRIMARY KEY, name TEXT)`);
      expect(await conn.describe(`SELECT id, name, ?2 + :x AS e FROM ${t} WHERE id = @y`)).toEqual({
        params: [null, "?2", ":x", "@y"],
        columns: [
          { name: "id", decltype: "INTEGER" },
          { name: "name", decltype: "TEXT" },
          { name: "e", decltype: null },
        ],
        isExplain: false,
        isReadonly: true,
        isDdl: false,
      });
      expect(await conn.describe(`INSERT INTO ${t}(name) VALUES (?)`)).toMatchObject({ isReadonly: false, isDdl: false });
      expect(await conn.describe("EXPLAIN SELECT 1")).toMatchObject({ isExplain: true, isReadonly: true });
      expect(await conn.describe("CREATE TABLE u(a)")).toMatchObject({ isDdl: true, isReadonly: false });
      expect((await gatewayError(conn.describe("SELEC"))).code).toBe("SQL_PARSE_ERROR");
    });

    it("runs a script as one sequence, up to its first failure", async () => {
      await open();
      const t = table();
      await conn.executeScript(`
        CREATE TABLE ${t}(id INTEGER PRIMARY KEY, v TEXT);
        CREATE TABLE ${t}_log(msg TEXT);
        CREATE TRIGGER ${t}_tr AFTER INSERT ON ${t} BEGIN INSERT INTO ${t}_log VALUES ('a;b'); END;
        INSERT INTO ${t}(v) VALUES ('x'); -- done
      `);
      expect(await rows(conn, `SELECT msg FROM ${t}_log`)).toEqual([["a;b"]]);
      const error = await gatewayError(conn.executeScript(`INSERT INTO ${t} VALUES (1, 'dup'); INSERT INTO ${t}(v) VALUES ('later')`));
      expect(error.code).toBe("SQLITE_CONSTRAINT");
      expect(await rows(conn, `SELECT count(*) FROM ${t}`)).toEqual([[1n]]);
      await expect(conn.executeScript(" -- nothing\n")).resolves.toBeUndefined();
    });

    it("follows transactions opened and closed by scripts", async () => {
      await open();
      const t = table();
      await conn.executeScript(`CREATE TABLE ${t}(a); BEGIN; INSERT INTO ${t} VALUES (1)`);
      expect(conn.isAutocommit()).toBe(false);
      await conn.executeScript("COMMIT");
      expect(conn.isAutocommit()).toBe(true);
    });
  });

  describe("the pool", () => {
    it("opens at most poolSize streams, and waits up to the acquire timeout", async () => {
      await open({ poolSize: 1, acquireTimeoutMs: 100 });
      expect((await gatewayError(database.acquire())).code).toBe("POOL_TIMEOUT");
      const waiting = database.acquire();
      await database.release(conn);
      const next = await waiting;
      expect(next).not.toBe(conn);
      expect(await rows(next, "SELECT 1")).toEqual([[1n]]);
      // A released connection is done with.
      expect((await gatewayError(run(conn, "SELECT 1"))).code).toBe("INTERNAL_ERROR");
    });

    it("pings the remote", async () => {
      await open();
      await expect(adapter.ping()).resolves.toBeUndefined();
    });
  });
});

describe("over WebSocket, with Hrana 3", () => {
  it("asks the remote for the autocommit flag, so it sees a rollback SQLite made by itself", async () => {
    const adapter = adapters.create({ url: remote.wsUrl });
    const conn = await (await adapter.database("default")).acquire();
    const t = table();
    await run(conn, `CREATE TABLE ${t}(id INTEGER PRIMARY KEY)`);
    await run(conn, `INSERT INTO ${t} VALUES (1)`);
    await run(conn, "BEGIN");
    await run(conn, `INSERT INTO ${t} VALUES (2)`);
    expect((await gatewayError(run(conn, `INSERT OR ROLLBACK INTO ${t} VALUES (1)`))).code).toBe("SQLITE_CONSTRAINT");
    expect(conn.isAutocommit()).toBe(true);
    expect(await rows(conn, `SELECT id FROM ${t}`)).toEqual([[1n]]);
  });
});

describe("tenants with {namespace}", () => {
  it.each(["http", "ws"] as const)("routes each namespace to its own remote database over %s", async (transport) => {
    const base = transport === "http" ? remote.httpUrl : remote.wsUrl;
    const adapter = adapters.create({ url: `${base}/ns/{namespace}/` });
    const acme = await (await adapter.database(`acme-${transport}`)).acquire();
    const beta = await (await adapter.database(`beta-${transport}`)).acquire();
    await run(acme, "CREATE TABLE only_acme(a)");
    expect((await gatewayError(run(beta, "SELECT * FROM only_acme"))).code).toBe("SQLITE_ERROR");
    // In a path, unlike a host name, case counts: upper-case namespaces are fine.
    await expect(adapter.database("Upper-Case")).resolves.toBeDefined();
  });
});

describe("a remote that goes away", () => {
  it.each(["http", "ws"] as const)("fails over %s with the unavailable code, and lets the lost transaction be rolled back", async (transport) => {
    const doomed = await startRemoteBaton();
    const adapter = adapters.create({ url: transport === "http" ? doomed.httpUrl : doomed.wsUrl, acquireTimeoutMs: 1000 });
    const database = await adapter.database("default");
    const conn = await database.acquire();
    await run(conn, "CREATE TABLE t(a)");
    await run(conn, "BEGIN");
    await run(conn, "INSERT INTO t VALUES (1)");
    await doomed.close();
    const error = await gatewayError(run(conn, "INSERT INTO t VALUES (2)"));
    expect(error.code).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toMatch(/The remote libSQL database .* (is unavailable|answered HTTP|refused)/);
    expect(conn.holdsSessionState()).toBe(true);
    // The remote rolled the transaction back when the stream died; the client's ROLLBACK agrees.
    await run(conn, "ROLLBACK");
    expect(conn.isAutocommit()).toBe(true);
    await database.release(conn);
    // Over HTTP a stream costs no request until its first statement, so acquire() may succeed.
    const again = async () => {
      const next = await database.acquire();
      try {
        await run(next, "SELECT 1");
      } finally {
        await database.release(next);
      }
    };
    expect((await gatewayError(again())).code).toBe("DATABASE_UNAVAILABLE");
    expect((await gatewayError(adapter.ping())).code).toBe("DATABASE_UNAVAILABLE");
  });
});
