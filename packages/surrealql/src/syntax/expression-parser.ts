// SurrealQL expressions by precedence climbing (a Pratt parser with SurrealDB's binding powers):
// prefix operators (`!`, `NOT`, `-`, `+`, casts `<int>`, `..x`), infix operators, and ranges
// `a..b`, `a..=b`, `a>..b`, `a..`.
import type { Expr, RangeBoundExpr, RangeExpr } from "./ast.js";
import type { Token } from "./lexer.js";
import { numberLiteral } from "./literal-parser.js";
import { BindingPower, bindingPower, hasAssociativity, infixOperatorAhead } from "./operators.js";
import type { NameMode, ParserContext } from "./parser-context.js";
import { continueIdiom, parsePrimary } from "./primary-parser.js";
import { TokenStream } from "./token-stream.js";

/** Tokens an operand can start with, for telling `1..5` (a range with an end) from `1..` followed by something else. */
function startsOperand(token: Token): boolean {
  if (token.kind === "punct") return ["(", "[", "{", "-", "+", "!", "<", "->", "<-", "<->", "$"].includes(token.symbol);
  return token.kind !== "invalid" && token.kind !== "eof";
}

/** The end bound of a range, after its `..` (the end must touch the dots, as in SurrealDB). */
function rangeEnd(ctx: ParserContext, dots: Token): RangeBoundExpr | undefined {
  const { stream } = ctx;
  const after = stream.peek();
  if (!TokenStream.adjacent(dots, after)) return undefined;
  if (after.kind === "punct" && after.symbol === "=") {
    stream.next();
    return { value: pratt(ctx, BindingPower.Range), inclusive: true };
  }
  return startsOperand(after) ? { value: pratt(ctx, BindingPower.Range), inclusive: false } : undefined;
}

/** `left..`, `left..end`, `left>..end`: the range whose start is `left`, at a `..` or `>..`. */
function rangeFrom(ctx: ParserContext, left: Expr): RangeExpr {
  const { stream } = ctx;
  if (left.kind === "range" && !ctx.covered.has(left)) {
    stream.fail({ reason: "Chained range operators have no defined associativity", at: stream.peek() });
  }
  const exclusive = stream.eatPunct(">");
  const dots = stream.next();
  const to = rangeEnd(ctx, dots);
  return { kind: "range", from: { value: left, inclusive: !exclusive }, ...(to && { to }) };
}

function isRangeAhead(stream: TokenStream): boolean {
  if (stream.isPunct("..")) return true;
  return stream.isPunct(">") && stream.isPunct("..", 1) && TokenStream.adjacent(stream.peek(), stream.peek(1));
}

/** Operators SurrealDB does not have here, with the reason given instead of a bare "unexpected token". */
function refuseOperator(stream: TokenStream): void {
  const token = stream.peek();
  if (token.kind !== "punct") return;
  if (token.symbol === "+=" || token.symbol === "-=" || token.symbol === "+?=") {
    stream.fail({ reason: "Assignment operators are only allowed in SET and ON DUPLICATE KEY UPDATE clauses", at: token });
  }
  if (token.symbol === "@") stream.fail({ reason: "The full-text match operator `@@` is not supported by Baton", at: token });
  if (token.symbol === "<" && stream.isPunct("|", 1) && TokenStream.adjacent(token, stream.peek(1))) {
    stream.fail({ reason: "The nearest-neighbour operator `<|…|>` is not supported by Baton", at: token });
  }
}

function prefixed(ctx: ParserContext, op: "not" | "negate" | "plus"): Expr {
  ctx.stream.next();
  return { kind: "unary", op, operand: pratt(ctx, BindingPower.Prefix) };
}

/** An operand with its prefix operators. */
function prefixOrPrimary(ctx: ParserContext): Expr {
  const { stream } = ctx;
  const token = stream.peek();
  if (token.kind === "word" && token.upper === "NOT") return prefixed(ctx, "not");
  if (token.kind !== "punct") return parsePrimary(ctx);
  switch (token.symbol) {
    case "!":
      return prefixed(ctx, "not");
    case "-":
    case "+": {
      const number = stream.peek(1);
      if (number.kind === "number" && TokenStream.adjacent(token, number)) {
        // `-5` is one literal, not an operator on 5 (so `-9223372036854775808` fits an int).
        stream.next();
        stream.next();
        return continueIdiom(ctx, numberLiteral({ stream, token: number, sign: token.symbol }));
      }
      return prefixed(ctx, token.symbol === "-" ? "negate" : "plus");
    }
    case "<": {
      const open = stream.next();
      const type = ctx.type();
      stream.expectClosing(">", open);
      return { kind: "cast", type, value: pratt(ctx, BindingPower.Prefix) };
    }
    case "..": {
      const to = rangeEnd(ctx, stream.next());
      return { kind: "range", ...(to && { to }) };
    }
    default:
      return parsePrimary(ctx);
  }
}

/** Operators binding tighter than `minPower`, folded left to right. */
function pratt(ctx: ParserContext, minPower: number): Expr {
  const { stream } = ctx;
  return stream.nested(() => {
    let left = prefixOrPrimary(ctx);
    for (;;) {
      if (isRangeAhead(stream)) {
        if (BindingPower.Range <= minPower) return left;
        left = rangeFrom(ctx, left);
        continue;
      }
      refuseOperator(stream);
      const operator = infixOperatorAhead(stream);
      if (operator === undefined) return left;
      const power = bindingPower(operator.op);
      if (power <= minPower) return left;
      const first = stream.next();
      for (let i = 1; i < operator.tokens; i++) stream.next();
      const right = pratt(ctx, power);
      if (!hasAssociativity(operator.op) && left.kind === "binary" && !ctx.covered.has(left) && bindingPower(left.op) === power) {
        stream.fail({ reason: "Chained relational operators have no defined associativity; use parentheses", at: first });
      }
      left = { kind: "binary", op: operator.op, left, right };
    }
  });
}

/** An expression; `names` says what a bare name means (kept from the enclosing expression when omitted). */
export function parseExpression(ctx: ParserContext, names?: NameMode): Expr {
  const enclosing = ctx.names;
  if (names !== undefined) ctx.names = names;
  try {
    return pratt(ctx, BindingPower.Base);
  } finally {
    ctx.names = enclosing;
  }
}
