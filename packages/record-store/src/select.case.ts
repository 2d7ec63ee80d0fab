// The record store's filter pushdown, run against every adapter (sqlite.test.ts, libsql.test.ts,
// postgres.test.ts, mysql.test.ts): `select(where)` must return every record SurrealDB would
// match (exactly those, with start and limit applied, when it says `exact`), judged by a
// JavaScript evaluation of the same condition over all records.
import { Datetime, NONE, RecordId } from "@baton/codecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoreCondition, SurrealObject, SurrealRecord } from "./record-store.js";
import { countingConnection } from "./test-support/counting-connection.js";
import { matches } from "./test-support/condition-oracle.js";
import type { FixtureFactory, StoreFixture } from "./test-support/store-fixtures.js";

type Op = "=" | "!=" | "<" | "<=" | ">" | ">=";
const OPS: readonly Op[] = ["=", "!=", "<", "<=", ">", ">="];

const at = (iso: string) => Datetime.parse(iso);
const compare = (field: string, op: Op, value: unknown): StoreCondition => ({ kind: "compare", field, op, value });
const not = (part: StoreCondition): StoreCondition => ({ kind: "not", part });
const all = (...parts: StoreCondition[]): StoreCondition => ({ kind: "and", parts });
const any = (...parts: StoreCondition[]): StoreCondition => ({ kind: "or", parts });

/**
 * Records whose first one fixes int `i`, float `f`, string `s` and int `n` columns. On Postgres and
 * MySQL the others bring tags into those columns (null, -0 in an int column, ints beyond 2^53 and
 * NaN in a float column, non-strings in the text column) and widen `n` to JSON; on SQLite every
 * column keeps values of every storage class.
 */
const MIXED: readonly (readonly [string, SurrealObject])[] = [
  ["a", { i: 1, f: 2.5, s: "a", n: 5 }],
  ["b", { i: -7, f: 3, s: "b", n: "10" }],
  ["c", { i: 0, f: -0, s: "", n: 2.5 }],
  ["d", { i: -0, f: 2n ** 60n + 1n, s: "a ", n: null }],
  ["e", { i: null, f: null, s: null }],
  ["f", {}],
  ["g", { i: 2n ** 62n, f: Number.NaN, s: "A", n: true }],
  ["h", { i: 5, f: Number.POSITIVE_INFINITY, s: "é", n: Uint8Array.from([1]) }],
  ["i", { i: 5, f: Number.NEGATIVE_INFINITY, s: "😀", n: at("2021-01-01T00:00:00Z") }],
  ["j", { i: 3, f: 1e300, s: 12, n: { x: 1 } }],
  ["k", { i: 4, f: 2 ** 53, s: true, n: -3 }],
  ["l", { i: 9, f: 0.1, s: "a\t", n: 1e19 }],
  ["m", { i: -(2n ** 63n), f: -1.5, s: "10", n: [1] }],
  ["n", { f: 5, s: "b\u00e9" }],
];

/** Literals of every kind the store can place, and some it cannot (datetimes, decimals' neighbours). */
const LITERALS: readonly unknown[] = [
  NONE,
  null,
  false,
  true,
  -1,
  0,
  1,
  2.5,
  3,
  5,
  -1.5,
  2 ** 53,
  2n ** 60n + 1n,
  2n ** 62n,
  1e19,
  Number.NEGATIVE_INFINITY,
  Number.POSITIVE_INFINITY,
  "",
  "a",
  "a ",
  "A",
  "b",
  "é",
  "10",
  at("2020-01-01T00:00:00Z"),
];

const FIELDS = ["id", "i", "f", "s", "n", "v", "c", "missing"];

/** A small deterministic generator: the same composed conditions on every run and database. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function conditionsFor(table: string, keys: readonly unknown[]): StoreCondition[] {
  const literals = [...LITERALS, ...keys.map((key) => new RecordId(table, key as string)), new RecordId("other", "a")];
  const atoms = FIELDS.flatMap((field) => OPS.flatMap((op) => literals.map((value) => compare(field, op, value))));
  const random = generator(7);
  const pick = () => atoms[Math.floor(random() * atoms.length)] ?? atoms[0]!;
  const composed: StoreCondition[] = [];
  for (let i = 0; i < 150; i++) {
    composed.push(all(pick(), pick()), any(pick(), not(pick())), not(all(pick(), any(pick(), pick()))));
  }
  return [...atoms, ...atoms.filter((_, i) => i % 5 === 0).map(not), ...composed];
}

const idsOf = (records: readonly SurrealRecord[]) => records.map((record) => (record["id"] as RecordId).id);

/** Checks `select(where)` (and with a window) against the oracle; returns how many came back exact. */
async function checkAgainstOracle(db: StoreFixture, table: string, conditions: readonly StoreCondition[]): Promise<number> {
  const everything = await db.store.scan(table);
  let exact = 0;
  for (const [n, where] of conditions.entries()) {
    const expected = idsOf(everything.filter((record) => matches(record, where)));
    const label = `${table} #${n}: ${JSON.stringify(where, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value === NONE ? "NONE" : value))}`;
    const result = await db.store.select(table, { where });
    const got = idsOf(result.records);
    if (result.exact) {
      exact++;
      expect(got, label).toEqual(expected);
    } else {
      // A superset, in id order: no matching record may be missing.
      expect(got.filter((id) => expected.includes(id)), label).toEqual(expected);
      expect(got, label).toEqual(idsOf(everything).filter((id) => got.includes(id)));
    }
    if (n % 7 === 0) {
      const windowed = await db.store.select(table, { where, start: 1, limit: 2 });
      if (windowed.exact) expect(idsOf(windowed.records), `${label} [1, 2]`).toEqual(expected.slice(1, 3));
      else expect(idsOf(windowed.records).filter((id) => expected.includes(id)), `${label} [1, 2]`).toEqual(expected);
    }
  }
  return exact;
}

/** The suite; `fixture` opens a store on a fresh tenant of one adapter. */
export function selectSuite(name: string, fixture: FixtureFactory): void {
  describe(`record store select on ${name}`, () => {
    let db: StoreFixture;
    beforeEach(async () => {
      db = await fixture();
    });
    afterEach(async () => {
      await db.dispose();
    });

    it("never drops a matching record of a Baton table with mixed kinds, tags and missing fields", async () => {
      for (const [id, content] of MIXED) await db.store.insert({ table: "mixed", id, content });
      const conditions = conditionsFor(
        "mixed",
        MIXED.map(([id]) => id),
      );
      const exact = await checkAgainstOracle(db, "mixed", conditions);
      // Most conditions are decided in SQL; rows with tags leave some to the caller.
      expect(exact).toBeGreaterThan(conditions.length / 4);
    });

    it("never drops a matching record of a SQL table, whatever its collations and column types", async () => {
      const [int, double, text, varchar, char] =
        db.dialect === "postgres"
          ? ["bigint", "double precision", 'text COLLATE "en-x-icu"', 'varchar(10) COLLATE "und-x-icu"', "char(3)"]
          : db.dialect === "mysql"
            ? ["BIGINT", "DOUBLE", "TEXT", "VARCHAR(10) COLLATE utf8mb4_general_ci", "CHAR(3)"]
            : ["INTEGER", "REAL", "TEXT", "VARCHAR(10) COLLATE NOCASE", "CHAR(3)"];
      await db.sql(`CREATE TABLE sqlt (k INTEGER PRIMARY KEY, i ${int}, f ${double}, s ${text}, v ${varchar}, c ${char})`);
      await db.sql(
        "INSERT INTO sqlt (k, i, f, s, v, c) VALUES (1, 1, 2.5, 'a', 'a', 'a'), (2, -7, -0.0, 'A', 'A', 'a '), (3, NULL, NULL, NULL, NULL, NULL), " +
          "(4, 5, 1e300, 'a ', 'b', 'b'), (5, 9007199254740993, 9007199254740992, 'é', 'é', 'é'), (6, 3, 5, '10', 'a ', '10'), (7, 0, 0.1, '', '', '')",
      );
      if (db.dialect === "sqlite" || db.dialect === "libsql") {
        // SQLite columns hold any storage class: text in an integer column, integers in a text column.
        await db.sql("INSERT INTO sqlt (k, i, f, s, v, c) VALUES (8, 'abc', 'x', 42, 1.5, x'00')");
      }
      const conditions = conditionsFor("sqlt", [1, 3, 5, 9]);
      await checkAgainstOracle(db, "sqlt", conditions);
    });

    it("decides simple comparisons of int and string fields in SQL, start and limit included", async () => {
      const rows: [string, SurrealObject][] = [
        ["a", { i: 1, s: "x" }],
        ["b", { i: 2, s: "y" }],
        ["c", { s: "z" }],
        ["d", { i: 4 }],
        ["e", { i: 5, s: "É" }],
        ["f", { i: null, s: null }],
      ];
      for (const [id, content] of rows) await db.store.insert({ table: "plain", id, content });
      for (const key of [1, 2, 3, 4, 5]) await db.store.insert({ table: "ints", id: key, content: { i: key * 10, s: `k${key}` } });
      const cases: [string, StoreCondition, unknown[]][] = [
        ["plain", compare("i", ">", 1), ["b", "d", "e"]],
        ["plain", compare("i", "<", 3), ["a", "b", "c", "f"]],
        ["plain", compare("s", "=", "y"), ["b"]],
        ["plain", compare("s", ">=", "y"), ["b", "c", "e"]],
        ["plain", compare("s", "!=", "x"), ["b", "c", "d", "e", "f"]],
        ["plain", all(compare("i", ">=", 2), compare("s", "<", "z")), ["b", "d"]],
        ["plain", not(compare("i", "=", 2)), ["a", "c", "d", "e", "f"]],
        ["plain", any(compare("i", "=", NONE), compare("s", "=", NONE)), ["c", "d"]],
        ["plain", compare("i", ">", 1.5), ["b", "d", "e"]],
        ["plain", compare("id", ">", new RecordId("plain", "b")), ["c", "d", "e", "f"]],
        ["plain", compare("i", "=", null), ["f"]],
        ["plain", compare("id", "<", new RecordId("plain", 9)), []],
        ["ints", compare("id", "<=", new RecordId("ints", 3)), [1, 2, 3]],
        ["ints", all(compare("id", ">", new RecordId("ints", 1)), compare("i", "<", 50)), [2, 3, 4]],
        ["ints", compare("s", "<", "k3"), [1, 2]],
      ];
      for (const [table, where, expected] of cases) {
        const result = await db.store.select(table, { where });
        expect(result, JSON.stringify(where)).toEqual({ exact: true, records: expect.anything() });
        expect(idsOf(result.records), JSON.stringify(where)).toEqual(expected);
        const windowed = await db.store.select(table, { where, start: 1, limit: 1 });
        expect(windowed.exact).toBe(true);
        expect(idsOf(windowed.records), `${JSON.stringify(where)} [1, 1]`).toEqual(expected.slice(1, 2));
      }
    });

    it("filters in SQL: an exact select with limit 1 reads one row", async () => {
      for (let key = 1; key <= 40; key++) await db.store.insert({ table: "many", id: key, content: { n: key % 4, s: `v${key}` } });
      const counting = countingConnection(db.connection);
      const store = db.factory.open({ database: db.database, connection: counting, dialect: db.dialect });
      const where = all(compare("n", "=", 3), compare("s", ">", "v2"));
      await store.table("many");
      const before = { statements: counting.statements.length, rows: counting.rowsReturned };
      const result = await store.select("many", { where, limit: 1 });
      expect(result.exact).toBe(true);
      expect(idsOf(result.records)).toEqual([3]);
      expect(counting.statements.length - before.statements).toBe(1);
      expect(counting.rowsReturned - before.rows).toBe(1);
      const filtered = await store.select("many", { where: compare("n", "=", 3) });
      expect(idsOf(filtered.records)).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 39]);
    });

    it("reads ranges and conditions together, and answers empty ranges at once", async () => {
      for (let key = 1; key <= 9; key++) await db.store.insert({ table: "r", id: key, content: { n: key } });
      const { Range } = await import("@baton/codecs");
      const range = new Range({ begin: { kind: "included", value: 3 }, end: { kind: "excluded", value: 8 } });
      const result = await db.store.select("r", { range, where: compare("n", "!=", 5), start: 1, limit: 2 });
      expect(result.exact).toBe(true);
      expect(idsOf(result.records)).toEqual([4, 6]);
      const empty = new Range({ begin: { kind: "included", value: "a" }, end: { kind: "unbounded" } });
      expect(await db.store.select("r", { range: empty })).toEqual({ records: [], exact: true });
    });
  });
}
