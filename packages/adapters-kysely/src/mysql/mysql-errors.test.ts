import { GatewayError } from "@baton/protocol-types";
import { describe, expect, it } from "vitest";
import { connectError, isConnectionError, mysqlError } from "./mysql-errors.js";

/** An error shaped like the ones mysql2 passes for a server error packet. */
function serverError(errno: number, sqlState: string, sqlMessage: string, fatal = false): Error {
  return Object.assign(new Error(sqlMessage), { code: `ER_${errno}`, errno, sqlState, sqlMessage, ...(fatal ? { fatal } : {}) });
}

describe("mysqlError", () => {
  it.each([
    [1062, "23000", "SQLITE_CONSTRAINT"],
    [1452, "23000", "SQLITE_CONSTRAINT"],
    [1451, "23000", "SQLITE_CONSTRAINT"],
    [1048, "23000", "SQLITE_CONSTRAINT"],
    [3819, "HY000", "SQLITE_CONSTRAINT"],
    [4025, "23000", "SQLITE_CONSTRAINT"],
    [1064, "42000", "SQL_PARSE_ERROR"],
    [1146, "42S02", "SQLITE_ERROR"],
    [1054, "42S22", "SQLITE_ERROR"],
    [1213, "40001", "SQLITE_BUSY"],
    [1205, "HY000", "SQLITE_BUSY"],
    [1045, "28000", "SQLITE_AUTH"],
    [1792, "25006", "SQLITE_READONLY"],
    [1969, "70100", "SQLITE_INTERRUPT"],
    [1406, "22001", "SQLITE_TOOBIG"],
    [9999, "HY000", "SQLITE_ERROR"],
  ])("maps errno %i (%s) to %s, keeping errno, SQLSTATE and message", (errno, sqlState, code) => {
    const cause = serverError(errno, sqlState, "Something went wrong");
    const error = mysqlError(cause);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`MySQL error ${errno} (${sqlState}): Something went wrong`);
    expect(error.cause).toBe(cause);
  });

  it("reports a lost connection as DATABASE_UNAVAILABLE", () => {
    const lost = Object.assign(new Error("Connection lost: The server closed the connection."), { code: "PROTOCOL_CONNECTION_LOST", fatal: true });
    expect(isConnectionError(lost)).toBe(true);
    expect(mysqlError(lost)).toMatchObject({
      code: "DATABASE_UNAVAILABLE",
      message: "The connection to the MySQL server was lost (PROTOCOL_CONNECTION_LOST): Connection lost: The server closed the connection.",
    });
    const killed = serverError(1927, "70100", "Connection was killed", true);
    expect(isConnectionError(killed)).toBe(true);
    expect(mysqlError(killed).code).toBe("DATABASE_UNAVAILABLE");
    expect(mysqlError(serverError(9999, "HY000", "Unknown fatal", true)).code).toBe("DATABASE_UNAVAILABLE");
  });

  it("passes GatewayErrors through and reports anything else as our bug", () => {
    const own = new GatewayError("ARGS_INVALID", "x");
    expect(mysqlError(own)).toBe(own);
    expect(mysqlError(new TypeError("oops")).code).toBe("INTERNAL_ERROR");
    expect(isConnectionError(new TypeError("oops"))).toBe(false);
    expect(isConnectionError(serverError(1062, "23000", "dup"))).toBe(false);
  });
});

describe("connectError", () => {
  it("reports an unreachable server as DATABASE_UNAVAILABLE, naming every address tried", () => {
    const refused = Object.assign(new AggregateError([new Error("connect ECONNREFUSED ::1:1"), new Error("connect ECONNREFUSED 127.0.0.1:1")], ""), {
      code: "ECONNREFUSED",
    });
    expect(connectError(refused)).toMatchObject({
      code: "DATABASE_UNAVAILABLE",
      message: "MySQL server unavailable (ECONNREFUSED): connect ECONNREFUSED ::1:1; connect ECONNREFUSED 127.0.0.1:1",
    });
  });

  it("reports a server that refuses the adapter (its account, too many connections) as unavailable, with its reason", () => {
    expect(connectError(serverError(1045, "28000", "Access denied", true))).toMatchObject({
      code: "DATABASE_UNAVAILABLE",
      message: "MySQL server unavailable: MySQL error 1045 (28000): Access denied",
    });
    expect(connectError(serverError(1040, "08004", "Too many connections", true)).code).toBe("DATABASE_UNAVAILABLE");
  });
});
