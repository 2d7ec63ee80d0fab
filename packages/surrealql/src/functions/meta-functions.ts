// The `meta::*` SurrealQL functions: SurrealDB 1's names for `record::id` and `record::tb`, kept.
import { defineFunctions } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";
import { recordKey, recordTable } from "./record-functions.js";

export const metaFunctions: FunctionTable = defineFunctions({
  "meta::id": recordKey,
  "meta::tb": recordTable,
});
