// StoreConditions evaluated in JavaScript on decoded records, by SurrealDB's rules, for the kinds
// the pushdown tests use: the judge `select` is checked against. Values of different kinds order
// NONE < NULL < bool < number < string < duration < datetime < uuid < array < set < object <
// geometry < bytes < table < record; numbers compare exactly across int and float (NaN above
// all, equal to itself; -0 equal to 0); strings by code point.
import { Datetime, Decimal, Duration, NONE, Range, RecordId, Table, Uuid } from "@baton/codecs";
import { compareKeys } from "../keys/key-range.js";
import { holds } from "../query/value-rank.js";
import type { StoreCondition, SurrealObject } from "../record-store.js";

function rank(value: unknown): number {
  if (value === NONE || value === undefined) return 0;
  if (value === null) return 1;
  if (typeof value === "boolean") return 2;
  if (typeof value === "number" || typeof value === "bigint" || value instanceof Decimal) return 3;
  if (typeof value === "string") return 4;
  if (value instanceof Duration) return 5;
  if (value instanceof Datetime) return 6;
  if (value instanceof Uuid) return 7;
  if (Array.isArray(value)) return 8;
  if (value instanceof Set) return 9;
  if (value instanceof Uint8Array) return 12;
  if (value instanceof Table) return 13;
  if (value instanceof RecordId) return 14;
  if (value instanceof Range) return 17;
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return 10;
  throw new Error(`the oracle does not order a ${typeof value}`);
}

const sign = (a: bigint | number, b: bigint | number): number => (a < b ? -1 : a > b ? 1 : 0);

function compareNumbers(a: number | bigint, b: number | bigint): number {
  const nan = (x: number | bigint) => typeof x === "number" && Number.isNaN(x);
  if (nan(a) || nan(b)) return nan(a) && nan(b) ? 0 : nan(a) ? 1 : -1;
  const integral = (x: number | bigint) => typeof x === "bigint" || Number.isInteger(x);
  if (integral(a) && integral(b)) return sign(BigInt(a), BigInt(b));
  // At least one finite fraction or an infinity: doubles compare exactly unless an integer is beyond 2^53.
  if (typeof a === "number" && typeof b === "number") return sign(a, b);
  const [fraction, integer, flip] = typeof a === "number" ? [a, b as bigint, 1] : [b as number, a, -1];
  if (!Number.isFinite(fraction)) return flip * (fraction > 0 ? 1 : -1);
  return flip * (BigInt(Math.floor(fraction)) < integer ? -1 : 1);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** How `a` orders against `b` in SurrealDB (0 for equal). */
export function compareValues(a: unknown, b: unknown): number {
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference;
  if (typeof a === "boolean") return sign(Number(a), Number(b));
  if (typeof a === "number" || typeof a === "bigint") return compareNumbers(a, b as number | bigint);
  if (typeof a === "string") return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b as string, "utf8"));
  if (a instanceof Datetime && b instanceof Datetime) return sign(a.seconds, b.seconds) || sign(a.nanoseconds, b.nanoseconds);
  if (a instanceof Uint8Array) return compareBytes(a, b as Uint8Array);
  if (a instanceof RecordId && b instanceof RecordId) {
    if (a.table !== b.table) return Buffer.compare(Buffer.from(a.table), Buffer.from(b.table));
    return compareKeys(a.id, b.id);
  }
  if (rank(a) <= 1) return 0;
  throw new Error(`the oracle does not compare values of rank ${rank(a)}`);
}

const fieldOf = (record: SurrealObject, field: string): unknown => (Object.hasOwn(record, field) ? record[field] : NONE);

/** Whether `record` matches `condition` in SurrealDB. */
export function matches(record: SurrealObject, condition: StoreCondition): boolean {
  switch (condition.kind) {
    case "and":
      return condition.parts.every((part) => matches(record, part));
    case "or":
      return condition.parts.some((part) => matches(record, part));
    case "not":
      return !matches(record, condition.part);
    case "compare":
      return holds(condition.op, compareValues(fieldOf(record, condition.field), condition.value));
  }
}
