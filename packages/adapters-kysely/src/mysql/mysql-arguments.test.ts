import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NamedValue, SqlConnection, SqlValue } from "../executor.js";
import { mysqlFixture, type MysqlFixture } from "../test-support/mysql-fixture.js";
import { gatewayError, run, stmt } from "../test-support/sqlite-fixture.js";

let fixture: MysqlFixture;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await mysqlFixture();
  conn = await fixture.database.acquire();
});
afterEach(() => fixture.dispose());

const select = async (sql: string, args: SqlValue[], namedArgs: NamedValue[] = []) =>
  (await conn.execute(stmt(sql, args, { namedArgs }))).rows[0];
const failure = async (sql: string, args: SqlValue[], namedArgs: NamedValue[] = []) =>
  gatewayError(conn.execute(stmt(sql, args, { namedArgs })));

describe("positional arguments", () => {
  it("bind ? in order", async () => {
    expect(await select("SELECT ?, ?, ?", [1n, "b", 3.5])).toEqual([1n, "b", 3.5]);
  });

  it("bind ?NNN by number, repeated and out of order", async () => {
    expect(await select("SELECT ?3, ?1, ?3", [1n, 2n, 3n])).toEqual([3n, 1n, 3n]);
  });

  it("follow SQLite's numbering for a mix of forms", async () => {
    // ? → 1, ?5 → 5, ? → 6, :a → 7, @b → 8.
    const args = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n];
    expect(await select("SELECT ?, ?5, ?, :a, :a, @b", args)).toEqual([1n, 5n, 6n, 7n, 7n, 8n]);
  });

  it("may bind named parameters by their index", async () => {
    expect(await select("SELECT :a, @b, $c", ["x", "y", "z"])).toEqual(["x", "y", "z"]);
  });

  it("bind a float to LIMIT and OFFSET, as clients send every JS number", async () => {
    await run(conn, "CREATE TABLE t (a INT)");
    await run(conn, "INSERT INTO t VALUES (1), (2), (3)");
    const result = await conn.execute(stmt("SELECT a FROM t ORDER BY a LIMIT ? OFFSET ?", [2, 1]));
    expect(result.rows).toEqual([[2n], [3n]]);
  });
});

describe("named arguments", () => {
  it("match names with their prefix", async () => {
    const named = [
      { name: ":a", value: 1n },
      { name: "@b", value: 2n },
      { name: "$c", value: 3n },
    ];
    expect(await select("SELECT :a, @b, $c", [], named)).toEqual([1n, 2n, 3n]);
  });

  it("match names without prefix against :, @ and $, and repeat them", async () => {
    const named = [
      { name: "a", value: 1n },
      { name: "b", value: 2n },
      { name: "c", value: 3n },
    ];
    expect(await select("SELECT :a, @b, $c, :a, @b", [], named)).toEqual([1n, 2n, 3n, 1n, 2n]);
  });

  it("bind one unprefixed name to every prefix of it", async () => {
    expect(await select("SELECT :a, @a, $a", [], [{ name: "a", value: "v" }])).toEqual(["v", "v", "v"]);
  });

  it("bind different prefixes of one name to different values", async () => {
    const named = [
      { name: ":a", value: 1n },
      { name: "@a", value: 2n },
    ];
    expect(await select("SELECT :a, @a", [], named)).toEqual([1n, 2n]);
  });

  it("bind ?NNN by its name", async () => {
    expect(await select("SELECT ?2", [], [{ name: "?2", value: "two" }])).toEqual(["two"]);
  });

  it("win over positional arguments for the same index", async () => {
    expect(await select("SELECT :a, ?", [1n, 2n], [{ name: ":a", value: 9n }])).toEqual([9n, 2n]);
  });
});

describe("the text around parameters", () => {
  it("is left untouched: strings, backticks, comments, user and system variables", async () => {
    await run(conn, "CREATE TABLE `odd ?name` (`:col` INT, `@c` INT)");
    await run(conn, "INSERT INTO `odd ?name` VALUES (?, ?)", [1n, 2n]);
    const sql = `SELECT ':a', "?", 'it\\'s :x', \`:col\`, \`@c\`, @@autocommit, @\`unset\` -- ? :b
      # $c
      /* @d ? */ FROM \`odd ?name\` WHERE \`:col\` = :real`;
    const result = await conn.execute(stmt(sql, [], { namedArgs: [{ name: "real", value: 1n }] }));
    expect(result.rows).toEqual([[":a", "?", "it's :x", 1n, 2n, 1n, null]]);
    expect(result.columns.map((column) => column.name)).toEqual([":a", "?", "it's :x", ":col", "@c", "@@autocommit", "@`unset`"]);
  });

  it("reaches MySQL user variables written with quotes", async () => {
    await run(conn, "SET @`v` = 41");
    expect(await select("SELECT @`v` + ?", [1n])).toEqual([42n]);
  });
});

describe("argument errors", () => {
  it("report a missing positional argument with its index", async () => {
    const error = await failure("SELECT ?, ?", [1n]);
    expect(error.code).toBe("ARGS_INVALID");
    expect(error.message).toMatch(/parameter 2\b/);
  });

  it("report a missing named argument with its name", async () => {
    const error = await failure("SELECT :a, :b", [], [{ name: "a", value: 1n }]);
    expect(error.code).toBe("ARGS_INVALID");
    expect(error.message).toMatch(/parameter 2 \(:b\)/);
  });

  it("report surplus positional arguments", async () => {
    expect((await failure("SELECT ?", [1n, 2n])).code).toBe("ARGS_INVALID");
    expect((await failure("SELECT 1", [1n])).code).toBe("ARGS_INVALID");
  });

  it("report a named argument that matches no parameter", async () => {
    expect((await failure("SELECT :a", [], [{ name: ":a", value: 1n }, { name: "zz", value: 1n }])).code).toBe("ARGS_INVALID");
    expect((await failure("SELECT :a", [], [{ name: "@a", value: 1n }])).code).toBe("ARGS_INVALID");
  });

  it("report a named argument given twice", async () => {
    expect((await failure("SELECT :a", [], [{ name: "a", value: 1n }, { name: "a", value: 2n }])).code).toBe("ARGS_INVALID");
  });

  it("report ?NNN out of range as SQLite does", async () => {
    const error = await failure("SELECT ?0", []);
    expect(error.code).toBe("SQLITE_ERROR");
    expect(error.message).toBe("variable number must be between ?1 and ?32766");
  });
});
