// The normalised text SurrealDB keeps for a definition and answers in INFO FOR DB / TABLE:
// `DEFINE FIELD name ON user TYPE string PERMISSIONS FULL`, clauses in SurrealDB 3's order, the
// defaults written out, OVERWRITE / IF NOT EXISTS left off (they describe the act, not the result).
import { formatValue } from "@baton/codecs";
import { typeText } from "../values/type-text.js";
import type { DefineFieldStatement, DefineFunctionStatement, DefineIndexStatement, DefineParamStatement, DefineTableStatement } from "./ast.js";
import { identText, type PrintOptions, printBlock, printExpr } from "./expression-printer.js";

export type DefineStatement = DefineTableStatement | DefineFieldStatement | DefineIndexStatement | DefineFunctionStatement | DefineParamStatement;

const commentText = (comment: string | undefined): string => (comment === undefined ? "" : ` COMMENT ${formatValue(comment)}`);

function tableText(statement: DefineTableStatement): string {
  let text = `DEFINE TABLE ${identText(statement.name)} TYPE ${statement.tableType.toUpperCase()}`;
  if (statement.relationIn !== undefined && statement.relationIn.length > 0) text += ` IN ${statement.relationIn.map(identText).join(" | ")}`;
  if (statement.relationOut !== undefined && statement.relationOut.length > 0) text += ` OUT ${statement.relationOut.map(identText).join(" | ")}`;
  if (statement.drop) text += " DROP";
  text += statement.schemafull ? " SCHEMAFULL" : " SCHEMALESS";
  // Baton keeps no table permissions: SurrealDB's default for a table is NONE.
  return `${text}${commentText(statement.comment)} PERMISSIONS NONE`;
}

function fieldText(statement: DefineFieldStatement, options: PrintOptions): string {
  let text = `DEFINE FIELD ${printExpr(statement.field, options)} ON ${identText(statement.table)}`;
  if (statement.type !== undefined) text += ` TYPE ${typeText(statement.type)}`;
  // SurrealDB 3 writes FLEXIBLE after the type; Baton also keeps it on a field without one.
  if (statement.flexible) text += " FLEXIBLE";
  if (statement.default !== undefined) text += ` DEFAULT ${statement.defaultAlways ? "ALWAYS " : ""}${printExpr(statement.default, options)}`;
  if (statement.readonly) text += " READONLY";
  if (statement.value !== undefined) text += ` VALUE ${printExpr(statement.value, options)}`;
  if (statement.assert !== undefined) text += ` ASSERT ${printExpr(statement.assert, options)}`;
  return `${text}${commentText(statement.comment)} PERMISSIONS FULL`;
}

function indexText(statement: DefineIndexStatement, options: PrintOptions): string {
  const fields = statement.fields.map((field) => printExpr(field, options)).join(", ");
  return `DEFINE INDEX ${identText(statement.name)} ON ${identText(statement.table)} FIELDS ${fields}${statement.unique ? " UNIQUE" : ""}${commentText(statement.comment)}`;
}

function functionText(statement: DefineFunctionStatement, options: PrintOptions): string {
  const name = statement.name.split("::").map(identText).join("::");
  // SurrealDB gives an untyped parameter the type `any`.
  const params = statement.params.map((param) => `$${identText(param.name)}: ${typeText(param.type ?? { kind: "named", name: "any" })}`).join(", ");
  const returns = statement.returns === undefined ? "" : `-> ${typeText(statement.returns)} `;
  return `DEFINE FUNCTION fn::${name}(${params}) ${returns}${printBlock(statement.body, options)}${commentText(statement.comment)} PERMISSIONS FULL`;
}

function paramText(statement: DefineParamStatement, options: PrintOptions): string {
  return `DEFINE PARAM $${identText(statement.name)} VALUE ${printExpr(statement.value, options)} PERMISSIONS FULL`;
}

/** The normalised SurrealQL of a DEFINE TABLE / FIELD / INDEX / FUNCTION / PARAM statement. */
export function printDefinition(statement: DefineStatement, options: PrintOptions): string {
  switch (statement.kind) {
    case "define-table":
      return tableText(statement);
    case "define-field":
      return fieldText(statement, options);
    case "define-index":
      return indexText(statement, options);
    case "define-function":
      return functionText(statement, options);
    case "define-param":
      return paramText(statement, options);
  }
}
