// What the parts of the SurrealQL parser share: the token stream and the entry points they call
// back into. Each part is a set of functions over this context, so expression, idiom and statement
// parsing can recurse into one another without importing one another in a circle.
import type { Block, Expr, IdiomExpr, Statement, TypeExpr } from "./ast.js";
import type { Token } from "./lexer.js";
import type { TokenStream } from "./token-stream.js";

/**
 * What a bare name means in an expression: a field of the current document (`WHERE age > 1`) or a
 * table (`FROM person`, `CREATE person`). SurrealDB decides this by position, not by the name.
 */
export type NameMode = "field" | "table";

export interface ParserContext {
  readonly stream: TokenStream;
  /** The meaning of bare names in the expression being parsed. */
  names: NameMode;
  /** Expressions written in parentheses: operators without associativity may chain only through them. */
  readonly covered: WeakSet<Expr>;
  /** An expression; `names` omitted keeps the enclosing expression's meaning of bare names. */
  expression(names?: NameMode): Expr;
  /** A statement keyword met where a value is expected: `SELECT …` as a subquery, `IF` as an IfExpr; undefined for other tokens. */
  keywordValue(keyword: Token): Expr | undefined;
  /** One statement of a block or an IF branch. */
  statement(): Statement;
  /** The statements of `{ … }`, after its `{`. */
  block(open: Token): Block;
  /** A path written without a starting value: `name`, `name.first`, `tags[*]`, `->knows->person`. */
  plainIdiom(): IdiomExpr;
  type(): TypeExpr;
}
