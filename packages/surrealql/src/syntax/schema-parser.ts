// Schema statements: `DEFINE TABLE | FIELD | INDEX | FUNCTION | PARAM`, `REMOVE …` and `INFO FOR …`.
// Other DEFINE and REMOVE kinds (users, access, events, analyzers, namespaces …) are refused by name.
import type {
  Block,
  DefineFieldStatement,
  DefineFunctionStatement,
  DefineIndexStatement,
  DefineMode,
  DefineParamStatement,
  DefineTableStatement,
  Expr,
  InfoStatement,
  RemoveStatement,
  Statement,
  TypeExpr,
} from "./ast.js";
import { type Clause, parseClauses, parseIdiomList, skipPermissions, spanFrom, unsupportedClause } from "./clause-parser.js";
import { fieldPathText } from "./field-path.js";
import { nameOf } from "./idiom-parser.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import type { TokenStream } from "./token-stream.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const UNSUPPORTED_KINDS = new Set([
  "NAMESPACE",
  "NS",
  "DATABASE",
  "DB",
  "USER",
  "ACCESS",
  "EVENT",
  "ANALYZER",
  "SCOPE",
  "TOKEN",
  "MODEL",
  "API",
  "BUCKET",
  "CONFIG",
  "SEQUENCE",
  "MODULE",
]);

function expectName(stream: TokenStream, expected: string): string {
  const name = nameOf(stream.peek());
  if (name === undefined) throw stream.unexpected(expected);
  stream.next();
  return name;
}

function comment(stream: TokenStream): string {
  const token = stream.peek();
  if (token.kind !== "string") throw stream.unexpected("a comment string");
  stream.next();
  return token.value;
}

/** `OVERWRITE`, `IF NOT EXISTS` or nothing. */
function defineMode(stream: TokenStream): DefineMode {
  if (stream.eatWord("OVERWRITE")) return "overwrite";
  if (!stream.eatWord("IF")) return "create";
  stream.expectWord("NOT");
  stream.expectWord("EXISTS");
  return "if-not-exists";
}

/** `person | user` after `IN`/`FROM` or `OUT`/`TO`. */
function tableUnion(stream: TokenStream): string[] {
  const tables = [expectName(stream, "a table name")];
  while (stream.eatPunct("|") || stream.eatPunct(",")) tables.push(expectName(stream, "a table name"));
  return tables;
}

function defineTable(ctx: ParserContext, keyword: Token): DefineTableStatement {
  const { stream } = ctx;
  const mode = defineMode(stream);
  const table: Mutable<DefineTableStatement> = {
    kind: "define-table",
    mode,
    name: expectName(stream, "a table name"),
    drop: false,
    schemafull: false,
    tableType: "any",
    span: { start: keyword.start, end: keyword.end },
  };
  const typeClause = (): void => {
    if (stream.eatWord("NORMAL")) table.tableType = "normal";
    else if (stream.eatWord("ANY")) table.tableType = "any";
    else {
      stream.expectWord("RELATION");
      table.tableType = "relation";
      if (stream.eatWord("IN") || stream.eatWord("FROM")) table.relationIn = tableUnion(stream);
      if (stream.eatWord("OUT") || stream.eatWord("TO")) table.relationOut = tableUnion(stream);
      // ENFORCED asks SurrealDB to check that the ends exist; Baton's record store checks nothing more.
      stream.eatWord("ENFORCED");
    }
  };
  parseClauses(
    stream,
    new Map<string, Clause>([
      ["DROP", () => (table.drop = true)],
      ["SCHEMAFULL", () => (table.schemafull = true)],
      ["SCHEMALESS", () => (table.schemafull = false)],
      ["TYPE", typeClause],
      ["PERMISSIONS", () => skipPermissions(ctx, false)],
      ["COMMENT", () => (table.comment = comment(stream))],
      ["CHANGEFEED", unsupportedClause(stream)],
      ["AS", unsupportedClause(stream)],
    ]),
  );
  return { ...table, span: spanFrom(stream, keyword) };
}

/** `ON [TABLE] name`. */
function onTable(stream: TokenStream): string {
  stream.expectWord("ON");
  stream.eatWord("TABLE");
  return expectName(stream, "a table name");
}

function defineField(ctx: ParserContext, keyword: Token): DefineFieldStatement {
  const { stream } = ctx;
  const mode = defineMode(stream);
  const field = ctx.plainIdiom();
  const definition: Mutable<DefineFieldStatement> = {
    kind: "define-field",
    mode,
    field,
    table: onTable(stream),
    flexible: false,
    defaultAlways: false,
    readonly: false,
    span: { start: keyword.start, end: keyword.end },
  };
  const clauses = new Map<string, Clause>([
    ["FLEXIBLE", () => (definition.flexible = true)],
    ["TYPE", () => {
      definition.type = ctx.type();
      // SurrealDB 3 writes FLEXIBLE after the type, SurrealDB 2 before it: both are read.
      if (stream.eatWord("FLEXIBLE")) definition.flexible = true;
    }],
    ["DEFAULT", () => {
      definition.defaultAlways = stream.eatWord("ALWAYS");
      definition.default = ctx.expression("field");
    }],
    ["VALUE", () => (definition.value = ctx.expression("field"))],
    ["ASSERT", () => (definition.assert = ctx.expression("field"))],
    ["READONLY", () => (definition.readonly = true)],
    ["PERMISSIONS", () => skipPermissions(ctx, false)],
    ["COMMENT", () => (definition.comment = comment(stream))],
    ["REFERENCE", unsupportedClause(stream)],
    ["COMPUTED", unsupportedClause(stream)],
  ]);
  parseClauses(stream, clauses);
  return { ...definition, span: spanFrom(stream, keyword) };
}

function defineIndex(ctx: ParserContext, keyword: Token): DefineIndexStatement {
  const { stream } = ctx;
  const mode = defineMode(stream);
  const name = expectName(stream, "an index name");
  const table = onTable(stream);
  let fields: DefineIndexStatement["fields"] = [];
  let unique = false;
  let indexComment: string | undefined;
  const readFields = (): void => {
    fields = parseIdiomList(ctx);
  };
  const clauses = new Map<string, Clause>([
    ["FIELDS", readFields],
    ["COLUMNS", readFields],
    ["UNIQUE", () => (unique = true)],
    ["COMMENT", () => (indexComment = comment(stream))],
    // Baton builds plain and unique indexes only: refuse the others by name.
    ...["SEARCH", "FULLTEXT", "MTREE", "HNSW", "COUNT", "CONCURRENTLY"].map((kind): [string, Clause] => [kind, unsupportedClause(stream)]),
  ]);
  parseClauses(stream, clauses);
  if (fields.length === 0) stream.fail({ reason: "Expected at least one column: use FIELDS to list them", at: stream.peek() });
  return {
    kind: "define-index",
    mode,
    name,
    table,
    fields,
    unique,
    ...(indexComment !== undefined && { comment: indexComment }),
    span: spanFrom(stream, keyword),
  };
}

/** `fn::a::b` (without the `fn::` in the result). */
function functionName(stream: TokenStream): string {
  if (!stream.isWord("FN") || !stream.isPunct("::", 1)) throw stream.unexpected("a function name starting with `fn::`");
  stream.next();
  const segments: string[] = [];
  while (stream.eatPunct("::")) segments.push(expectName(stream, "a function name"));
  return segments.join("::");
}

function defineFunction(ctx: ParserContext, keyword: Token): DefineFunctionStatement {
  const { stream } = ctx;
  const mode = defineMode(stream);
  const name = functionName(stream);
  const open = stream.expectPunct("(");
  const params: { name: string; type?: TypeExpr }[] = [];
  while (!stream.eatPunct(")")) {
    const param = stream.peek();
    if (param.kind !== "param") throw stream.unexpected("a parameter such as `$name`");
    stream.next();
    params.push(stream.eatPunct(":") ? { name: param.name, type: ctx.type() } : { name: param.name });
    if (!stream.eatPunct(",")) {
      stream.expectClosing(")", open);
      break;
    }
  }
  const returns = stream.eatPunct("->") ? ctx.type() : undefined;
  const body: Block = ctx.block(stream.expectPunct("{"));
  let functionComment: string | undefined;
  parseClauses(
    stream,
    new Map<string, Clause>([
      ["COMMENT", () => (functionComment = comment(stream))],
      ["PERMISSIONS", () => skipPermissions(ctx, true)],
    ]),
  );
  return {
    kind: "define-function",
    mode,
    name,
    params,
    body,
    ...(returns && { returns }),
    ...(functionComment !== undefined && { comment: functionComment }),
    span: spanFrom(stream, keyword),
  };
}

function paramName(stream: TokenStream): string {
  const token = stream.peek();
  if (token.kind !== "param") throw stream.unexpected("a parameter such as `$name`");
  stream.next();
  return token.name;
}

function defineParam(ctx: ParserContext, keyword: Token): DefineParamStatement {
  const { stream } = ctx;
  const mode = defineMode(stream);
  const name = paramName(stream);
  let value: Expr | undefined;
  parseClauses(
    stream,
    new Map<string, Clause>([
      ["VALUE", () => (value = ctx.expression("field"))],
      ["COMMENT", () => comment(stream)],
      ["PERMISSIONS", () => skipPermissions(ctx, true)],
    ]),
  );
  if (value === undefined) throw stream.unexpected("`VALUE`");
  return { kind: "define-param", mode, name, value, span: spanFrom(stream, keyword) };
}

/** The DEFINE or REMOVE kind keyword, refusing the kinds Baton does not have. */
function schemaKind(stream: TokenStream, verb: string): string {
  const token = stream.peek();
  if (token.kind === "word" && UNSUPPORTED_KINDS.has(token.upper)) {
    stream.fail({ reason: `\`${verb} ${token.upper}\` is not supported by Baton`, at: token });
  }
  if (token.kind !== "word") throw stream.unexpected(`a ${verb} statement keyword`);
  stream.next();
  return token.upper;
}

/** `DEFINE …`, after `DEFINE`. */
export function parseDefine(ctx: ParserContext, keyword: Token): Statement {
  const { stream } = ctx;
  const kindToken = stream.peek();
  switch (schemaKind(stream, "DEFINE")) {
    case "TABLE":
      return defineTable(ctx, keyword);
    case "FIELD":
      return defineField(ctx, keyword);
    case "INDEX":
      return defineIndex(ctx, keyword);
    case "FUNCTION":
      return defineFunction(ctx, keyword);
    case "PARAM":
      return defineParam(ctx, keyword);
    default:
      throw stream.unexpected("`TABLE`, `FIELD`, `INDEX`, `FUNCTION` or `PARAM`", kindToken);
  }
}

/** `REMOVE TABLE | FIELD | INDEX | FUNCTION | PARAM [IF EXISTS] …`, after `REMOVE`. */
export function parseRemove(ctx: ParserContext, keyword: Token): RemoveStatement {
  const { stream } = ctx;
  const kindToken = stream.peek();
  const kind = schemaKind(stream, "REMOVE");
  const ifExists = stream.eatWord("IF");
  if (ifExists) stream.expectWord("EXISTS");
  const done = (what: RemoveStatement["what"], name: string, table?: string): RemoveStatement => ({
    kind: "remove",
    what,
    name,
    ...(table !== undefined && { table }),
    ifExists,
    span: spanFrom(stream, keyword),
  });
  switch (kind) {
    case "TABLE":
      return done("table", expectName(stream, "a table name"));
    case "FIELD": {
      const at = stream.peek();
      const name = fieldPathText(ctx.plainIdiom());
      if (name === undefined) return stream.fail({ reason: "Expected a field path such as `name.first` or `tags[*]`", at });
      return done("field", name, onTable(stream));
    }
    case "INDEX": {
      const name = expectName(stream, "an index name");
      return done("index", name, onTable(stream));
    }
    case "FUNCTION": {
      const name = functionName(stream);
      // SurrealDB accepts `REMOVE FUNCTION fn::x()` with empty parentheses.
      if (stream.isPunct("(")) stream.expectClosing(")", stream.next());
      return done("function", name);
    }
    case "PARAM":
      return done("param", paramName(stream));
    default:
      throw stream.unexpected("`TABLE`, `FIELD`, `INDEX`, `FUNCTION` or `PARAM`", kindToken);
  }
}

const INFO_LEVELS: ReadonlyMap<string, InfoStatement["level"]> = new Map([
  ["ROOT", "root"],
  ["KV", "root"],
  ["NS", "namespace"],
  ["NAMESPACE", "namespace"],
  ["DB", "database"],
  ["DATABASE", "database"],
  ["TABLE", "table"],
  ["TB", "table"],
]);

/** `INFO FOR ROOT | NS | DB | TABLE t [STRUCTURE]`, after `INFO`. */
export function parseInfo(ctx: ParserContext, keyword: Token): InfoStatement {
  const { stream } = ctx;
  stream.expectWord("FOR");
  const token = stream.peek();
  if (token.kind === "word" && (token.upper === "USER" || token.upper === "INDEX")) {
    stream.fail({ reason: `\`INFO FOR ${token.upper}\` is not supported by Baton`, at: token });
  }
  const level = token.kind === "word" ? INFO_LEVELS.get(token.upper) : undefined;
  if (level === undefined) throw stream.unexpected("`ROOT`, `NS`, `DB` or `TABLE`");
  stream.next();
  const table = level === "table" ? expectName(stream, "a table name") : undefined;
  const structure = stream.eatWord("STRUCTURE");
  return { kind: "info", level, ...(table !== undefined && { table }), structure, span: spanFrom(stream, keyword) };
}
