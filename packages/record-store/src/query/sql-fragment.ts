// SQL predicates as text with their arguments in order, combined with constant folding. Every
// fragment built here is two-valued (never NULL), so NOT can be applied without SQL's unknown
// dropping a row (docs/record-model.md, "Filter pushdown").
import type { SqlValue } from "@baton/adapters-kysely";

export interface Fragment {
  readonly sql: string;
  readonly args: readonly SqlValue[];
}

/** The predicate true for every row (folded away by `and`, absorbing in `or`). */
export const TRUE: Fragment = { sql: "1 = 1", args: [] };
/** The predicate false for every row. */
export const FALSE: Fragment = { sql: "1 = 0", args: [] };

export const fragment = (sql: string, args: readonly SqlValue[] = []): Fragment => ({ sql, args });

export const constant = (value: boolean): Fragment => (value ? TRUE : FALSE);

/** Every part holds. */
export const and = (parts: readonly Fragment[]): Fragment => combine(parts, { operator: "AND", identity: TRUE, absorbing: FALSE });

/** Some part holds. */
export const or = (parts: readonly Fragment[]): Fragment => combine(parts, { operator: "OR", identity: FALSE, absorbing: TRUE });

export function not(part: Fragment): Fragment {
  if (part === TRUE) return FALSE;
  if (part === FALSE) return TRUE;
  return { sql: `NOT (${part.sql})`, args: part.args };
}

function combine(parts: readonly Fragment[], how: { operator: "AND" | "OR"; identity: Fragment; absorbing: Fragment }): Fragment {
  if (parts.includes(how.absorbing)) return how.absorbing;
  const kept = parts.filter((part) => part !== how.identity);
  const [only] = kept;
  if (only === undefined) return how.identity;
  if (kept.length === 1) return only;
  return { sql: kept.map((part) => `(${part.sql})`).join(` ${how.operator} `), args: kept.flatMap((part) => part.args) };
}
