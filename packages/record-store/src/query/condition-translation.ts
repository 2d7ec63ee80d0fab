// A StoreCondition as SQL on one table (docs/record-model.md, "Filter pushdown"). Each condition
// becomes two predicates: `lower`, the rows SQL knows to match, and `upper`, the rows that may
// match; on every row SQL can decide they agree. A comparison sorts the rows of its field into
// classes SQL can test for (NONE, null, untagged numbers, strings …) and decides each class
// exactly as SurrealDB orders values; a row in no class (a tagged value, a kind SQL cannot
// compare) is undecided: inside `upper`, outside `lower`. NOT swaps the bounds.
import { RecordId } from "@baton/codecs";
import { fieldPath } from "../codec/row-codec.js";
import type { StoreDialect } from "../dialects/store-dialect.js";
import type { StoreCondition } from "../record-store.js";
import type { TableSchema } from "../schema/table-schema.js";
import { integerComparator, stringComparator, type Comparator, type ValueClass } from "./comparators.js";
import { and, constant, FALSE, fragment, not, or, TRUE, type Fragment } from "./sql-fragment.js";
import { holds, NONE_RANK, NULL_RANK, rankOf, RECORD_RANK, type CompareOp } from "./value-rank.js";

export interface Translation {
  /** Holds only on rows that match. */
  readonly lower: Fragment;
  /** Holds on every row that matches. */
  readonly upper: Fragment;
}

interface TranslationContext {
  readonly schema: TableSchema;
  readonly dialect: StoreDialect;
}

/** The SQL bounds of `condition` on the table of `schema`. */
export function translateCondition(context: TranslationContext, condition: StoreCondition): Translation {
  switch (condition.kind) {
    case "compare":
      return compareField(context, condition);
    case "and":
    case "or": {
      const join = condition.kind === "and" ? and : or;
      const parts = condition.parts.map((part) => translateCondition(context, part));
      return { lower: join(parts.map((part) => part.lower)), upper: join(parts.map((part) => part.upper)) };
    }
    case "not": {
      const inner = translateCondition(context, condition.part);
      return { lower: not(inner.upper), upper: not(inner.lower) };
    }
  }
}

/** NONE against NONE, null against null: one value, equal to itself. */
const itself: Comparator = (op) => constant(holds(op, 0));

function compareField(context: TranslationContext, compare: { field: string; op: CompareOp; value: unknown }): Translation {
  const rank = rankOf(compare.value);
  const matching: Fragment[] = [];
  const decided: Fragment[] = [];
  for (const valueClass of rank === undefined ? [] : fieldClasses(context, compare.field)) {
    // Values of different kinds compare by kind alone (and are never equal).
    const result = valueClass.rank === rank ? valueClass.compare?.(compare.op, compare.value) : constant(holds(compare.op, valueClass.rank - (rank ?? 0)));
    if (result === undefined) continue;
    decided.push(valueClass.test);
    matching.push(and([valueClass.test, result]));
  }
  const lower = or(matching);
  return { lower, upper: or([lower, not(or(decided))]) };
}

/** The classes the rows of a table fall into for one field; rows in none are undecided. */
function fieldClasses(context: TranslationContext, field: string): readonly ValueClass[] {
  const { schema, dialect } = context;
  if (field === "id") return idClasses(context);
  const key = fieldPath(field);
  const baton = schema.origin === "baton";
  // A field named by digits could meet a `*` tag (TagLookup matches it against array indexes).
  const untagged = !baton ? TRUE : /^\d+$/.test(field) ? undefined : dialect.filter.untagged(key);
  // SQL tables have no tags: a NULL column is NONE.
  const nullTagged = baton ? dialect.filter.nullTagged(key) : FALSE;
  if (untagged === undefined || nullTagged === undefined) return [];
  const column = schema.columns.get(field);
  if (column === undefined) {
    // No column: NONE, or null where a `"null"` tag alone stands for the field.
    return [
      { test: untagged, rank: NONE_RANK, compare: itself },
      { test: nullTagged, rank: NULL_RANK, compare: itself },
    ];
  }
  const isNull = fragment(`${dialect.quote(column.name)} IS NULL`);
  return [
    { test: and([untagged, isNull]), rank: NONE_RANK, compare: itself },
    { test: and([nullTagged, isNull]), rank: NULL_RANK, compare: itself },
    ...dialect.filter.valueClasses(column).map((valueClass) => ({ ...valueClass, test: and([untagged, valueClass.test]) })),
  ];
}

/** Every record's `id` is a RecordId of the table (keyless tables: NONE). */
function idClasses(context: TranslationContext): readonly ValueClass[] {
  if (context.schema.keyKind === "none") return [{ test: TRUE, rank: NONE_RANK, compare: itself }];
  return [{ test: TRUE, rank: RECORD_RANK, compare: (op, value) => (value instanceof RecordId ? compareId(context, op, value) : undefined) }];
}

/**
 * `id op value` on the key column, where the column orders keys as SurrealDB orders ids: the
 * integer keys of any table, the string keys of Baton tables (binary collations). Keys of
 * another kind order by kind: numbers before strings before the rest.
 */
function compareId(context: TranslationContext, op: CompareOp, value: RecordId): Fragment | undefined {
  const { schema, dialect } = context;
  // Ids of other tables are never equal to this table's; how they order is left to the caller.
  if (value.table !== schema.name) return op === "=" ? FALSE : op === "!=" ? TRUE : undefined;
  const [column, ...more] = schema.keyColumns;
  if (column === undefined || more.length > 0) return undefined;
  const keyRank = (key: unknown) => (typeof key === "number" || typeof key === "bigint" ? 0 : typeof key === "string" ? 1 : 2);
  // SQLite keys other than the rowid may hold any storage class.
  const integers = schema.keyKind === "int" && (schema.origin === "baton" || dialect.name !== "sqlite" || column.name === "rowid");
  const strings = schema.keyKind === "string" && schema.origin === "baton";
  if (!integers && !strings) return undefined;
  const tableRank = integers ? 0 : 1;
  if (keyRank(value.id) !== tableRank) return constant(holds(op, tableRank - keyRank(value.id)));
  const q = dialect.quote(column.name);
  const comparator = integers
    ? integerComparator((sqlOp, bound) => fragment(`${q} ${sqlOp} ?`, [bound]))
    : stringComparator((sqlOp, text) => fragment(`${q} ${sqlOp} ?`, [text]));
  return comparator(op, value.id);
}
