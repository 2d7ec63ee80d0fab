import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NamedValue, SqlConnection, SqlValue } from "../executor.js";
import { parameterTable } from "../sql-text/sql-parameters.js";
import { gatewayError, sqliteFixture, stmt } from "../test-support/sqlite-fixture.js";
import { bindArguments } from "./sqlite-arguments.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>>;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await sqliteFixture();
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

  it("bind ?NNN by number, including unreferenced indexes in between", async () => {
    expect(await select("SELECT ?3, ?1", [1n, 2n, 3n])).toEqual([3n, 1n]);
  });

  it("follow SQLite's numbering for a mix of forms", async () => {
    // ? → 1, ?5 → 5, ? → 6, :a → 7, @b → 8.
    const args = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n];
    expect(await select("SELECT ?, ?5, ?, :a, :a, @b", args)).toEqual([1n, 5n, 6n, 7n, 7n, 8n]);
  });

  it("may bind named parameters by their index", async () => {
    expect(await select("SELECT :a, @b, $c", ["x", "y", "z"])).toEqual(["x", "y", "z"]);
  });

  it("bind a plain ? that shares its index with ?1", async () => {
    expect(await select("SELECT ?, ?1", [7n])).toEqual([7n, 7n]);
  });
});

describe("named arguments", () => {
  it("match names with their prefix", async () => {
    const named = [
      { name: ":a", value: 1n },
      { name: "@b", value: 2n },
      { name: "$c", value: 3n },
      { name: "#d", value: 4n },
    ];
    expect(await select("SELECT :a, @b, $c, #d", [], named)).toEqual([1n, 2n, 3n, 4n]);
  });

  it("match names without prefix against :, @ and $", async () => {
    const named = [
      { name: "a", value: 1n },
      { name: "b", value: 2n },
      { name: "c", value: 3n },
    ];
    expect(await select("SELECT :a, @b, $c, :a", [], named)).toEqual([1n, 2n, 3n, 1n]);
  });

  it("bind ?NNN by its name", async () => {
    expect(await select("SELECT ?2", [], [{ name: "?2", value: "two" }])).toEqual(["two"]);
  });

  it("win over positional arguments for the same index", async () => {
    expect(await select("SELECT :a, ?", [1n, 2n], [{ name: ":a", value: 9n }])).toEqual([9n, 2n]);
  });

  it("bind different prefixes of one name, when the values agree", async () => {
    expect(await select("SELECT :a, @a", [], [{ name: "a", value: 5n }])).toEqual([5n, 5n]);
    const error = await failure("SELECT :a, @a", [], [
      { name: ":a", value: 1n },
      { name: "@a", value: 2n },
    ]);
    expect(error.code).toBe("ARGS_INVALID");
  });

  it("may bind blobs to names sharing a key when they are equal", async () => {
    const blob = new Uint8Array([1, 2]);
    const named = [
      { name: ":a", value: blob },
      { name: "@a", value: new Uint8Array([1, 2]) },
    ];
    expect(await select("SELECT :a, @a", [], named)).toEqual([Buffer.from(blob), Buffer.from(blob)]);
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
    const error = await failure("SELECT :a", [], [{ name: "a", value: 1n }, { name: "a", value: 2n }]);
    expect(error.code).toBe("ARGS_INVALID");
  });
});

describe("bindArguments", () => {
  it("passes unreferenced indexes as NULL positional values", () => {
    expect(bindArguments(parameterTable("SELECT ?3"), { args: [], namedArgs: [{ name: "?3", value: 1n }] })).toEqual([
      [null, null],
      { "3": 1n },
    ]);
  });

  it("passes a Uint8Array as a Buffer over the same memory", () => {
    const bytes = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    const [positional] = bindArguments(parameterTable("SELECT ?"), { args: [bytes], namedArgs: [] }) as [Buffer[]];
    expect(Buffer.isBuffer(positional[0])).toBe(true);
    expect(positional[0]?.buffer).toBe(bytes.buffer);
    expect([...positional[0]!]).toEqual([2, 3]);
  });
});
