// Statements: the keyword dispatch, blocks, IF, and the small statements (LET, RETURN, THROW,
// BEGIN/COMMIT/CANCEL, USE, KILL). Statement keywords SurrealDB has but Baton does not are refused
// by name. The larger statements live in select-, write- and schema-parser.ts.
import type { Block, Expr, IfExpr, Statement, UseStatement } from "./ast.js";
import { parseFetch, spanFrom } from "./clause-parser.js";
import { nameOf } from "./idiom-parser.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import { parseDefine, parseInfo, parseRemove } from "./schema-parser.js";
import { parseLive, parseSelect } from "./select-parser.js";
import type { TokenStream } from "./token-stream.js";
import { parseCreate, parseDelete, parseInsert, parseRelate, parseUpdate } from "./write-parser.js";

type StatementParser = (ctx: ParserContext, keyword: Token & { kind: "word" }) => Statement;

/** `LET $name [: type] = value`, after `LET`. */
const parseLet: StatementParser = (ctx, keyword) => {
  const { stream } = ctx;
  const param = stream.peek();
  if (param.kind !== "param") {
    if (nameOf(param) !== undefined) stream.fail({ reason: "A LET parameter is written with `$`: `LET $name = …`", at: param });
    throw stream.unexpected("a parameter such as `$name`");
  }
  stream.next();
  const type = stream.eatPunct(":") ? ctx.type() : undefined;
  stream.expectPunct("=");
  const value = ctx.expression("field");
  return { kind: "let", name: param.name, ...(type && { type }), value, span: spanFrom(stream, keyword) };
};

/** `RETURN value [FETCH …]`, after `RETURN`. */
const parseReturn: StatementParser = (ctx, keyword) => {
  const value = ctx.expression("field");
  const fetch = ctx.stream.eatWord("FETCH") ? parseFetch(ctx) : undefined;
  return { kind: "return", value, ...(fetch && { fetch }), span: spanFrom(ctx.stream, keyword) };
};

const parseThrow: StatementParser = (ctx, keyword) => ({
  kind: "throw",
  value: ctx.expression("field"),
  span: spanFrom(ctx.stream, keyword),
});

/** `BEGIN`, `COMMIT`, `CANCEL`, each with an optional `TRANSACTION`. */
const parseTransaction: StatementParser = (ctx, keyword) => {
  ctx.stream.eatWord("TRANSACTION");
  const kind = keyword.upper === "BEGIN" ? "begin" : keyword.upper === "COMMIT" ? "commit" : "cancel";
  return { kind, span: spanFrom(ctx.stream, keyword) };
};

function useName(stream: TokenStream): string {
  const token = stream.peek();
  const name = token.kind === "string" ? token.value : nameOf(token);
  if (name === undefined) throw stream.unexpected("a name");
  stream.next();
  return name;
}

/** `USE NS a DB b`, `USE NAMESPACE a`, `USE DB b`, after `USE`. */
const parseUse: StatementParser = (ctx, keyword) => {
  const { stream } = ctx;
  const use: { namespace?: string; database?: string } = {};
  for (;;) {
    if (use.namespace === undefined && (stream.eatWord("NS") || stream.eatWord("NAMESPACE"))) use.namespace = useName(stream);
    else if (use.database === undefined && (stream.eatWord("DB") || stream.eatWord("DATABASE"))) use.database = useName(stream);
    else break;
  }
  if (use.namespace === undefined && use.database === undefined) throw stream.unexpected("`NS` or `DB`");
  const statement: UseStatement = { kind: "use", ...use, span: spanFrom(stream, keyword) };
  return statement;
};

const parseKill: StatementParser = (ctx, keyword) => ({
  kind: "kill",
  id: ctx.expression("field"),
  span: spanFrom(ctx.stream, keyword),
});

/** One statement as the body of a `THEN` or `ELSE` branch. */
function branchBody(ctx: ParserContext): Block {
  return { statements: [ctx.statement()] };
}

/**
 * `IF c THEN a [ELSE IF d THEN b]… [ELSE e] END` or `IF c { … } [ELSE IF d { … }]… [ELSE { … }]`,
 * after `IF`. The first branch decides the form; the others keep it.
 */
export function parseIf(ctx: ParserContext): IfExpr {
  const { stream } = ctx;
  const branches: { condition: Expr; body: Block }[] = [];
  let otherwise: Block | undefined;
  let thenForm: boolean | undefined;
  const branch = (): Block => {
    if (thenForm !== false && stream.eatWord("THEN")) {
      thenForm = true;
      return branchBody(ctx);
    }
    if (thenForm !== true && stream.isPunct("{")) {
      thenForm = false;
      return ctx.block(stream.next());
    }
    throw stream.unexpected(thenForm === undefined ? "`THEN` or `{`" : thenForm ? "`THEN`" : "`{`");
  };
  for (;;) {
    const condition = ctx.expression("field");
    branches.push({ condition, body: branch() });
    if (!stream.eatWord("ELSE")) break;
    if (stream.eatWord("IF")) continue;
    if (thenForm === true) otherwise = branchBody(ctx);
    else otherwise = ctx.block(stream.expectPunct("{"));
    break;
  }
  if (thenForm === true) stream.expectWord("END");
  return { kind: "if", branches, ...(otherwise && { otherwise }) };
}

const parseIfStatement: StatementParser = (ctx, keyword) => ({
  kind: "if",
  expr: parseIf(ctx),
  span: spanFrom(ctx.stream, keyword),
});

/** Statements that are also values (`LET $x = SELECT …`, `RETURN CREATE …`, `(DELETE …)`). */
const VALUE_STATEMENTS: ReadonlyMap<string, StatementParser> = new Map<string, StatementParser>([
  ["SELECT", parseSelect],
  ["CREATE", parseCreate],
  ["UPDATE", parseUpdate],
  ["UPSERT", parseUpdate],
  ["DELETE", parseDelete],
  ["INSERT", parseInsert],
  ["RELATE", parseRelate],
  ["DEFINE", parseDefine],
  ["REMOVE", parseRemove],
  ["INFO", parseInfo],
  ["LET", parseLet],
  ["RETURN", parseReturn],
  ["THROW", parseThrow],
]);

/** Statements that only stand on their own. */
const STATEMENTS: ReadonlyMap<string, StatementParser> = new Map<string, StatementParser>([
  ...VALUE_STATEMENTS,
  ["IF", parseIfStatement],
  ["BEGIN", parseTransaction],
  ["COMMIT", parseTransaction],
  ["CANCEL", parseTransaction],
  ["USE", parseUse],
  ["LIVE", parseLive],
  ["KILL", parseKill],
]);

/** SurrealDB statements Baton does not run, refused by name wherever a statement or value may start. */
const UNSUPPORTED = new Set(["FOR", "ALTER", "REBUILD", "CONTINUE", "BREAK", "EXPLAIN", "FUNCTION"]);
/** Refused only where a statement starts (elsewhere they may name fields). */
const UNSUPPORTED_STATEMENTS = new Set(["OPTION", "SHOW", "ACCESS", "ANALYZE"]);

function refuseUnsupported(stream: TokenStream, keyword: Token & { kind: "word" }, statementStart: boolean): void {
  const sleepStatement = keyword.upper === "SLEEP" && !stream.isPunct("(", 1);
  if (UNSUPPORTED.has(keyword.upper) || sleepStatement || (statementStart && UNSUPPORTED_STATEMENTS.has(keyword.upper))) {
    stream.fail({ reason: `The \`${keyword.upper}\` statement is not supported by Baton`, at: keyword });
  }
}

/** A statement keyword where a value is expected: the statement as a subquery, IF as an IfExpr. */
export function parseKeywordValue(ctx: ParserContext, keyword: Token): Expr | undefined {
  if (keyword.kind !== "word") return undefined;
  const { stream } = ctx;
  refuseUnsupported(stream, keyword, false);
  if (keyword.upper === "IF") {
    stream.next();
    return parseIf(ctx);
  }
  const parse = VALUE_STATEMENTS.get(keyword.upper);
  if (parse === undefined) return undefined;
  stream.next();
  return { kind: "subquery", statement: parse(ctx, keyword) };
}

/** One statement. `topLevel`: transaction statements are allowed (not inside blocks). */
export function parseStatement(ctx: ParserContext, options: { topLevel: boolean }): Statement {
  const { stream } = ctx;
  const token = stream.peek();
  if (token.kind === "word") {
    refuseUnsupported(stream, token, true);
    const parse = STATEMENTS.get(token.upper);
    if (parse !== undefined) {
      if (!options.topLevel && parse === parseTransaction) {
        stream.fail({ reason: `\`${token.upper}\` is only allowed at the top level of a query, not inside a block`, at: token });
      }
      stream.next();
      return parse(ctx, token);
    }
  }
  const expr = ctx.expression("field");
  return { kind: "expression", expr, span: { start: token.start, end: stream.lastEnd } };
}

/** `{ stmt; stmt; expr }` after its `{`: empty statements are skipped, the last `;` is optional. */
export function parseBlock(ctx: ParserContext, open: Token): Block {
  const { stream } = ctx;
  const statements: Statement[] = [];
  for (;;) {
    while (stream.eatPunct(";"));
    if (stream.isPunct("}")) break;
    if (stream.peek().kind === "eof") return stream.fail({ reason: "Unexpected end of file, expected closing delimiter `}`", at: open });
    statements.push(ctx.statement());
    if (!stream.isPunct(";")) break;
  }
  stream.expectClosing("}", open);
  return { statements };
}
