// The `type::*` SurrealQL functions, as SurrealDB 3 computes them (its `fnc/type.rs`): conversions
// with cast rules (`type::int("5")`), record and table builders, `type::of`, and the `type::is_*`
// tests (also under their older `type::is::*` names, which SurrealDB 3 still accepts).
import { Datetime, Decimal, Duration, NONE, Range, RecordId, Table, Uuid, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { TypeExpr } from "../syntax/ast.js";
import { isPlainObject } from "../values/plain-object.js";
import { asNumber, intValue } from "../values/surreal-number.js";
import { castValue } from "../values/value-casts.js";
import { geometryKind, kindName } from "../values/value-kind.js";
import { valueToRawString, valueToString } from "../values/value-text.js";
import { anyValue, array, optional, text } from "./argument-kinds.js";
import { defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";

/** A function of one value converted to `type` with cast rules (failing with the cast's message). */
const cast = (type: TypeExpr): FunctionDefinition => fn([anyValue], ([value]) => castValue(type, value));

const named = (name: string): TypeExpr => ({ kind: "named", name });

const invalidTable = (value: unknown) =>
  RpcError.validation(`Found ${valueToRawString(value)} for the Record ID but this is not a valid table name`);
const invalidId = (value: unknown) => RpcError.validation(`Found ${valueToRawString(value)} for the Record ID but this is not a valid id`);

function table(value: unknown): Table {
  if (value instanceof Table) return value;
  if (value instanceof RecordId) return new Table(value.table);
  if (typeof value === "string") return new Table(value);
  throw invalidTable(value);
}

/** The key `type::record(table, key)` makes of its second argument. */
function recordKey(key: unknown): RecordIdKey {
  if (key instanceof RecordId) return key.id;
  if (Array.isArray(key) || isPlainObject(key) || key instanceof Uuid || key instanceof Range) return key as RecordIdKey;
  const number = asNumber(key);
  if (number?.kind === "int") return intValue(number.value);
  // Floats and decimals key by their plain digits (`1.5`, not `1.5f`).
  const text = number?.kind === "float" ? String(key) : number?.kind === "decimal" ? valueToString(key) : valueToRawString(key);
  if (text === "") throw invalidId(key);
  return text;
}

/** `type::record(table, key)`, or `type::record(text)` read as a record id; a key left out is not a NONE key. */
const record = fn([anyValue, optional(anyValue)], ([first, key]) => {
  if (first === "") throw invalidTable(first);
  if (key === undefined) return castValue({ kind: "record", tables: [] }, first);
  return new RecordId(valueToRawString(first), recordKey(key));
});

const isRecord = ([value, tableName]: [unknown, string | undefined]) =>
  value instanceof RecordId && (tableName === undefined || value.table === tableName);

/** `type::is_<name>` tests, each also reachable as `type::is::<name>`. */
const IS_TESTS: Readonly<Record<string, (value: unknown) => boolean>> = {
  array: Array.isArray,
  bool: (value) => typeof value === "boolean",
  bytes: (value) => value instanceof Uint8Array,
  collection: (value) => geometryKind(value) === "collection",
  datetime: (value) => value instanceof Datetime,
  decimal: (value) => value instanceof Decimal,
  duration: (value) => value instanceof Duration,
  float: (value) => kindName(value) === "float",
  geometry: (value) => geometryKind(value) !== undefined,
  int: (value) => kindName(value) === "int",
  line: (value) => geometryKind(value) === "line",
  multiline: (value) => geometryKind(value) === "multiline",
  multipoint: (value) => geometryKind(value) === "multipoint",
  multipolygon: (value) => geometryKind(value) === "multipolygon",
  none: (value) => value === NONE || value === undefined,
  null: (value) => value === null,
  number: (value) => asNumber(value) !== undefined,
  object: isPlainObject,
  point: (value) => geometryKind(value) === "point",
  polygon: (value) => geometryKind(value) === "polygon",
  range: (value) => value instanceof Range,
  set: (value) => value instanceof Set,
  string: (value) => typeof value === "string",
  uuid: (value) => value instanceof Uuid,
};

// Each spelling is its own function, so its errors quote the name it was called by.
const isFunctions = Object.fromEntries(
  Object.entries(IS_TESTS).flatMap(([kind, test]) => {
    // `type::is_set` is new in SurrealDB 3 and has no `type::is::` spelling.
    const names = kind === "set" ? [`type::is_${kind}`] : [`type::is_${kind}`, `type::is::${kind}`];
    return names.map((name) => [name, fn([anyValue], ([value]) => test(value))]);
  }),
);

export const typeFunctions: FunctionTable = defineFunctions(
  {
    "type::array": cast({ kind: "array" }),
    "type::bool": cast(named("bool")),
    "type::bytes": cast(named("bytes")),
    "type::datetime": cast(named("datetime")),
    "type::decimal": cast(named("decimal")),
    "type::duration": cast(named("duration")),
    "type::float": cast(named("float")),
    "type::geometry": cast({ kind: "geometry", kinds: [] }),
    "type::int": cast(named("int")),
    "type::number": cast(named("number")),
    "type::point": cast({ kind: "geometry", kinds: ["point"] }),
    "type::range": cast(named("range")),
    "type::set": cast({ kind: "set" }),
    "type::string": cast(named("string")),
    "type::uuid": cast(named("uuid")),
    "type::string_lossy": fn([anyValue], ([value]) =>
      value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : castValue(named("string"), value),
    ),
    "type::of": fn([anyValue], ([value]) => kindName(value)),
    "type::table": fn([anyValue], ([value]) => table(value)),
    "type::record": record,
    // In a projection the executor reads these as field paths; as plain functions they give the path.
    "type::field": fn([text], ([path]) => path),
    "type::fields": fn([array], ([paths]) => paths),
    "type::is_record": fn([anyValue, optional(text)], isRecord),
    "type::is::record": fn([anyValue, optional(text)], isRecord),
    ...isFunctions,
  },
  { "type::thing": "type::record" },
);
