// The kind of a SurrealDB value as Baton holds it (record-store.ts, SurrealValue): the SurrealQL
// type name the record model stores, tags and compares by.
import { Datetime, Decimal, Duration, isGeometry, NONE, Range, RecordId, Table, Uuid } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";

const TWO_63 = 2 ** 63;

export type ValueKind =
  | "none"
  | "null"
  | "bool"
  | "int"
  | "float"
  | "decimal"
  | "string"
  | "datetime"
  | "duration"
  | "uuid"
  | "bytes"
  | "record"
  | "table"
  | "set"
  | "array"
  | "object"
  | "geometry"
  | "range";

/** Kinds whose values are stored as JSON (objects, arrays and the structured kinds). */
export const JSON_KINDS: ReadonlySet<ValueKind> = new Set(["set", "array", "object", "geometry", "range"]);

/** True for a JS number SurrealDB holds as an int: integral, not -0, within ±2^63. */
export function isIntegralNumber(value: number): boolean {
  return Number.isInteger(value) && !Object.is(value, -0) && Math.abs(value) < TWO_63;
}

/** The kind of `value`; a Validation error for what the record model cannot store. */
export function kindOf(value: unknown): ValueKind {
  const kind = storableKind(value);
  if (kind === undefined) throw RpcError.validation(`A value of this type cannot be stored: ${describe(value)}`);
  return kind;
}

/** The kind of `value`, or undefined for what the record model cannot store. */
export function storableKind(value: unknown): ValueKind | undefined {
  if (value === NONE || value === undefined) return "none";
  if (value === null) return "null";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return isIntegralNumber(value) ? "int" : "float";
  if (typeof value === "string") return "string";
  if (value instanceof Uint8Array) return "bytes";
  if (value instanceof Set) return "set";
  if (Array.isArray(value)) return "array";
  if (value instanceof Decimal) return "decimal";
  if (value instanceof Datetime) return "datetime";
  if (value instanceof Duration) return "duration";
  if (value instanceof Uuid) return "uuid";
  if (value instanceof RecordId) return "record";
  if (value instanceof Table) return "table";
  if (value instanceof Range) return "range";
  if (typeof value === "object" && isGeometry(value)) return "geometry";
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return "object";
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null) return value.constructor.name;
  return typeof value;
}
