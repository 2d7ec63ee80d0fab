// The database's own definitions (DEFINE TABLE/FIELD/INDEX/FUNCTION/PARAM), read from the record
// store's catalog where they are kept as SurrealQL text, and parsed once per distinct text.
import { NONE } from "@baton/codecs";
import type { Definition, RecordStore } from "@baton/record-store";
import type {
  DefineFieldStatement,
  DefineFunctionStatement,
  DefineIndexStatement,
  DefineParamStatement,
  DefineTableStatement,
  Statement,
} from "../syntax/ast.js";
import { parseQuery } from "../syntax/parser.js";
import type { Scope } from "./execution-scope.js";

/** Parsed definition texts; bounded, since tenants may define many and texts change. */
const PARSED = new Map<string, Statement>();
const MAX_PARSED = 2048;

function parsedDefinition(definition: Definition): Statement {
  const cached = PARSED.get(definition.text);
  if (cached !== undefined) return cached;
  const [statement] = parseQuery(definition.text).statements;
  if (statement === undefined) throw new Error(`The stored definition of ${definition.kind} '${definition.name}' is empty`);
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  PARSED.set(definition.text, statement);
  return statement;
}

/** The rules a table's writes follow: its DEFINE TABLE, fields and indexes. */
export interface TableRules {
  readonly table: DefineTableStatement | undefined;
  readonly fields: readonly DefineFieldStatement[];
  readonly indexes: readonly DefineIndexStatement[];
}

/** A table's rules (its own definition has `table` set to its name too, so one lookup finds all). */
export async function tableRules(store: RecordStore, table: string): Promise<TableRules> {
  const definitions = await store.definitions({ table });
  let defined: DefineTableStatement | undefined;
  const fields: DefineFieldStatement[] = [];
  const indexes: DefineIndexStatement[] = [];
  for (const definition of definitions) {
    const statement = parsedDefinition(definition);
    if (statement.kind === "define-field") fields.push(statement);
    else if (statement.kind === "define-index") indexes.push(statement);
    else if (statement.kind === "define-table") defined = statement;
  }
  return { table: defined, fields, indexes };
}

/** `fn::name`'s definition and the text it was parsed from (its statements' spans point into it), or undefined. */
export async function definedFunction(store: RecordStore, name: string): Promise<{ statement: DefineFunctionStatement; text: string } | undefined> {
  const definition = (await store.definitions({ kind: "function" })).find((item) => item.name === name);
  if (definition === undefined) return undefined;
  const statement = parsedDefinition(definition);
  return statement.kind === "define-function" ? { statement, text: definition.text } : undefined;
}

/** A DEFINE PARAM's value (stored as a literal when defined), or NONE. */
export async function definedParam(scope: Scope, name: string): Promise<unknown> {
  const { store } = scope.context;
  if (store === undefined) return NONE;
  const definition = (await store.definitions({ kind: "param" })).find((item) => item.name === name);
  if (definition === undefined) return NONE;
  const statement = parsedDefinition(definition) as DefineParamStatement;
  // The stored value is a literal's text (`[1, 2]`, `{ a: 1 }`, `person:1`): evaluate it as written.
  return scope.context.runStatement({ kind: "expression", span: { start: 0, end: 0 }, expr: statement.value }, scope);
}
