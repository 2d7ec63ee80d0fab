// The `record::*` SurrealQL functions: the parts of a record id, and whether its record exists.
import { NONE } from "@baton/codecs";
import { record } from "./argument-kinds.js";
import { defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";

/** The key of a record id (`tobie` of `person:tobie`), as the value it is. Shared with `meta::id`. */
export const recordKey: FunctionDefinition = fn([record], ([id]) => id.id);

/** The table of a record id, as a string. Shared with `meta::tb`. */
export const recordTable: FunctionDefinition = fn([record], ([id]) => id.table);

export const recordFunctions: FunctionTable = defineFunctions({
  // Without a store to ask (`run` of a pure function), SurrealDB's answer is NONE too.
  "record::exists": fn([record], ([id], context) => (context.recordExists === undefined ? NONE : context.recordExists(id))),
  "record::id": recordKey,
  "record::table": recordTable,
  "record::tb": recordTable,
});
