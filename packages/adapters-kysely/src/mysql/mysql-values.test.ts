import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { mysqlFixture, type MysqlFixture } from "../test-support/mysql-fixture.js";
import { gatewayError, rows, run, stmt } from "../test-support/sqlite-fixture.js";

let fixture: MysqlFixture;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await mysqlFixture();
  conn = await fixture.database.acquire();
});
afterEach(() => fixture.dispose());

describe("integers", () => {
  it("round-trip at the int64 limits exactly, as bigint", async () => {
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 0n, -1n];
    const result = await run(conn, "SELECT ?, ?, ?, ?, ?", values);
    expect(result.rows).toEqual([values]);
    expect(result.columns.every((column) => column.decltype === null)).toBe(true);
  });

  it("round-trip through BIGINT columns", async () => {
    await run(conn, "CREATE TABLE t (v BIGINT)");
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n];
    for (const value of values) await run(conn, "INSERT INTO t VALUES (?)", [value]);
    expect(await rows(conn, "SELECT v FROM t ORDER BY v")).toEqual([[-(2n ** 63n)], [2n ** 53n + 1n], [2n ** 63n - 1n]]);
  });

  it("return BIGINT UNSIGNED beyond int64 as exact decimal text", async () => {
    await run(conn, "CREATE TABLE t (u BIGINT UNSIGNED)");
    await run(conn, "INSERT INTO t VALUES (18446744073709551615), (9223372036854775807)");
    expect(await rows(conn, "SELECT u FROM t ORDER BY u")).toEqual([[2n ** 63n - 1n], ["18446744073709551615"]]);
  });

  it("return TINYINT(1) (BOOLEAN), YEAR and BIT as bigint", async () => {
    await run(conn, "CREATE TABLE t (b BOOLEAN, y YEAR, bits BIT(10), wide BIT(64))");
    await run(conn, "INSERT INTO t VALUES (TRUE, 2024, b'1000000001', b'1111111111111111111111111111111111111111111111111111111111111111')");
    expect(await rows(conn, "SELECT b, NOT b, y, bits, wide FROM t")).toEqual([[1n, 0n, 2024n, 513n, "18446744073709551615"]]);
  });

  it("refuse arguments outside int64", async () => {
    expect((await gatewayError(run(conn, "SELECT ?", [2n ** 63n]))).code).toBe("ARGS_INVALID");
  });
});

describe("floats and decimals", () => {
  it("keep floats as numbers, also when they are whole", async () => {
    const [row] = await rows(conn, "SELECT ?, ?, ?, ?, 2e0", [2.0, 1e308, 0.1, -1.5e-300]);
    expect(row).toEqual([2, 1e308, 0.1, -1.5e-300, 2]);
    expect(typeof row?.[0]).toBe("number");
  });

  it("round-trip doubles exactly through a DOUBLE column", async () => {
    const values = [Math.PI, 0.1 + 0.2, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2, -0.000123456789];
    await run(conn, "CREATE TABLE t (id INT PRIMARY KEY, d DOUBLE)");
    for (const [i, value] of values.entries()) await run(conn, "INSERT INTO t VALUES (?, ?)", [BigInt(i), value]);
    expect((await rows(conn, "SELECT d FROM t ORDER BY id")).map(([d]) => d)).toEqual(values);
  });

  it("store a float argument in an INTEGER column as an integer", async () => {
    await run(conn, "CREATE TABLE t (i INT)");
    await run(conn, "INSERT INTO t VALUES (?)", [42]);
    expect(await rows(conn, "SELECT i FROM t")).toEqual([[42n]]);
  });

  it("return DECIMAL as exact text", async () => {
    await run(conn, "CREATE TABLE t (d DECIMAL(30,10))");
    await run(conn, "INSERT INTO t VALUES ('12345678901234567890.0123456789'), (-0.5)");
    expect(await rows(conn, "SELECT d FROM t ORDER BY d")).toEqual([["-0.5000000000"], ["12345678901234567890.0123456789"]]);
    expect(await rows(conn, "SELECT 1.5")).toEqual([["1.5"]]);
  });

  it("refuse NaN and infinities, which MySQL cannot store", async () => {
    expect((await gatewayError(run(conn, "SELECT ?", [Number.POSITIVE_INFINITY]))).code).toBe("ARGS_INVALID");
    expect((await gatewayError(run(conn, "SELECT ?", [Number.NaN]))).code).toBe("ARGS_INVALID");
  });
});

describe("text", () => {
  it("round-trips utf8mb4 text: emoji, non-BMP characters, quotes, backslashes, NUL", async () => {
    const text = "héllo 👋🏽 𝄞 it's \"q\" \\n \\ a\u0000b ` ; -- #";
    await run(conn, "CREATE TABLE t (v TEXT)");
    await run(conn, "INSERT INTO t VALUES (?)", [text]);
    expect(await rows(conn, "SELECT v, ? FROM t", [text])).toEqual([[text, text]]);
    expect(await rows(conn, "SELECT CHAR_LENGTH(v) FROM t")).toEqual([[BigInt([...text].length)]]);
  });

  it("round-trips strings with backslashes when the session has NO_BACKSLASH_ESCAPES", async () => {
    const text = "a\\'b\\\\c\u0000";
    await run(conn, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
    expect(await rows(conn, "SELECT ?, 'x\\y'", [text])).toEqual([[text, "x\\y"]]);
  });

  it("round-trips the empty string", async () => {
    expect(await rows(conn, "SELECT ?", [""])).toEqual([[""]]);
  });

  it("returns JSON as text", async () => {
    await run(conn, "CREATE TABLE t (j JSON)");
    await run(conn, "INSERT INTO t VALUES (?)", ['{"a": [1, 2.5, "x"], "b": null}']);
    const result = await run(conn, "SELECT j, JSON_EXTRACT(j, '$.a') FROM t");
    expect(result.rows).toEqual([['{"a": [1, 2.5, "x"], "b": null}', '[1, 2.5, "x"]']]);
    expect(result.columns[0]?.decltype).toBe("JSON");
  });

  it("returns dates and times as the server prints them", async () => {
    await run(conn, "CREATE TABLE t (d DATE, dt DATETIME(3), ts TIMESTAMP NULL, tm TIME)");
    await run(conn, "INSERT INTO t VALUES ('2024-02-29', '2024-02-29 13:14:15.678', '2024-02-29 13:14:15', '-838:59:59')");
    expect(await rows(conn, "SELECT d, dt, ts, tm FROM t")).toEqual([
      ["2024-02-29", "2024-02-29 13:14:15.678", "2024-02-29 13:14:15", "-838:59:59"],
    ]);
  });
});

describe("blobs", () => {
  it("round-trip empty, a view into a larger buffer, and 1 MB", async () => {
    const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 7) % 256);
    const view = new Uint8Array([9, 0, 39, 92, 9]).subarray(1, 4);
    await run(conn, "CREATE TABLE t (id INT PRIMARY KEY, b LONGBLOB)");
    await run(conn, "INSERT INTO t VALUES (1, ?), (2, ?), (3, ?)", [new Uint8Array(0), view, big]);
    const result = await rows(conn, "SELECT b FROM t ORDER BY id");
    const [empty, small, large] = result.map(([b]) => b);
    expect(empty).toBeInstanceOf(Uint8Array);
    expect([...(empty as Uint8Array)]).toEqual([]);
    expect([...(small as Uint8Array)]).toEqual([0, 39, 92]);
    expect(Buffer.from(large as Uint8Array).equals(Buffer.from(big))).toBe(true);
  });

  it("return binary strings and VARBINARY as bytes", async () => {
    const [row] = await rows(conn, "SELECT ?, X'00FF', BINARY 'ab'", [new Uint8Array([1, 2])]);
    expect(row?.map((value) => [...(value as Uint8Array)])).toEqual([[1, 2], [0, 255], [97, 98]]);
  });
});

describe("NULL", () => {
  it("round-trips", async () => {
    expect(await rows(conn, "SELECT ?, NULL", [null])).toEqual([[null, null]]);
  });
});

describe("wantRows", () => {
  it("returns no rows when false, but columns and counts", async () => {
    await run(conn, "CREATE TABLE t (a INT)");
    await run(conn, "INSERT INTO t VALUES (1), (2)");
    const result = await conn.execute(stmt("SELECT a FROM t", [], { wantRows: false }));
    expect(result).toMatchObject({ rows: [], rowsRead: 2 });
    expect(result.columns).toEqual([{ name: "a", decltype: "INT" }]);
  });
});
