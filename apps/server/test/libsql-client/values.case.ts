// Every value type, bound by position and by name in every form the client allows, stored in
// integer, float, text and blob columns and read back: the server must keep the value's type (a
// whole float is a float, not an integer; on SQLite its storage class) and every bit of 64-bit
// integers.
import { createHash, randomBytes } from "node:crypto";
import { LibsqlError, type InArgs, type InValue, type IntMode, type Value } from "@libsql/client";
import { describe, expect, test } from "vitest";
import { floatSql, type Capabilities } from "./backends.js";
import {
  countRows,
  rowsOf,
  scalar,
  testIf,
  uniqueTable,
  untypedResult,
  useBaton,
  type BatonFixture,
} from "./baton-fixture.js";

/** How one argument is bound: the placeholder in the SQL and the args the client is given. */
interface BindingForm {
  readonly name: string;
  readonly placeholder: string;
  readonly args: (value: InValue) => InArgs;
}

const BINDING_FORMS: readonly BindingForm[] = [
  { name: "positional ?", placeholder: "?", args: (v) => [v] },
  { name: "positional ?1", placeholder: "?1", args: (v) => [v] },
  { name: ":v, key ':v'", placeholder: ":v", args: (v) => ({ ":v": v }) },
  { name: ":v, key 'v'", placeholder: ":v", args: (v) => ({ v }) },
  { name: "@v, key '@v'", placeholder: "@v", args: (v) => ({ "@v": v }) },
  { name: "@v, key 'v'", placeholder: "@v", args: (v) => ({ v }) },
  { name: "$v, key '$v'", placeholder: "$v", args: (v) => ({ $v: v }) },
  { name: "$v, key 'v'", placeholder: "$v", args: (v) => ({ v }) },
];

type Column = "i" | "r" | "s" | "b";

interface ValueCase {
  readonly label: string;
  readonly column: Column;
  readonly input: InValue;
  /** What the client returns, blobs as `blobLabel()` strings. */
  readonly expected: unknown;
  /** SQLite's `typeof()` of the stored value (checked where the backend has it). */
  readonly storage: "null" | "integer" | "real" | "text" | "blob";
}

interface ValueGroup {
  readonly name: string;
  /** The reading client's intMode. */
  readonly intMode: IntMode;
  readonly cases: readonly ValueCase[];
}

const I64_MAX = 2n ** 63n - 1n;
const I64_MIN = -(2n ** 63n);
const ONE_MB = randomBytes(1024 * 1024);

/** Blobs compared by content without megabyte-long diffs. */
function blobLabel(bytes: Uint8Array): string {
  if (bytes.length <= 32) return `blob[${Buffer.from(bytes).toString("hex")}]`;
  return `blob[${bytes.length} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex")}]`;
}

function normalize(value: Value): unknown {
  return value instanceof ArrayBuffer ? blobLabel(new Uint8Array(value)) : value;
}

const VALUE_GROUPS: readonly ValueGroup[] = [
  {
    name: "null",
    intMode: "number",
    cases: (["i", "r", "s", "b"] as const).map((column) => ({
      label: `null in ${column}`,
      column,
      input: null,
      expected: null,
      storage: "null",
    })),
  },
  {
    name: "integers (intMode bigint)",
    intMode: "bigint",
    cases: [
      { label: "0", column: "i", input: 0n, expected: 0n, storage: "integer" },
      { label: "42", column: "i", input: 42n, expected: 42n, storage: "integer" },
      { label: "-7", column: "i", input: -7n, expected: -7n, storage: "integer" },
      { label: "2^53+1", column: "i", input: 2n ** 53n + 1n, expected: 2n ** 53n + 1n, storage: "integer" },
      { label: "-(2^53+1)", column: "i", input: -(2n ** 53n + 1n), expected: -(2n ** 53n + 1n), storage: "integer" },
      { label: "2^63-1", column: "i", input: I64_MAX, expected: I64_MAX, storage: "integer" },
      { label: "-(2^63-1)", column: "i", input: -I64_MAX, expected: -I64_MAX, storage: "integer" },
      { label: "-2^63", column: "i", input: I64_MIN, expected: I64_MIN, storage: "integer" },
      // A JS number travels as a float; INTEGER affinity stores the whole value as an integer.
      { label: "JS number 42 into INTEGER", column: "i", input: 42, expected: 42n, storage: "integer" },
      { label: "boolean true", column: "i", input: true, expected: 1n, storage: "integer" },
      { label: "boolean false", column: "i", input: false, expected: 0n, storage: "integer" },
    ],
  },
  {
    name: "integers (default intMode number)",
    intMode: "number",
    cases: [
      { label: "42", column: "i", input: 42n, expected: 42, storage: "integer" },
      { label: "-7", column: "i", input: -7n, expected: -7, storage: "integer" },
      { label: "2^53-1", column: "i", input: 2n ** 53n - 1n, expected: 2 ** 53 - 1, storage: "integer" },
      { label: "-(2^53-1)", column: "i", input: -(2n ** 53n - 1n), expected: -(2 ** 53 - 1), storage: "integer" },
    ],
  },
  {
    // Read with intMode "bigint", so a float wrongly tagged as an integer would come back as a bigint.
    name: "floats (intMode bigint, so an integer tag would show)",
    intMode: "bigint",
    cases: [
      { label: "1.5", column: "r", input: 1.5, expected: 1.5, storage: "real" },
      { label: "whole 2.0", column: "r", input: 2, expected: 2, storage: "real" },
      { label: "whole 0.0", column: "r", input: 0, expected: 0, storage: "real" },
      { label: "-1e15 (whole)", column: "r", input: -1e15, expected: -1e15, storage: "real" },
      { label: "2^60 (whole, beyond 2^53)", column: "r", input: 2 ** 60, expected: 2 ** 60, storage: "real" },
      { label: "1e308", column: "r", input: 1e308, expected: 1e308, storage: "real" },
      { label: "-2.5e-300", column: "r", input: -2.5e-300, expected: -2.5e-300, storage: "real" },
      { label: "0.1", column: "r", input: 0.1, expected: 0.1, storage: "real" },
      { label: "Number.MIN_VALUE", column: "r", input: Number.MIN_VALUE, expected: Number.MIN_VALUE, storage: "real" },
    ],
  },
  {
    name: "text",
    intMode: "number",
    cases: [
      { label: "ascii", column: "s", input: "hello", expected: "hello", storage: "text" },
      { label: "latin accents", column: "s", input: "héllo wörld ß", expected: "héllo wörld ß", storage: "text" },
      { label: "CJK", column: "s", input: "日本語のテキスト", expected: "日本語のテキスト", storage: "text" },
      { label: "emoji", column: "s", input: "😀👍🏽🏳️‍🌈", expected: "😀👍🏽🏳️‍🌈", storage: "text" },
      { label: "empty string", column: "s", input: "", expected: "", storage: "text" },
      {
        label: "quotes, escapes and a semicolon",
        column: "s",
        input: "line1\nline2\t'single' \"double\" \\ ; --",
        expected: "line1\nline2\t'single' \"double\" \\ ; --",
        storage: "text",
      },
      // A string of digits stays text in a TEXT column.
      { label: "digits", column: "s", input: "0123", expected: "0123", storage: "text" },
    ],
  },
  {
    name: "blobs",
    intMode: "number",
    cases: [
      {
        label: "Uint8Array",
        column: "b",
        input: new Uint8Array([0, 1, 2, 253, 254, 255]),
        expected: blobLabel(new Uint8Array([0, 1, 2, 253, 254, 255])),
        storage: "blob",
      },
      {
        label: "ArrayBuffer",
        column: "b",
        input: new Uint8Array([9, 8, 7]).buffer,
        expected: blobLabel(new Uint8Array([9, 8, 7])),
        storage: "blob",
      },
      { label: "one byte", column: "b", input: new Uint8Array([0xff]), expected: blobLabel(new Uint8Array([0xff])), storage: "blob" },
      { label: "empty", column: "b", input: new Uint8Array(0), expected: blobLabel(new Uint8Array(0)), storage: "blob" },
      { label: "1 MB", column: "b", input: new Uint8Array(ONE_MB), expected: blobLabel(ONE_MB), storage: "blob" },
    ],
  },
];

function tableDdl(caps: Capabilities, table: string): string {
  const t = caps.types;
  return `CREATE TABLE ${table} (id ${t.autoId}, i ${t.integer}, r ${t.real}, s ${t.text}, b ${t.blob})`;
}

export function valueCases(baton: BatonFixture): void {
  const { caps } = baton;
  const label = baton.backend.label;

  describe("values round-trip through declared columns", () => {
    for (const form of BINDING_FORMS) {
      describe(`bound as ${form.name}`, () => {
        for (const group of VALUE_GROUPS) {
          test(group.name, async () => {
            const client = baton.client({ intMode: group.intMode });
            const table = uniqueTable("vals");
            await client.execute(tableDdl(caps, table));
            for (const [index, c] of group.cases.entries()) {
              const id = BigInt(index + 1);
              const rs = await client.execute({
                sql: `INSERT INTO ${table} (id, ${c.column}) VALUES (${id}, ${form.placeholder})`,
                args: form.args(c.input),
              });
              expect(rs.rowsAffected, c.label).toBe(1);
              // An explicit key is the rowid (SQLite) and the AUTO_INCREMENT id (MySQL) alike.
              expect(rs.lastInsertRowid, c.label).toBe(caps.lastInsertRowid === "none" ? undefined : id);
            }
            // SQLite's typeof() shows the storage class; elsewhere the column's type fixes it, and
            // the JS type of the value (bigint or number in intMode bigint) shows what came back.
            const storage = caps.sqliteDialect ? (column: Column) => `, typeof(${column}) AS storage` : () => "";
            const got: unknown[] = [];
            for (const [index, c] of group.cases.entries()) {
              const rs = await client.execute({
                sql: `SELECT ${c.column} AS v${storage(c.column)} FROM ${table} WHERE id = ?`,
                args: [BigInt(index + 1)],
              });
              const [row] = rowsOf(rs);
              got.push({ label: c.label, value: normalize(row?.[0] ?? null), storage: caps.sqliteDialect ? row?.[1] : undefined });
            }
            expect(got).toEqual(
              group.cases.map((c) => ({ label: c.label, value: c.expected, storage: caps.sqliteDialect ? c.storage : undefined })),
            );
          });
        }
      });
    }

    test("a whole REAL (2.0) comes back as the number 2 in the default intMode", async () => {
      const client = baton.client();
      const table = uniqueTable("real");
      await client.execute(`CREATE TABLE ${table} (r ${caps.types.real})`);
      await client.execute(`INSERT INTO ${table} VALUES (2.0), (?)`, [2]);
      const rs = await client.execute(`SELECT r${caps.sqliteDialect ? ", typeof(r)" : ""} FROM ${table}`);
      const values = rs.rows.map((row) => row[0]);
      expect(values).toEqual([2, 2]);
      for (const value of values) expect(typeof value).toBe("number");
      if (caps.sqliteDialect) expect(rs.rows.map((row) => row[1])).toEqual(["real", "real"]);
    });

    test("a whole REAL stays a float even in intMode bigint and string", async () => {
      for (const intMode of ["bigint", "string"] as const) {
        const client = baton.client({ intMode });
        const rs = await client.execute(`SELECT CAST(2 AS ${caps.types.real}) AS r, ${floatSql(caps, "2.0")} AS lit, 3 AS i`);
        expect(rowsOf(rs), intMode).toEqual([[2, 2, intMode === "bigint" ? 3n : "3"]]);
      }
    });

    testIf(caps.untypedParametersKeepType, `${label} types a parameter from its context, and without one it is text`)(
      "a whole JS number bound without a declared type stays a float",
      async () => {
        const client = baton.client({ intMode: "bigint" });
        if (caps.sqliteDialect) {
          const rs = await client.execute("SELECT ? AS v, typeof(?) AS t", [42, 42]);
          expect(rowsOf(rs)).toEqual([[42, "real"]]);
        } else {
          // In intMode bigint an integer would come back as 42n.
          expect(rowsOf(await client.execute("SELECT ? AS v", [42]))).toEqual([[42]]);
        }
      },
    );

    test("Date arguments are sent as milliseconds and come back as numbers", async () => {
      const client = baton.client();
      const when = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250));
      expect(scalar(await client.execute("SELECT ?", [when]))).toBe(untypedResult(caps, when.valueOf()));
    });
  });

  // On its own server: when this fails over HTTP, the client cannot close the transaction's
  // stream (it never got the next baton), which keeps the write lock until the stream expires.
  describe("non-finite floats (own server)", () => {
    const own = useBaton(baton.transport, baton.backend);
    const infinity = caps.infinity;

    testIf(infinity !== undefined, `${label} floats have no infinity`)(
      "a REAL infinity in a result fails that statement alone with VALUE_NOT_REPRESENTABLE, never as malformed Hrana",
      async () => {
        // SQLite has ±Infinity (1e999) but no NaN; Postgres has both. JSON has neither;
        // `{"type":"float","value":null}` is malformed Hrana: the client then drops the HTTP
        // stream or the whole WebSocket, and with it the open transaction.
        const client = own.client();
        const table = uniqueTable("inf");
        await client.execute(`CREATE TABLE ${table} (v ${caps.types.text})`);
        const tx = await client.transaction("write");
        await tx.execute(`INSERT INTO ${table} VALUES ('before')`);
        const outcome = await tx
          .execute(`SELECT ${infinity?.positive} AS inf, ${infinity?.negative} AS ninf`)
          .then(rowsOf, (error: unknown) => error);
        expect(outcome, String(outcome)).toBeInstanceOf(LibsqlError);
        expect((outcome as LibsqlError).code, String(outcome)).toBe("VALUE_NOT_REPRESENTABLE");
        await tx.execute(`INSERT INTO ${table} VALUES ('after')`);
        await tx.commit();
        expect(await countRows(client, table)).toBe(2);
      },
    );
  });

  describe("named and numbered parameters", () => {
    test("named arguments bind by name, not by the order given", async () => {
      const client = baton.client();
      const rs = await client.execute({ sql: "SELECT :b AS b, :a AS a", args: { a: 1, b: "two" } });
      expect(rowsOf(rs)).toEqual([["two", untypedResult(caps, 1)]]);
      expect(rs.columns).toEqual(["b", "a"]);
    });

    test("all three prefixes in one statement, keys with and without prefix", async () => {
      const client = baton.client({ intMode: "bigint" });
      const rs = await client.execute({
        sql: "SELECT :a AS a, @b AS b, $c AS c, :d AS d",
        args: { ":a": 1n, b: "bee", $c: new Uint8Array([1, 2, 3]), d: null },
      });
      const [row] = rowsOf(rs);
      expect(row?.map(normalize)).toEqual([untypedResult(caps, 1n), "bee", blobLabel(new Uint8Array([1, 2, 3])), null]);
    });

    testIf(caps.sqliteDialect, `only SQLite names such a column after the parameter (Postgres: ?column?, MySQL: the bound value)`)("the column of a bare parameter is named after it, prefix included", async () => {
      const client = baton.client({ intMode: "bigint" });
      const rs = await client.execute({ sql: "SELECT :a, @b, $c, :d", args: { ":a": 1n, b: "bee", $c: new Uint8Array([1]), d: null } });
      expect(rs.columns).toEqual([":a", "@b", "$c", ":d"]);
    });

    test("a named parameter used twice binds one value", async () => {
      const client = baton.client();
      // `$x + 0`, not a bare `$x`: Postgres must give one parameter one type in both places.
      const rs = await client.execute({ sql: "SELECT $x + 0 AS x, $x + 1 AS y, :z AS z", args: { x: 5, ":z": "zed" } });
      expect(rowsOf(rs)).toEqual([[5, 6, "zed"]]);
    });

    test("?NNN numbers parameters explicitly", async () => {
      const client = baton.client();
      const rs = await client.execute("SELECT ?2 AS second, ?1 AS first, ?2 AS again", ["one", "two"]);
      expect(rowsOf(rs)).toEqual([["two", "one", "two"]]);
    });
  });

  describe("column metadata", () => {
    test("columns and columnTypes come from the prepared statement, also for an empty result", async () => {
      const client = baton.client();
      const table = uniqueTable("meta");
      await client.execute(tableDdl(caps, table));
      const sql = `SELECT i, r, s, b, id, i + 1 AS expr, 'lit' AS lit, s AS renamed FROM ${table}`;
      const empty = await client.execute(sql);
      expect(empty.rows).toEqual([]);
      expect(empty.columns).toEqual(["i", "r", "s", "b", "id", "expr", "lit", "renamed"]);
      const t = caps.reported;
      expect(empty.columnTypes).toEqual([t.integer, t.real, t.text, t.blob, t.integer, t.integerExpression, t.textLiteral, t.text]);

      await client.execute(`INSERT INTO ${table} (i, r, s, b) VALUES (?, ?, ?, ?)`, [1n, 1.5, "x", new Uint8Array([7])]);
      const full = await client.execute(sql);
      expect(full.columns).toEqual(empty.columns);
      expect(full.columnTypes).toEqual(empty.columnTypes);
      const row = full.rows[0];
      expect(row?.["i"]).toBe(1);
      expect(row?.["renamed"]).toBe("x");
      expect(row?.["expr"]).toBe(2);
    });

    test("declared types are reported by the database's own names", async () => {
      const client = baton.client();
      const table = uniqueTable("decl");
      await client.execute(`CREATE TABLE ${table} (a VARCHAR(10), b DECIMAL(10,2), c FLOAT, e TIMESTAMP)`);
      const rs = await client.execute(`SELECT a, b, c, e FROM ${table}`);
      const t = caps.reported;
      expect(rs.columnTypes).toEqual([t.varchar10, t.decimal10x2, t.float, t.timestamp]);
    });

    testIf(caps.sqliteDialect, `every ${label} column has a type, and ${label} reports it in its own words`)("declared types are reported as written; an untyped column has none", async () => {
      const client = baton.client();
      const table = uniqueTable("decl");
      await client.execute(`CREATE TABLE ${table} (a VARCHAR(10), b DECIMAL(10,2), c FLOAT, d, e DATETIME)`);
      const rs = await client.execute(`SELECT a, b, c, d, e FROM ${table}`);
      expect(rs.columnTypes).toEqual(["VARCHAR(10)", "DECIMAL(10,2)", "FLOAT", "", "DATETIME"]);
    });

    test("duplicate column names are kept as separate columns", async () => {
      const client = baton.client();
      const rs = await client.execute("SELECT 1 AS x, 2 AS x, 'three' AS x");
      expect(rs.columns).toEqual(["x", "x", "x"]);
      expect(rowsOf(rs)).toEqual([[1, 2, "three"]]);
    });
  });

  describe("intMode", () => {
    const bigSql = `SELECT 9007199254740993 AS big, 42 AS small, -9223372036854775808 AS min, ${floatSql(caps, "1.5")} AS f`;

    test('"number": a safe integer is a number, an unsafe one is a RangeError', async () => {
      const client = baton.client({ intMode: "number" });
      const safe = await client.execute("SELECT 9007199254740991 AS v, -9007199254740991 AS w");
      expect(rowsOf(safe)).toEqual([[9007199254740991, -9007199254740991]]);
      await expect(client.execute(bigSql)).rejects.toBeInstanceOf(RangeError);
      await expect(client.execute("SELECT 9223372036854775807")).rejects.toBeInstanceOf(RangeError);
    });

    test('"bigint": every integer is an exact bigint, floats stay numbers', async () => {
      const client = baton.client({ intMode: "bigint" });
      const rs = await client.execute(bigSql);
      expect(rowsOf(rs)).toEqual([[9007199254740993n, 42n, -9223372036854775808n, 1.5]]);
    });

    test('"string": every integer is its decimal string, floats stay numbers', async () => {
      const client = baton.client({ intMode: "string" });
      const rs = await client.execute(bigSql);
      expect(rowsOf(rs)).toEqual([["9007199254740993", "42", "-9223372036854775808", 1.5]]);
    });

    test("integers computed by SQL keep 64-bit precision", async () => {
      const client = baton.client({ intMode: "bigint" });
      const rs = await client.execute("SELECT 9223372036854775806 + 1, -9223372036854775807 - 1, 4611686018427387903 * 2 + 1");
      expect(rowsOf(rs)).toEqual([[I64_MAX, I64_MIN, I64_MAX]]);
    });

    testIf(caps.lastInsertRowid !== "none", `${label} has no lastInsertRowid (it has RETURNING)`)(
      "lastInsertRowid is a bigint whatever the intMode",
      async () => {
        for (const intMode of ["number", "bigint", "string"] as const) {
          const client = baton.client({ intMode });
          const table = uniqueTable("rowid");
          // SQLite: the key is the rowid; MySQL: an explicit AUTO_INCREMENT value is reported too.
          await client.execute(`CREATE TABLE ${table} (id ${caps.types.autoId}, v ${caps.types.text})`);
          const rs = await client.execute(`INSERT INTO ${table} (id, v) VALUES (?, 'x')`, [2n ** 62n]);
          expect(rs.lastInsertRowid, intMode).toBe(2n ** 62n);
        }
      },
    );
  });
}
