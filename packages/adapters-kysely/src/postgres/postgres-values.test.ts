import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { postgresFixture, type PostgresFixture } from "../test-support/postgres-fixture.js";
import { gatewayError, rows, run } from "../test-support/sqlite-fixture.js";
import { PgTypeRegistry } from "./postgres-types.js";
import { arrayToJson } from "./postgres-values.js";

let fixture: PostgresFixture;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await postgresFixture();
  conn = await fixture.database.acquire();
});
afterEach(async () => {
  await fixture.database.release(conn);
  await fixture.dispose();
});

describe("values round-trip exactly", () => {
  it("keeps int2, int4 and int8 as bigint, int8 at its extremes and beyond 2^53", async () => {
    await run(conn, "CREATE TABLE t(i8 int8, i4 int4, i2 int2)");
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 0n, -1n];
    for (const value of values) await run(conn, "INSERT INTO t(i8) VALUES (?)", [value]);
    expect((await rows(conn, "SELECT i8 FROM t")).map((row) => row[0])).toEqual(values);
    await run(conn, "INSERT INTO t(i4, i2) VALUES (?, ?)", [2147483647n, -32768n]);
    expect(await rows(conn, "SELECT i4, i2 FROM t WHERE i4 IS NOT NULL")).toEqual([[2147483647n, -32768n]]);
    expect(await rows(conn, "SELECT ?::int8, 9223372036854775807", [2n ** 63n - 1n])).toEqual([[2n ** 63n - 1n, 2n ** 63n - 1n]]);
  });

  it("keeps floats as numbers, also when whole, with -0, NaN and the infinities", async () => {
    await run(conn, "CREATE TABLE t(id int, f8 float8, f4 float4)");
    const values = [2.0, 0.1, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.30000000000000004];
    for (const [i, value] of values.entries()) await run(conn, "INSERT INTO t(id, f8) VALUES (?, ?)", [BigInt(i), value]);
    const read = (await rows(conn, "SELECT f8 FROM t ORDER BY id")).map((row) => row[0]);
    expect(read).toEqual(values);
    expect(typeof read[0]).toBe("number");
    expect(Object.is(read[3], -0)).toBe(true);
    expect(await rows(conn, "SELECT 2.0::float8, 1.5::float4")).toEqual([[2, 1.5]]);
  });

  it("reads numeric as exact text", async () => {
    await run(conn, "CREATE TABLE t(n numeric)");
    await run(conn, "INSERT INTO t VALUES (?), (?), ('NaN')", ["12345678901234567890.123456789012345678901234567890", 0.1]);
    expect(await rows(conn, "SELECT n FROM t")).toEqual([["12345678901234567890.123456789012345678901234567890"], ["0.1"], ["NaN"]]);
    expect(await rows(conn, "SELECT 1.50::numeric(10,2)")).toEqual([["1.50"]]);
  });

  it("reads bool as 1/0 and accepts integers and floats for bool columns", async () => {
    await run(conn, "CREATE TABLE t(id int, b bool)");
    await run(conn, "INSERT INTO t VALUES (1, ?), (2, ?), (3, ?), (4, NULL)", [1n, 0n, "true"]);
    expect(await rows(conn, "SELECT b FROM t ORDER BY id")).toEqual([[1n], [0n], [1n], [null]]);
  });

  it("round-trips bytea: empty, a view into a larger buffer, 1 MB", async () => {
    await run(conn, "CREATE TABLE t(id int, b bytea)");
    const big = new Uint8Array(1024 * 1024).map((_, i) => i % 251);
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    await run(conn, "INSERT INTO t VALUES (1, ?), (2, ?), (3, ?)", [new Uint8Array(0), view, big]);
    const read = (await rows(conn, "SELECT b FROM t ORDER BY id")).map((row) => row[0]);
    expect(read.every((value) => value instanceof Uint8Array)).toBe(true);
    expect([...(read[0] as Uint8Array)]).toEqual([]);
    expect([...(read[1] as Uint8Array)]).toEqual([1, 2, 3]);
    expect(Buffer.from(read[2] as Uint8Array).equals(Buffer.from(big))).toBe(true);
    expect(await rows(conn, "SELECT length(?), ?", [big, new Uint8Array([0, 255])])).toEqual([[1048576n, Buffer.from([0, 255])]]);
  });

  it("reads bytea in the escape output format too", async () => {
    await run(conn, "SET bytea_output = escape");
    expect(await rows(conn, "SELECT '\\x005c41ff'::bytea")).toEqual([[Buffer.from([0, 92, 65, 255])]]);
  });

  it("round-trips unicode text and refuses NUL, which Postgres text cannot hold", async () => {
    const text = "héllo 👋🏽 𝄞 'quoted' \"double\" \\ back";
    await run(conn, "CREATE TABLE t(s text, v varchar(100))");
    await run(conn, "INSERT INTO t VALUES (?, ?)", [text, text]);
    expect(await rows(conn, "SELECT s, v, length(s) FROM t")).toEqual([[text, text, BigInt([...text].length)]]);
    expect((await gatewayError(run(conn, "SELECT ?::text", ["a\u0000b"]))).code).toBe("SQLITE_MISMATCH");
  });

  it("reads json and jsonb as their JSON text", async () => {
    await run(conn, "CREATE TABLE t(j json, jb jsonb)");
    await run(conn, "INSERT INTO t VALUES (?, ?)", ['{"b": 1, "a": [1, 2.5, "x"]}', '{"b": 1, "a": [1, 2.5, "x"], "big": 12345678901234567890}']);
    const [[json, jsonb]] = (await rows(conn, "SELECT j, jb FROM t")) as [[string, string]];
    expect(json).toBe('{"b": 1, "a": [1, 2.5, "x"]}');
    expect(jsonb).toBe('{"a": [1, 2.5, "x"], "b": 1, "big": 12345678901234567890}');
  });

  it("reads dates, times, timestamps and intervals as ISO 8601 text", async () => {
    const result = await rows(
      conn,
      `SELECT '2024-02-29'::date, '13:14:15.5'::time, '13:14:15+05:30'::timetz,
              '2024-02-29 13:14:15.123456'::timestamp, '2024-02-29 13:14:15+05:30'::timestamptz,
              '1 year 2 months 3 days 04:05:06.5'::interval, 'infinity'::timestamptz`,
    );
    expect(result).toEqual([
      [
        "2024-02-29",
        "13:14:15.5",
        "13:14:15+05:30",
        "2024-02-29T13:14:15.123456",
        "2024-02-29T07:44:15+00:00",
        "P1Y2M3DT4H5M6.5S",
        "infinity",
      ],
    ]);
    await run(conn, "CREATE TABLE t(at timestamptz)");
    await run(conn, "INSERT INTO t VALUES (?)", ["2024-01-02T03:04:05.678Z"]);
    expect(await rows(conn, "SELECT at FROM t")).toEqual([["2024-01-02T03:04:05.678+00:00"]]);
  });

  it("reads uuid as text and arrays as JSON text", async () => {
    const result = await rows(
      conn,
      `SELECT '6f1c5e0c-3a4e-4c1e-9b1a-2f0f2d3c4b5a'::uuid, ARRAY[1, 2, NULL]::int8[], ARRAY[['a b', NULL], ['NULL', 'q"x\\']],
              ARRAY[true, false], ARRAY[1.5, 'NaN']::numeric[], ARRAY['{"a":1}']::jsonb[], '{}'::int[],
              ARRAY['2024-01-02 03:04:05+00']::timestamptz[], ARRAY[9223372036854775807]`,
    );
    expect(result).toEqual([
      [
        "6f1c5e0c-3a4e-4c1e-9b1a-2f0f2d3c4b5a",
        "[1,2,null]",
        '[["a b",null],["NULL","q\\"x\\\\"]]',
        "[true,false]",
        '[1.5,"NaN"]',
        '[{"a": 1}]',
        "[]",
        '["2024-01-02T03:04:05+00:00"]',
        "[9223372036854775807]",
      ],
    ]);
  });

  it("round-trips NULL of every kind", async () => {
    await run(conn, "CREATE TABLE t(a int8, b text, c bytea, d float8, e bool)");
    await run(conn, "INSERT INTO t VALUES (?, ?, ?, ?, ?)", [null, null, null, null, null]);
    expect(await rows(conn, "SELECT * FROM t")).toEqual([[null, null, null, null, null]]);
  });

  it("binds a whole float into an integer column, and refuses 2.5 as Postgres does", async () => {
    await run(conn, "CREATE TABLE t(i int4, n numeric, s text)");
    await run(conn, "INSERT INTO t VALUES (?, ?, ?)", [42, 2.5, 42]);
    expect(await rows(conn, "SELECT i, n, s FROM t")).toEqual([[42n, "2.5", "42"]]);
    const error = await gatewayError(run(conn, "INSERT INTO t(i) VALUES (?)", [2.5]));
    expect(error.code).toBe("SQLITE_MISMATCH");
    expect(error.message).toBe('Postgres error 22P02: invalid input syntax for type integer: "2.5"');
  });

  it("refuses integers outside int64 before sending anything", async () => {
    expect((await gatewayError(run(conn, "SELECT ?::int8", [2n ** 63n]))).code).toBe("ARGS_INVALID");
  });

  it("types a parameter Postgres cannot infer from the argument (`? IS NULL`)", async () => {
    expect(await rows(conn, "SELECT ? IS NULL, ? IS NULL, ?::text", [null, 5n, "x"])).toEqual([[1n, 0n, "x"]]);
    expect(await rows(conn, "SELECT pg_typeof(?)::text, pg_typeof(?)::text, pg_typeof(?)::text", [2.5, 7n, "s"])).toEqual([
      ["double precision", "bigint", "text"],
    ]);
    // With nothing to go by, an untyped parameter is text (see postgres-values.ts).
    expect(await rows(conn, "SELECT ?, ?", [7n, 2.5])).toEqual([["7", "2.5"]]);
  });

  it("names user types, domains and their arrays, and reads them by their base type", async () => {
    await run(conn, "CREATE TYPE mood AS ENUM ('sad', 'happy')");
    await run(conn, "CREATE DOMAIN positive AS int8 CHECK (VALUE > 0)");
    const result = await run(conn, "SELECT 'happy'::mood, ARRAY['sad']::mood[], 5::positive, ARRAY[1]::positive[]");
    expect(result.columns.map((column) => column.decltype)).toEqual(["mood", "mood[]", "int8", "positive[]"]);
    expect(result.rows).toEqual([["happy", '["sad"]', 5n, "[1]"]]);
  });
});

describe("arrayToJson", () => {
  const types = new PgTypeRegistry();
  it("drops lower bounds, reads box arrays with their ; delimiter, and leaves malformed text alone", () => {
    expect(arrayToJson("[0:1]={1,2}", { element: types.get(23), delimiter: "," })).toBe("[1,2]");
    expect(arrayToJson('{"(1,2),(0,0)";(3,3),(1,1)}', { element: types.get(25), delimiter: ";" })).toBe('["(1,2),(0,0)","(3,3),(1,1)"]');
    expect(arrayToJson("{1,2", { element: types.get(23), delimiter: "," })).toBe("{1,2");
  });
});
