// Literal tokens as syntax-tree values: numbers (with a sign written against them), strings,
// prefixed literals, and the keyword literals `true`, `false`, `null`, `NONE`, `NaN`, `Infinity`.
import { NONE } from "@baton/codecs";
import type { Expr, LiteralExpr } from "./ast.js";
import type { Token } from "./lexer.js";
import { numberValue } from "./number-literal.js";
import type { TokenStream } from "./token-stream.js";

export const literal = (value: unknown): LiteralExpr => ({ kind: "literal", value });

const KEYWORD_LITERALS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ["TRUE", true],
  ["FALSE", false],
  ["NULL", null],
  ["NONE", NONE],
  ["NAN", Number.NaN],
  ["INFINITY", Number.POSITIVE_INFINITY],
]);

/** The literal a keyword stands for (`true`, `NONE`, …), or undefined for other words. */
export function keywordLiteral(token: Token): LiteralExpr | undefined {
  if (token.kind !== "word" || !KEYWORD_LITERALS.has(token.upper)) return undefined;
  return literal(KEYWORD_LITERALS.get(token.upper));
}

/**
 * The value of a number token, negated when `sign` is `-`. A signed duration stays an operator
 * applied to the duration (durations are never negative), as in SurrealDB.
 */
export function numberLiteral(options: { stream: TokenStream; token: Token; sign?: "-" | "+" }): Expr {
  const { stream, token, sign } = options;
  if (token.kind !== "number") throw stream.unexpected("a number", token);
  let value: unknown;
  try {
    value = numberValue({ numeric: token.numeric, digits: token.digits, negative: sign === "-" && token.numeric !== "duration" });
  } catch (error) {
    return stream.fail({ reason: error instanceof Error ? error.message : "Invalid number", at: token });
  }
  if (token.numeric !== "duration" || sign === undefined) return literal(value);
  return { kind: "unary", op: sign === "-" ? "negate" : "plus", operand: literal(value) };
}

/** The literal of a string or prefixed-string token, or undefined for other tokens. */
export function textLiteral(token: Token): LiteralExpr | undefined {
  if (token.kind === "string") return literal(token.value);
  if (token.kind === "prefixed") return literal(token.value);
  return undefined;
}
