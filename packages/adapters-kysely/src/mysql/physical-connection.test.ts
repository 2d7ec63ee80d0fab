import { afterEach, describe, expect, it } from "vitest";
import { MYSQL_URL } from "../test-support/mysql-fixture.js";
import { connectionOptions } from "./mysql-adapter.js";
import { PhysicalConnection, ServerStatus } from "./physical-connection.js";

const open: PhysicalConnection[] = [];
afterEach(() => {
  for (const connection of open.splice(0)) connection.destroy();
});

async function connect(): Promise<PhysicalConnection> {
  const connection = await PhysicalConnection.open(connectionOptions(MYSQL_URL, 5000).connection);
  open.push(connection);
  return connection;
}

describe("PhysicalConnection", () => {
  it("reads the server status from every OK packet", async () => {
    const connection = await connect();
    expect(connection.status).toBeUndefined();
    await connection.query("START TRANSACTION");
    expect(connection.status! & ServerStatus.IN_TRANS).toBe(ServerStatus.IN_TRANS);
    await connection.query("ROLLBACK");
    expect(connection.status! & ServerStatus.IN_TRANS).toBe(0);
    expect(connection.status! & ServerStatus.AUTOCOMMIT).toBe(ServerStatus.AUTOCOMMIT);
  });

  it("follows the default database through session tracking, and notes session changes", async () => {
    const connection = await connect();
    await connection.query("USE test");
    expect(connection.database).toBe("test");
    expect(connection.sessionChanged).toBe(true);
    await connection.reset();
    expect(connection.sessionChanged).toBe(false);
    expect(connection.status).toBeUndefined();
  });

  it("returns raw cells and column definitions", async () => {
    const connection = await connect();
    const outcome = await connection.query("SELECT 1 AS a, NULL AS b, 'x' AS c");
    expect(outcome.ok).toBeUndefined();
    const [resultSet] = outcome.resultSets;
    expect(resultSet?.columns.map((column) => column.name)).toEqual(["a", "b", "c"]);
    expect(resultSet?.rows.map((row) => row.map((cell) => cell?.toString() ?? null))).toEqual([["1", null, "x"]]);
  });

  it("gives up a command that outlives its timeout, closing the connection", async () => {
    const connection = await connect();
    const started = Date.now();
    await expect(connection.query("SELECT SLEEP(2)", { timeoutMs: 100 })).rejects.toMatchObject({ code: "ETIMEDOUT", fatal: true });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(connection.alive).toBe(false);
  });

  it("fails a command in flight when destroyed, and tells who listens", async () => {
    const connection = await connect();
    let told = false;
    connection.onDeath(() => (told = true));
    const sleeping = connection.query("SELECT SLEEP(2)");
    connection.destroy();
    await expect(sleeping).rejects.toMatchObject({ fatal: true });
    expect(told).toBe(true);
  });

  it("prepares for metadata only, leaving no statement behind", async () => {
    const connection = await connect();
    const statement = await connection.prepare("SELECT ? AS a, 2 AS b");
    expect(statement.columns.map((column) => column.name)).toEqual(["a", "b"]);
    expect(statement.parameters).toHaveLength(1);
    const outcome = await connection.query("SHOW SESSION STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_close')");
    const counters = outcome.resultSets[0]?.rows.map((row) => row.map((cell) => cell?.toString()));
    expect(Object.fromEntries(counters ?? [])).toEqual({ Com_stmt_close: "1", Com_stmt_prepare: "1" });
  });
});
