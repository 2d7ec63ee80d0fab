// Every SurrealDB value type through the whole path: client codec → server → record store → the
// adapter's SQL table → back. CBOR carries every type, so the record must come back exactly; JSON
// carries SurrealDB's flattened JSON form, so the record must come back as that form.
import {
  Datetime,
  Decimal,
  Duration,
  GeometryLine,
  GeometryPoint,
  GeometryPolygon,
  NONE,
  Range,
  RecordId,
  Table,
  Uuid,
} from "@baton/client-sdk";
import { surrealJsonCodec } from "@baton/codecs";
import { describe, expect, test } from "vitest";
import { uniqueTable, type RpcFixture } from "./rpc-fixture.js";

/** One record holding every value type (field name = what it holds). */
function everyType(table: string): Record<string, unknown> {
  const ring = new GeometryLine([new GeometryPoint(0, 0), new GeometryPoint(1, 0), new GeometryPoint(1, 1), new GeometryPoint(0, 0)]);
  return {
    null_value: null,
    yes: true,
    no: false,
    int: 42,
    negative_int: -7,
    big_int: 9_007_199_254_740_993n,
    min_int: -(2n ** 63n),
    float: 1.5,
    tiny_float: 5e-324,
    decimal: new Decimal("12.345"),
    long_decimal: new Decimal("-0.000000000000000000000000000001"),
    text: "héllo ✓ 🚀",
    empty_text: "",
    datetime_ns: new Datetime(1_714_979_289n, 123_456_789),
    datetime_ms: Datetime.fromDate(new Date("2024-01-02T03:04:05.678Z")),
    datetime_old: new Datetime(-62_135_596_800n, 1),
    duration: Duration.parse("1h30m"),
    duration_ns: new Duration(0n, 1),
    uuid: Uuid.parse("0189d6e3-8eac-703a-9a48-d9faa78b44b9"),
    bytes: Uint8Array.from([0, 1, 2, 253, 254, 255]),
    link_string: new RecordId("person", "alice"),
    link_int: new RecordId("person", 7),
    link_text_digits: new RecordId("person", "7"),
    link_uuid: new RecordId("person", Uuid.parse("0189d6e3-8eac-703a-9a48-d9faa78b44b9")),
    link_array: new RecordId("weather", ["London", new Datetime(1_661_760_219n)]),
    link_object: new RecordId("weather", { city: "Paris", year: 2024 }),
    table: new Table(table),
    set: new Set(["a", "b", 3]),
    array: [1, "two", null, new Decimal("3.5"), [new Datetime(0n, 5)], { deep: new RecordId("x", "y") }],
    object: { city: "Paris", since: new Datetime(1_577_836_800n), nested: { n: 1.25, none_is_dropped: NONE } },
    point: new GeometryPoint(-0.118092, 51.509865),
    polygon: new GeometryPolygon([ring]),
    range: new Range({ begin: { kind: "included", value: 1 }, end: { kind: "excluded", value: 5 } }),
  };
}

/** The record as SurrealDB's JSON form gives it (big integers exact): what a JSON client must read back. */
function asJson(record: Record<string, unknown>): unknown {
  return surrealJsonCodec.decode(surrealJsonCodec.encode(record));
}

export function valueCases(baton: RpcFixture): void {
  describe("every value type", () => {
    test("a record of every type comes back exactly from create, select and a table scan", async () => {
      const t = uniqueTable("vals");
      const content = everyType(t);
      const db = await baton.client();
      // JSON cannot send typed values: the JSON client sends (and must get back) their JSON form.
      const sent = baton.format === "cbor" ? content : asJson(content);
      const expected = baton.format === "cbor" ? { id: new RecordId(t, "all"), ...withoutNone(content) } : asJson({ id: new RecordId(t, "all"), ...content });
      const created = await db.call("create", [baton.rid(t, "all"), sent]);
      expect(created).toEqual(expected);
      expect(await db.call("select", [baton.rid(t, "all")])).toEqual(expected);
      expect(await db.call("select", [baton.tb(t)])).toEqual([expected]);
    });

    test("values of a new kind in an existing field keep their own type", async () => {
      if (baton.format === "json") return; // JSON has no types of its own to keep apart
      const t = uniqueTable("mixed");
      const db = await baton.client();
      const kinds: unknown[] = [1, 2.5, "text", new Decimal("9.99"), new Datetime(1n, 2), true, [1], { a: 1 }, new RecordId("p", "q")];
      for (const [i, value] of kinds.entries()) await db.call("create", [new RecordId(t, `r${i}`), { v: value }]);
      const back = await db.call<{ v: unknown }[]>("select", [new Table(t)]);
      expect(back.map((record) => record.v)).toEqual(kinds);
    });

    test("null and NONE stay apart", async () => {
      if (baton.format === "json") return; // SurrealDB's JSON prints both as null
      const t = uniqueTable("nulls");
      const db = await baton.client();
      expect(await db.call("create", [new RecordId(t, "a"), { gone: NONE, kept: null }])).toEqual({ id: new RecordId(t, "a"), kept: null });
      expect(await db.call("select", [new RecordId(t, "a")])).toEqual({ id: new RecordId(t, "a"), kept: null });
    });
  });
}

/** The record without its NONE fields (SurrealDB does not store them). */
function withoutNone(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === NONE) continue;
    out[key] = value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype ? withoutNone(value as Record<string, unknown>) : value;
  }
  return out;
}
