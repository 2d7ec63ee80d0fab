// parseQuery: SurrealQL text to its syntax tree (ast.ts). Statements are separated by `;`; empty
// statements are skipped and the last `;` is optional. Any error is a SurrealqlParseError.
import type { Query, Statement } from "./ast.js";
import { parseExpression } from "./expression-parser.js";
import { parsePlainIdiom } from "./idiom-parser.js";
import type { ParserContext } from "./parser-context.js";
import { parseBlock, parseKeywordValue, parseStatement } from "./statement-parser.js";
import { TokenStream } from "./token-stream.js";
import { parseType } from "./type-parser.js";

function createContext(text: string): ParserContext {
  const stream = new TokenStream(text);
  const ctx: ParserContext = {
    stream,
    names: "field",
    covered: new WeakSet(),
    expression: (names) => parseExpression(ctx, names),
    keywordValue: (keyword) => parseKeywordValue(ctx, keyword),
    statement: () => stream.nested(() => parseStatement(ctx, { topLevel: false })),
    block: (open) => parseBlock(ctx, open),
    plainIdiom: () => parsePlainIdiom(ctx),
    type: () => parseType(stream),
  };
  return ctx;
}

/**
 * Parses a SurrealQL query into its statements. Throws SurrealqlParseError, with SurrealDB's
 * message and the offending token's line and column, when the text does not parse.
 */
export function parseQuery(text: string): Query {
  const ctx = createContext(text);
  const { stream } = ctx;
  const statements: Statement[] = [];
  for (;;) {
    while (stream.eatPunct(";"));
    if (stream.peek().kind === "eof") break;
    statements.push(parseStatement(ctx, { topLevel: true }));
    if (stream.peek().kind === "eof") break;
    if (!stream.isPunct(";")) throw stream.unexpected("`;`");
  }
  return { statements };
}
