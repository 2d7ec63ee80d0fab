// Values between Baton's five types and Postgres, without loss. Results are read from
// Postgres's text format by column type; arguments are sent as text with their type left to
// Postgres to infer from the statement (as node-pg does), bytes as binary bytea.
//
// Why arguments are untyped: @libsql/client sends every JS number as a float and booleans as
// integers. Typed as float8, `WHERE id = $1` on an int4 column could not use its index and
// 2.5 would be silently rounded into an integer column; typed as int8, `true` could not go
// into a bool column. Untyped text lets '42' become an int4, '1' a bool and '2.5' fail for an
// integer column exactly as Postgres decides. The price: a parameter with no context
// (`SELECT ?`) is text; write `?::int8` or `?::float8` to say otherwise.
import { GatewayError } from "@baton/protocol-types";
import type { SqlValue } from "../executor.js";
import type { PgType, PgTypeRegistry, ValueKind } from "./postgres-types.js";

/** One argument as node-pg's Bind takes it, and the type OID for Parse (0: let Postgres infer). */
export interface WireArgument {
  readonly value: string | Buffer | null;
  readonly type: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const TEXT_OID = 25;
const BYTEA_OID = 17;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The wire form of parameter `index`'s value. An index the text never references (`SELECT ?3`
 * leaves 1 and 2 unused) gets an explicit type: Postgres refuses parameters it cannot type.
 */
export function toWireArgument(value: SqlValue | undefined, options: { index: number; referenced: boolean }): WireArgument {
  const type = options.referenced ? 0 : TEXT_OID;
  if (value === null || value === undefined) return { value: null, type };
  if (typeof value === "bigint") {
    if (value < INT64_MIN || value > INT64_MAX) {
      throw new GatewayError("ARGS_INVALID", `Argument for parameter ${options.index + 1} is outside the 64-bit integer range`);
    }
    return { value: value.toString(), type };
  }
  if (typeof value === "number") return { value: numberText(value), type };
  if (typeof value === "string") return { value, type };
  if (value instanceof Uint8Array) return { value: asBuffer(value), type: BYTEA_OID };
  throw new GatewayError("ARGS_INVALID", `Argument for parameter ${options.index + 1} has an unsupported type (${typeof value})`);
}

/**
 * The type to declare for a parameter Postgres could not type from its context (42P18, as in
 * `? IS NULL`): the argument's own type.
 */
export function fallbackParameterType(value: SqlValue | undefined): number {
  if (typeof value === "bigint") return 20; // int8
  if (typeof value === "number") return 701; // float8
  if (value instanceof Uint8Array) return BYTEA_OID;
  return TEXT_OID;
}

/** float8 input syntax: keeps -0, NaN and the infinities; JS's shortest form round-trips. */
function numberText(value: number): string {
  if (Object.is(value, -0)) return "-0";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  return String(value);
}

/** A Buffer over the same memory as `view`: no copy. */
function asBuffer(view: Uint8Array): Buffer {
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** A function reading one column's text values. */
export type ValueReader = (text: string | null) => SqlValue;

/** The reader for values of `type`. */
export function valueReader(type: PgType, types: PgTypeRegistry): ValueReader {
  if (type.kind === "array") {
    const element = types.get(type.element ?? 0);
    const delimiter = type.delimiter ?? ",";
    return (text) => (text === null ? null : arrayToJson(text, { element, delimiter }));
  }
  const read = SCALAR_READERS[type.kind];
  return (text) => (text === null ? null : read(text));
}

const SCALAR_READERS: Readonly<Record<Exclude<ValueKind, "array">, (text: string) => SqlValue>> = {
  bool: (text) => (text === "t" ? 1n : 0n),
  integer: (text) => BigInt(text),
  // Number() reads "NaN", "Infinity" and "-Infinity" as Postgres writes them.
  float: (text) => Number(text),
  numeric: (text) => text,
  json: (text) => text,
  bytea: readBytea,
  timestamp: isoTimestamp,
  timestamptz: isoTimestamp,
  timetz: isoTime,
  text: (text) => text,
};

/** bytea in the hex format (the default) or the escape format (bytea_output = escape). */
function readBytea(text: string): Uint8Array {
  if (text.startsWith("\\x")) return Buffer.from(text.slice(2), "hex");
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "\\") {
      bytes.push(text.charCodeAt(i));
    } else if (text[i + 1] === "\\") {
      bytes.push(92);
      i++;
    } else {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    }
  }
  return Buffer.from(bytes);
}

// Connections use DateStyle ISO, so timestamps read `2024-01-02 03:04:05.678+00`; ISO 8601
// wants a `T` and an offset with minutes. Anything else (infinity, BC dates) stays as written.
const TIMESTAMP = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d(?::\d\d){0,2})?$/;
const TIME_TZ = /^(\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d(?::\d\d){0,2})$/;

function isoTimestamp(text: string): string {
  const match = TIMESTAMP.exec(text);
  if (match === null) return text;
  return `${match[1]}T${match[2]}${isoOffset(match[3])}`;
}

function isoTime(text: string): string {
  const match = TIME_TZ.exec(text);
  return match === null ? text : `${match[1]}${isoOffset(match[2])}`;
}

function isoOffset(offset: string | undefined): string {
  if (offset === undefined) return "";
  return offset.length === 3 ? `${offset}:00` : offset;
}

/**
 * An array literal (`{1,2,NULL}`, `{{"a b",c}}`, `[0:1]={1,2}`) as JSON text: numbers and
 * booleans as JSON numbers and booleans (exact digits), json elements embedded, everything else
 * as strings. Lower bounds other than 1 are not kept. Malformed input is returned as it came.
 */
export function arrayToJson(text: string, options: { element: PgType; delimiter: string }): string {
  const { element, delimiter } = options;
  let i = text.startsWith("[") ? text.indexOf("=") + 1 : 0;
  const fail = (): never => {
    throw new SyntaxError("malformed array literal");
  };
  const parseArray = (): string => {
    if (text[i] !== "{") fail();
    i++;
    const parts: string[] = [];
    if (text[i] === "}") {
      i++;
      return "[]";
    }
    for (;;) {
      if (text[i] === "{") {
        parts.push(parseArray());
      } else if (text[i] === '"') {
        let value = "";
        let j = i + 1;
        while (j < text.length && text[j] !== '"') {
          if (text[j] === "\\") j++;
          value += text[j] ?? "";
          j++;
        }
        if (j >= text.length) fail();
        i = j + 1;
        parts.push(elementJson(value, element));
      } else {
        let j = i;
        while (j < text.length && text[j] !== delimiter && text[j] !== "}") j++;
        const raw = text.slice(i, j);
        i = j;
        parts.push(raw.toUpperCase() === "NULL" ? "null" : elementJson(raw, element));
      }
      if (text[i] === delimiter) {
        i++;
      } else if (text[i] === "}") {
        i++;
        return `[${parts.join(",")}]`;
      } else {
        fail();
      }
    }
  };
  try {
    const json = parseArray();
    return i === text.length ? json : text;
  } catch {
    return text;
  }
}

function elementJson(text: string, type: PgType): string {
  switch (type.kind) {
    case "bool":
      return text === "t" ? "true" : "false";
    case "integer":
    case "float":
    case "numeric":
      // NaN and the infinities are not JSON numbers.
      return JSON_NUMBER.test(text) ? text : JSON.stringify(text);
    case "json":
      return text;
    case "timestamp":
    case "timestamptz":
      return JSON.stringify(isoTimestamp(text));
    case "timetz":
      return JSON.stringify(isoTime(text));
    case "bytea":
    case "text":
    case "array":
      return JSON.stringify(text);
  }
}
