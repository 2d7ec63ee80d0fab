// @baton/surrealql: SurrealQL on SQL. A parser producing a typed syntax tree, the value semantics
// and built-in function library, and an executor that runs statements over the record store.
export type * from "./syntax/ast.js";
export { callBuiltin, uuidV7 } from "./functions/builtin-functions.js";
export { functionArgumentError, functionNotFound } from "./functions/function-arguments.js";
export { builtinFunction, builtinFunctionNames } from "./functions/function-library.js";
export type { FunctionContext, FunctionTable, SessionInfo, SurrealFunction } from "./functions/function-types.js";
export { applyPatch, diffValues, parsePatch, parsePointer } from "./values/json-patch.js";
export { isPlainObject, valuesEqual } from "./values/value-equality.js";
export { isSingular, recordIdFromText, recordLink, recordTarget, type RecordTarget } from "./execution/record-target.js";
export { SurrealqlParseError } from "./syntax/parse-error.js";
export { parseQuery } from "./syntax/parser.js";
export type { QueryHost } from "./execution/query-host.js";
export { QueryRunner, type QueryRun, type StatementResult } from "./execution/query-runner.js";
export { runFunction, type FunctionRun } from "./execution/function-run.js";
export { executeStatement, type StatementExecution } from "./execution/statement-execution.js";
// SurrealQL value semantics: order, equality, truthiness, operators, casts, coercion, kinds and text.
export { applyBinaryOperator, negateValue, type ValueOperator } from "./values/binary-operators.js";
export { isTruthy } from "./values/truthiness.js";
export { typeText } from "./values/type-text.js";
export { canCast, castValue, coerceValue, matchesType, tryCoerceValue } from "./values/value-casts.js";
export { exactlyEqual, looselyEqual } from "./values/value-equality.js";
export { kindName } from "./values/value-kind.js";
export { compareValues } from "./values/value-order.js";
export { valueToRawString, valueToString } from "./values/value-text.js";
