// Where a value's kind sits in SurrealDB's order of values: NONE < NULL < bool < number < string <
// duration < datetime < uuid < array < set < object < geometry < bytes < table < record < range
// (the variant order of SurrealDB 3's `Value`, whose derived ordering `<` and `>` use). Values of
// different kinds compare by this rank alone and are never equal.
import { kindOf, type ValueKind } from "../values/value-kind.js";

export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

const RANKS: Readonly<Record<ValueKind, number>> = {
  none: 0,
  null: 1,
  bool: 2,
  int: 3,
  float: 3,
  decimal: 3,
  string: 4,
  duration: 5,
  datetime: 6,
  uuid: 7,
  array: 8,
  set: 9,
  object: 10,
  geometry: 11,
  bytes: 12,
  table: 13,
  record: 14,
  range: 17,
};

export const NONE_RANK = RANKS.none;
export const NULL_RANK = RANKS.null;
export const NUMBER_RANK = RANKS.int;
export const STRING_RANK = RANKS.string;
export const BYTES_RANK = RANKS.bytes;
export const RECORD_RANK = RANKS.record;

/** The rank of `value`'s kind; undefined for what the store cannot hold. */
export function rankOf(value: unknown): number | undefined {
  try {
    return RANKS[kindOf(value)];
  } catch {
    return undefined;
  }
}

/** Whether `a op b` holds, given how `a` orders against `b` (negative, zero, positive). */
export function holds(op: CompareOp, order: number): boolean {
  switch (op) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}
