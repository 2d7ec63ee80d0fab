import { GatewayError } from "@baton/protocol-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { postgresFixture, type PostgresFixture } from "../test-support/postgres-fixture.js";
import { gatewayError, run } from "../test-support/sqlite-fixture.js";
import { isConnectionFailure, postgresError } from "./postgres-errors.js";

let fixture: PostgresFixture;
let conn: SqlConnection;

beforeAll(async () => {
  fixture = await postgresFixture();
  conn = await fixture.database.acquire();
  await conn.executeScript(`
    CREATE TABLE parent(id int PRIMARY KEY);
    CREATE TABLE child(id int PRIMARY KEY, parent int REFERENCES parent, name text NOT NULL, n int CHECK (n > 0), v varchar(3));
    INSERT INTO parent VALUES (1);
    INSERT INTO child VALUES (1, 1, 'a', 1, 'abc');
  `);
});
afterAll(async () => {
  await fixture.database.release(conn);
  await fixture.dispose();
});

describe("SQLSTATEs become SQLite base codes, keeping Postgres's code and message", () => {
  it.each([
    ["23505 unique", "INSERT INTO child VALUES (1, 1, 'b', 1, 'x')", "SQLITE_CONSTRAINT", '23505: duplicate key value violates unique constraint "child_pkey"'],
    ["23503 foreign key", "INSERT INTO child VALUES (2, 9, 'b', 1, 'x')", "SQLITE_CONSTRAINT", "23503: insert or update on table"],
    ["23502 not null", "INSERT INTO child VALUES (3, 1, NULL, 1, 'x')", "SQLITE_CONSTRAINT", '23502: null value in column "name"'],
    ["23514 check", "INSERT INTO child VALUES (4, 1, 'b', -1, 'x')", "SQLITE_CONSTRAINT", '23514: new row for relation "child" violates check constraint'],
    ["42601 syntax", "SELEC 1", "SQL_PARSE_ERROR", '42601: syntax error at or near "SELEC"'],
    ["42P01 missing table", "SELECT * FROM nope", "SQLITE_ERROR", '42P01: relation "nope" does not exist'],
    ["42703 missing column", "SELECT nope FROM child", "SQLITE_ERROR", '42703: column "nope" does not exist'],
    ["22P02 bad input", "SELECT 'x'::int", "SQLITE_MISMATCH", "22P02: invalid input syntax for type integer"],
    ["22003 out of range", "SELECT 2147483648::int4", "SQLITE_MISMATCH", "22003: integer out of range"],
    ["22001 too long", "INSERT INTO child VALUES (5, 1, 'b', 1, 'abcd')", "SQLITE_MISMATCH", "22001: value too long for type character varying(3)"],
    ["22012 division by zero", "SELECT 1 / 0", "SQLITE_MISMATCH", "22012: division by zero"],
    ["57014 cancel", "SET LOCAL statement_timeout = 1; SELECT pg_sleep(1)", "SQLITE_INTERRUPT", "57014: canceling statement due to statement timeout"],
  ])("%s", async (_name, sql, code, message) => {
    const error =
      sql.includes(";") === true
        ? await inTransaction(sql.split("; "))
        : await gatewayError(run(conn, sql));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`Postgres error ${message}`);
  });

  it("maps 40001 serialization failures and 40P01 deadlocks to SQLITE_BUSY", async () => {
    const other = await fixture.database.acquire();
    try {
      await run(conn, "CREATE TABLE IF NOT EXISTS counter(id int PRIMARY KEY, n int)");
      await run(conn, "INSERT INTO counter VALUES (1, 0), (2, 0) ON CONFLICT DO NOTHING");
      // Serialization failure: two serializable transactions update the same row.
      await run(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE");
      await run(other, "BEGIN ISOLATION LEVEL SERIALIZABLE");
      await run(conn, "SELECT n FROM counter WHERE id = 1");
      await run(other, "UPDATE counter SET n = n + 1 WHERE id = 1");
      await run(other, "COMMIT");
      const serialization = await gatewayError(run(conn, "UPDATE counter SET n = n + 1 WHERE id = 1"));
      expect(serialization.code).toBe("SQLITE_BUSY");
      expect(serialization.message).toMatch(/^Postgres error 40001: /);
      await run(conn, "ROLLBACK");
      // Deadlock: each transaction waits for the row the other holds.
      await run(conn, "BEGIN");
      await run(other, "BEGIN");
      await run(conn, "UPDATE counter SET n = 1 WHERE id = 1");
      await run(other, "UPDATE counter SET n = 1 WHERE id = 2");
      // The victim keeps the locks it already holds until its transaction ends (as in plain
      // Postgres), so it rolls back as soon as it fails, letting the other one through.
      const attempt = (connection: SqlConnection, sql: string) =>
        run(connection, sql).then(
          () => null,
          async (error: unknown) => {
            await run(connection, "ROLLBACK");
            return error;
          },
        );
      const outcomes = await Promise.all([attempt(conn, "UPDATE counter SET n = 2 WHERE id = 2"), attempt(other, "UPDATE counter SET n = 2 WHERE id = 1")]);
      const errors = outcomes.filter((error): error is GatewayError => error instanceof GatewayError);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.code).toBe("SQLITE_BUSY");
      expect(errors[0]?.message).toMatch(/^Postgres error 40P01: deadlock detected/);
    } finally {
      await run(conn, "ROLLBACK");
      await run(other, "ROLLBACK");
      await fixture.database.release(other);
    }
  });
});

describe("driver failures", () => {
  it("treats socket errors as an unavailable server and anything unknown as our bug", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(isConnectionFailure(refused)).toBe(true);
    expect(postgresError(refused).code).toBe("DATABASE_UNAVAILABLE");
    expect(postgresError(new Error("Connection terminated unexpectedly")).code).toBe("DATABASE_UNAVAILABLE");
    expect(postgresError(new TypeError("oops")).code).toBe("INTERNAL_ERROR");
  });
});

/** Runs statements in a transaction; returns the error of the last one, then rolls back. */
async function inTransaction(statements: string[]): Promise<GatewayError> {
  await run(conn, "BEGIN");
  try {
    for (const sql of statements.slice(0, -1)) await run(conn, sql);
    return await gatewayError(run(conn, statements.at(-1) ?? ""));
  } finally {
    await run(conn, "ROLLBACK");
  }
}
