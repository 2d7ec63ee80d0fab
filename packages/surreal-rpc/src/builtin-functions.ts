// The built-in SurrealQL functions the `run` method can call, as a table of name → function.
// A small subset of SurrealDB's library: enough for the SDKs' `run` examples (`time::now`,
// `math::sum`, …). `fn::` (user functions) and names not in the table are "not found".
import { randomBytes } from "node:crypto";
import { Datetime, Decimal, NONE, RecordId, Table, Uuid } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { isPlainObject } from "./value-equality.js";

type Builtin = (args: readonly unknown[]) => unknown;

/** SurrealDB's wording for a call with the wrong arguments. */
function badArguments(name: string, message: string): RpcError {
  return RpcError.validation(`Incorrect arguments for function ${name}(). ${message}`);
}

/** SurrealDB's wording for a function it does not know (observed for `fn::` names). */
export function functionNotFound(name: string): RpcError {
  return new RpcError("INTERNAL", `Function '${name}' not found: The function '${name}' does not exist`);
}

function arity(name: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) {
    throw badArguments(name, `Expected ${count} argument${count === 1 ? "" : "s"}.`);
  }
}

function toNumber(name: string, value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Decimal) return Number(value.value);
  throw badArguments(name, "Argument 1 was the wrong type. Expected a number.");
}

function numbers(name: string, args: readonly unknown[]): number[] {
  arity(name, args, 1);
  const [list] = args;
  if (!Array.isArray(list)) throw badArguments(name, "Argument 1 was the wrong type. Expected an array.");
  return list.map((item) => toNumber(name, item));
}

function text(name: string, value: unknown, position = 1): string {
  if (typeof value === "string") return value;
  throw badArguments(name, `Argument ${position} was the wrong type. Expected a string.`);
}

/** A version 7 UUID: 48 bits of milliseconds, then random bits (RFC 9562), as SurrealDB generates. */
export function uuidV7(now = Date.now()): Uuid {
  const bytes = randomBytes(16);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return new Uuid(bytes);
}

function uuidV4(): Uuid {
  const bytes = randomBytes(16);
  bytes[6] = 0x40 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return new Uuid(bytes);
}

/** A SurrealQL-ish rendering of a value, for `type::string` and `string::concat`. */
function render(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null) return "NULL";
  if (value === NONE || value === undefined) return "NONE";
  if (value instanceof RecordId) return `${value.table}:${render(value.id)}`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) || isPlainObject(value)) {
    return JSON.stringify(value, (_k, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
  }
  // Value classes (Datetime, Duration, Uuid, Table, Decimal…) render themselves.
  return (value as { toString(): string }).toString();
}

const sum = (list: number[]) => list.reduce((total, item) => total + item, 0);

const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ["time::now", (args) => (arity("time::now", args, 0), Datetime.fromDate(new Date()))],
  ["time::unix", (args) => (arity("time::unix", args, 0), Math.floor(Date.now() / 1000))],
  ["math::sum", (args) => sum(numbers("math::sum", args))],
  ["math::mean", (args) => {
    const list = numbers("math::mean", args);
    return list.length === 0 ? Number.NaN : sum(list) / list.length;
  }],
  ["math::min", (args) => {
    const list = numbers("math::min", args);
    return list.length === 0 ? NONE : Math.min(...list);
  }],
  ["math::max", (args) => {
    const list = numbers("math::max", args);
    return list.length === 0 ? NONE : Math.max(...list);
  }],
  ["math::abs", (args) => (arity("math::abs", args, 1), Math.abs(toNumber("math::abs", args[0])))],
  ["math::floor", (args) => (arity("math::floor", args, 1), Math.floor(toNumber("math::floor", args[0])))],
  ["math::ceil", (args) => (arity("math::ceil", args, 1), Math.ceil(toNumber("math::ceil", args[0])))],
  ["math::round", (args) => (arity("math::round", args, 1), Math.round(toNumber("math::round", args[0])))],
  ["string::len", (args) => (arity("string::len", args, 1), [...text("string::len", args[0])].length)],
  ["string::lowercase", (args) => (arity("string::lowercase", args, 1), text("string::lowercase", args[0]).toLowerCase())],
  ["string::uppercase", (args) => (arity("string::uppercase", args, 1), text("string::uppercase", args[0]).toUpperCase())],
  ["string::trim", (args) => (arity("string::trim", args, 1), text("string::trim", args[0]).trim())],
  ["string::reverse", (args) => (arity("string::reverse", args, 1), [...text("string::reverse", args[0])].reverse().join(""))],
  ["string::concat", (args) => args.map(render).join("")],
  ["string::contains", (args) => (arity("string::contains", args, 2), text("string::contains", args[0]).includes(text("string::contains", args[1], 2)))],
  ["string::starts_with", (args) => (arity("string::starts_with", args, 2), text("string::starts_with", args[0]).startsWith(text("string::starts_with", args[1], 2)))],
  ["string::ends_with", (args) => (arity("string::ends_with", args, 2), text("string::ends_with", args[0]).endsWith(text("string::ends_with", args[1], 2)))],
  ["string::split", (args) => (arity("string::split", args, 2), text("string::split", args[0]).split(text("string::split", args[1], 2)))],
  ["string::join", (args) => {
    if (args.length < 1) throw badArguments("string::join", "Expected at least 1 argument.");
    const [separator, ...parts] = args;
    return parts.map(render).join(text("string::join", separator));
  }],
  ["string::replace", (args) => {
    arity("string::replace", args, 3);
    return text("string::replace", args[0]).replaceAll(text("string::replace", args[1], 2), text("string::replace", args[2], 3));
  }],
  ["array::len", (args) => {
    arity("array::len", args, 1);
    if (!Array.isArray(args[0])) throw badArguments("array::len", "Argument 1 was the wrong type. Expected an array.");
    return args[0].length;
  }],
  ["rand::uuid", (args) => (arity("rand::uuid", args, 0), uuidV7())],
  ["rand::uuid::v7", (args) => (arity("rand::uuid::v7", args, 0), uuidV7())],
  ["rand::uuid::v4", (args) => (arity("rand::uuid::v4", args, 0), uuidV4())],
  ["rand::bool", (args) => (arity("rand::bool", args, 0), (randomBytes(1)[0] ?? 0) % 2 === 0)],
  ["type::string", (args) => (arity("type::string", args, 1), render(args[0]))],
  ["type::table", (args) => (arity("type::table", args, 1), new Table(render(args[0])))],
  ["type::record", (args) => {
    arity("type::record", args, 2);
    const key = args[1];
    return new RecordId(render(args[0]), typeof key === "number" || typeof key === "bigint" ? key : render(key));
  }],
  ["type::int", (args) => {
    arity("type::int", args, 1);
    const value = Math.trunc(typeof args[0] === "string" ? Number(args[0]) : toNumber("type::int", args[0]));
    if (!Number.isFinite(value)) throw badArguments("type::int", "Argument 1 cannot be converted to an int.");
    return value;
  }],
  ["type::float", (args) => {
    arity("type::float", args, 1);
    return typeof args[0] === "string" ? Number(args[0]) : toNumber("type::float", args[0]);
  }],
  ["type::bool", (args) => {
    arity("type::bool", args, 1);
    const [value] = args;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    throw badArguments("type::bool", "Argument 1 cannot be converted to a bool.");
  }],
]);

/** Calls the built-in `name`; functionNotFound for `fn::` and unknown names. */
export function callBuiltin(name: string, args: readonly unknown[]): unknown {
  const builtin = BUILTINS.get(name);
  if (builtin === undefined) throw functionNotFound(name);
  return builtin(args);
}
