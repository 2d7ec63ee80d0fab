// Every value type the SDK's CBOR codec carries, round-tripped through a stored record (create,
// select, a table scan) and through a query binding (`RETURN $v`): what the application sends is
// what it reads back, with SurrealDB's documented exceptions (NONE fields are not stored, bytes
// come back as an ArrayBuffer, a JS Date as a DateTime, a whole float as an integer).
import {
  BoundExcluded,
  BoundIncluded,
  DateTime,
  Decimal,
  Duration,
  GeometryLine,
  GeometryPoint,
  GeometryPolygon,
  Range,
  RecordId,
  StringRecordId,
  Table,
  Uuid,
} from "surrealdb";
import { describe, expect, it } from "vitest";
import { uniqueTable, type SdkFixture } from "./sdk-fixture.js";

const UUID = "0189d6e3-8eac-703a-9a48-d9faa78b44b9";

/** Field name → [what the application sends, what it must read back]. */
function everyType(table: string): Record<string, readonly [sent: unknown, back: unknown]> {
  const same = (value: unknown) => [value, value] as const;
  const ring = new GeometryLine([
    new GeometryPoint([0, 0]),
    new GeometryPoint([1, 0]),
    new GeometryPoint([1, 1]),
    new GeometryPoint([0, 0]),
  ]);
  return {
    text: same("héllo ✓ 🚀"),
    empty_text: same(""),
    int: same(42),
    negative_int: same(-7),
    zero: same(0),
    float: same(1.5),
    tiny_float: same(5e-324),
    whole_float: [2.0, 2],
    big_int: same(9_007_199_254_740_993n),
    min_int: same(-(2n ** 63n)),
    decimal: same(new Decimal("12.345")),
    long_decimal: same(new Decimal("-0.000000000000000000000000000001")),
    yes: same(true),
    no: same(false),
    null_value: same(null),
    datetime_ns: same(new DateTime([1_714_979_289n, 123_456_789n])),
    datetime_before_1970: same(new DateTime([-62_135_596_800n, 1n])),
    js_date: [new Date("2024-01-02T03:04:05.678Z"), new DateTime(new Date("2024-01-02T03:04:05.678Z"))],
    duration: same(new Duration("1h30m")),
    duration_ns: same(new Duration([0, 1])),
    uuid: same(new Uuid(UUID)),
    bytes: [Uint8Array.from([0, 1, 2, 253, 254, 255]), Uint8Array.from([0, 1, 2, 253, 254, 255]).buffer],
    array: same([1, "two", null, new Decimal("3.5"), [new DateTime([0n, 5n])], { deep: new RecordId("x", "y") }]),
    object: same({ city: "Paris", since: new DateTime([1_577_836_800n, 0n]), nested: { n: 1.25, list: [true] } }),
    link_string: same(new RecordId("person", "alice")),
    link_int: same(new RecordId("person", 7)),
    link_text_digits: same(new RecordId("person", "7")),
    link_uuid: same(new RecordId("person", new Uuid(UUID))),
    link_array: same(new RecordId("weather", ["London", new DateTime([1_661_760_219n, 0n])])),
    link_object: same(new RecordId("weather", { city: "Paris", year: 2024 })),
    table: same(new Table(table)),
    set: same(new Set(["a", "b", 3])),
    point: same(new GeometryPoint([-0.118092, 51.509865])),
    polygon: same(new GeometryPolygon([ring])),
    range: same(new Range(new BoundIncluded(1), new BoundExcluded(5))),
  };
}

export function valueCases(baton: SdkFixture): void {
  describe("every value type round-tripped", () => {
    it("a record holding every type comes back from create, select and a table scan as sent", async () => {
      const db = await baton.connect();
      const t = uniqueTable("vals");
      const types = everyType(t);
      const sent = Object.fromEntries(Object.entries(types).map(([field, [value]]) => [field, value]));
      const back = Object.fromEntries(Object.entries(types).map(([field, [, value]]) => [field, value]));
      const rid = new RecordId(t, "all");
      const expected = { id: rid, ...back };
      expect(await db.create(rid).content(sent)).toEqualValue(expected);
      expect(await db.select(rid)).toEqualValue(expected);
      expect(await db.select(new Table(t))).toEqualValue([expected]);
    });

    it("each type on its own comes back from a query binding (RETURN $v) as sent", async () => {
      const db = await baton.connect();
      for (const [field, [sent, back]] of Object.entries(everyType(uniqueTable("bind")))) {
        const [value] = await db.query("RETURN $v", { v: sent }).collect();
        expect(value, field).toEqualValue(back);
      }
    });

    it("a StringRecordId value is taken as the record id it names, and comes back as a RecordId", async () => {
      const db = await baton.connect();
      const t = uniqueTable("srid");
      const rid = new RecordId(t, "s");
      expect(await db.create(rid).content({ link: new StringRecordId("person:bob") })).toEqualValue({ id: rid, link: new RecordId("person", "bob") });
      expect(await db.select(rid)).toEqualValue({ id: rid, link: new RecordId("person", "bob") });
      expect(await db.query("RETURN $v", { v: new StringRecordId("person:bob") }).collect()).toEqualValue([new RecordId("person", "bob")]);
    });

    it("big integers stay bigint beyond 2^53 and numbers within it", async () => {
      const db = await baton.connect();
      const t = uniqueTable("ints");
      const rid = new RecordId(t, "n");
      await db.create(rid).content({ big: 9_007_199_254_740_993n, max: 2n ** 63n - 1n, small: 9_007_199_254_740_991 });
      const record = (await db.select(rid)) as Record<string, unknown>;
      expect(typeof record["big"]).toBe("bigint");
      expect(record["big"]).toBe(9_007_199_254_740_993n);
      expect(record["max"]).toBe(2n ** 63n - 1n);
      expect(typeof record["small"]).toBe("number");
      expect(record["small"]).toBe(9_007_199_254_740_991);
    });

    it("NONE (undefined) fields are not stored, at any depth; null is kept", async () => {
      const db = await baton.connect();
      const t = uniqueTable("none");
      const rid = new RecordId(t, "n");
      const created = await db.create(rid).content({ gone: undefined, kept: null, inner: { gone: undefined, kept: null } });
      expect(created).toEqualValue({ id: rid, kept: null, inner: { kept: null } });
      const back = (await db.select(rid)) as Record<string, unknown>;
      expect(Object.keys(back).sort()).toEqualValue(["id", "inner", "kept"]);
      expect(Object.keys(back["inner"] as object)).toEqualValue(["kept"]);
    });

    it("datetimes keep their nanoseconds and durations their parts", async () => {
      const db = await baton.connect();
      const t = uniqueTable("time");
      const rid = new RecordId(t, "n");
      await db.create(rid).content({ at: new DateTime([1_714_979_289n, 123_456_789n]), took: new Duration("1d2h3m4s5ms6µs7ns") });
      const record = await db.select<{ at: DateTime; took: Duration }>(rid);
      expect(record?.at).toBeInstanceOf(DateTime);
      expect(record?.at.toString()).toBe("2024-05-06T07:08:09.123456789Z");
      expect(record?.took).toBeInstanceOf(Duration);
      expect(record?.took.toString()).toBe("1d2h3m4s5ms6us7ns");
    });

    it("values of different types in one field keep their own types across records", async () => {
      const db = await baton.connect();
      const t = uniqueTable("mixed");
      const kinds: unknown[] = [1, 2.5, "text", new Decimal("9.99"), new DateTime([1n, 2n]), true, [1], { a: 1 }, new RecordId("p", "q")];
      for (const [i, value] of kinds.entries()) await db.create(new RecordId(t, `r${i}`)).content({ v: value });
      const back = await db.select<{ v: unknown }>(new Table(t));
      expect(back.map((record) => record.v)).toEqualValue(kinds);
    });
  });
}
