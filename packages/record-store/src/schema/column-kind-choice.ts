// The kind of column a new field gets from its first value, and what a conflicting value widens
// a column to (docs/record-model.md, "Fields and columns" and "Type conflicts").
import type { ColumnKind } from "./table-schema.js";
import { kindOf } from "../values/value-kind.js";

/** The column kind for a field whose first value is `value` (not NONE or null). */
export function columnKindOf(value: unknown): ColumnKind {
  const kind = kindOf(value);
  switch (kind) {
    case "bool":
    case "int":
    case "float":
    case "decimal":
    case "string":
    case "datetime":
    case "duration":
    case "uuid":
    case "bytes":
    case "record":
      return kind;
    case "table":
      return "string";
    case "none":
    case "null":
    case "set":
    case "array":
    case "object":
    case "geometry":
    case "range":
      return "json";
  }
}

/** What a column of `kind` widens to for a value it cannot hold: int → float for fractions, else JSON. */
export function widenedKind(kind: ColumnKind, value: unknown): ColumnKind {
  return kind === "int" && kindOf(value) === "float" ? "float" : "json";
}
