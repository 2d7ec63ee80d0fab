// Closures (anonymous functions), after their opening `|` or `||`: `|$x| $x * 2`,
// `|$a: int, $b: int| $a + $b`, `|$x: int| -> int { … }`, `|| 1`. A parameter's type is a single
// type (`int`, `array<int>`), since `|` would close the list; `<int | string>` writes a union.
import type { ClosureExpr, ParamDefinition, TypeExpr } from "./ast.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import { parseSingleType, parseType } from "./type-parser.js";

function paramType(ctx: ParserContext): TypeExpr {
  const { stream } = ctx;
  if (!stream.isPunct("<")) return parseSingleType(stream);
  const open = stream.next();
  const type = parseType(stream);
  stream.expectClosing(">", open);
  return type;
}

/** `$a: type, $b |` after the opening `|` (`open`), the closing `|` included. */
function parseParams(ctx: ParserContext, open: Token): ParamDefinition[] {
  const { stream } = ctx;
  const params: ParamDefinition[] = [];
  while (!stream.eatPunct("|")) {
    const token = stream.peek();
    if (token.kind !== "param") throw stream.unexpected("a closure parameter such as `$x`");
    stream.next();
    params.push(stream.eatPunct(":") ? { name: token.name, type: paramType(ctx) } : { name: token.name });
    if (!stream.eatPunct(",")) {
      stream.expectClosing("|", open);
      break;
    }
  }
  return params;
}

/** A closure after its `|` (`open`) or, with `open` undefined, after a `||` (no parameters). */
export function parseClosure(ctx: ParserContext, open: Token | undefined): ClosureExpr {
  const { stream } = ctx;
  const params = open === undefined ? [] : parseParams(ctx, open);
  if (!stream.eatPunct("->")) return { kind: "closure", params, body: ctx.expression("field") };
  const returns = parseType(stream);
  const brace = stream.expectPunct("{");
  return { kind: "closure", params, returns, body: { kind: "block", block: ctx.block(brace) } };
}
