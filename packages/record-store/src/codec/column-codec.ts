// One value in one column: its stored form and the tags its reading needs, and back. The writer
// computes the read-back (the database's own conversions included) and tags exactly the paths
// where it would differ (docs/record-model.md, "Values and type tags").
import type { SqlValue } from "@baton/adapters-kysely";
import { NONE } from "@baton/codecs";
import type { StoreDialect } from "../dialects/store-dialect.js";
import { storedAs } from "../dialects/scalar-forms.js";
import type { ColumnInfo } from "../schema/table-schema.js";
import { exactText, parseExact } from "../values/exact-text.js";
import { fromJsonImage, toJsonImage } from "../values/json-image.js";
import { parseJson, stringifyJson, type JsonTree } from "../values/json-text.js";
import type { TagLookup, TagSink } from "../values/type-tags.js";
import { sameValue } from "../values/value-equality.js";
import { JSON_KINDS, kindOf, type ValueKind } from "../values/value-kind.js";

export interface ColumnContext {
  readonly dialect: StoreDialect;
  readonly column: ColumnInfo;
  /** The column's JSON Pointer in `_baton_types`: `/name`. */
  readonly path: string;
}

/** Whether a column can hold JSON text: text columns, and any SQLite column (storage classes are per value). */
function holdsText(context: ColumnContext): boolean {
  const { dialect, column } = context;
  return column.kind === "string" || column.kind === "record" || dialect.name === "sqlite";
}

/**
 * The stored form of `value` (not NONE) in the column, adding its tags to `tags`; undefined
 * when the column cannot hold it (a type conflict: widen or refuse).
 */
export function encodeColumn(context: ColumnContext, value: unknown, tags: TagSink): SqlValue | undefined {
  const { dialect, column, path } = context;
  const kind = kindOf(value);
  if (kind === "null") {
    tags.set(path, "null");
    return null;
  }
  if (column.kind === "json" || JSON_KINDS.has(kind)) {
    if (column.kind !== "json" && !holdsText(context)) return undefined;
    const local: TagSink = new Map();
    const text = stringifyJson(toJsonImage(value, path, local));
    if (column.kind !== "json" && !local.has(path)) local.set(path, kind);
    for (const [key, tag] of local) tags.set(key, tag);
    return text;
  }
  const stored = dialect.write(value, column);
  if (stored === undefined) return undefined;
  const settled = dialect.settle(stored, column);
  if (settled !== null && sameValue(dialect.read(settled, column), value)) return stored;
  if (settled !== null && sameValue(storedAs(kind, settled), value)) {
    tags.set(path, kind);
    return stored;
  }
  const exact = exactText(value);
  if (exact === undefined) return undefined;
  tags.set(path, [kind, exact]);
  return stored;
}

/** Reads a stored column value with the row's tags; NONE for an absent field. */
export function decodeColumn(context: ColumnContext, stored: SqlValue, tags: TagLookup): unknown {
  const { dialect, column, path } = context;
  const tag = tags.get(path);
  const jsonText = column.kind === "json" || (typeof tag === "string" && JSON_KINDS.has(tag as ValueKind));
  if (jsonText && stored !== null) {
    // The JSON reader applies the tag at `path` itself.
    const tree = jsonTree(stored);
    if (tree !== undefined) return fromJsonImage(tree, path, tags);
  }
  if (typeof tag === "object") {
    const exact = parseExact(tag[0], tag[1]);
    if (exact !== undefined && fitsImage(context, exact, stored)) return exact;
  }
  if (stored === null) return tag === "null" ? null : NONE;
  if (typeof tag === "string") {
    const read = storedAs(tag, stored);
    if (read !== undefined) return read;
  }
  return dialect.read(stored, column);
}

/** A `[kind, exact]` tag counts only while the stored value is the image of `exact`. */
function fitsImage(context: ColumnContext, exact: unknown, stored: SqlValue): boolean {
  const { dialect, column } = context;
  const image = dialect.write(exact, column);
  if (image === undefined) return false;
  const settled = dialect.settle(image, column);
  if (settled === null || stored === null) return settled === stored;
  return sameValue(dialect.read(settled, column), dialect.read(stored, column));
}

function jsonTree(stored: SqlValue): JsonTree | undefined {
  if (typeof stored !== "string") return undefined;
  try {
    return parseJson(stored);
  } catch {
    return undefined;
  }
}
