// The operands of SurrealQL expressions: literals, parameters, names, record ids, arrays, objects,
// blocks, parenthesised expressions, geometry points, calls, statements used as values, and the
// path (idiom) that may continue any of them.
import { GeometryPoint } from "@baton/codecs";
import type { Expr } from "./ast.js";
import { parseArguments, parseCall } from "./call-parser.js";
import { parseClosure } from "./closure-parser.js";
import { opensObject, parseArray, parseObject } from "./collection-parser.js";
import { continuesIdiom, nameOf, parseIdiom } from "./idiom-parser.js";
import type { Token } from "./lexer.js";
import { keywordLiteral, literal, numberLiteral } from "./literal-parser.js";
import type { ParserContext } from "./parser-context.js";
import { parseMockIds } from "./mock-id-parser.js";
import { parseRecordId } from "./record-id-parser.js";
import { TokenStream } from "./token-stream.js";

/** A bare name: a field of the current document, or a table where targets are listed. */
function nameExpr(ctx: ParserContext, name: string): Expr {
  if (ctx.names === "table" && !continuesIdiom(ctx.stream)) return { kind: "table", name };
  return { kind: "idiom", root: undefined, parts: [{ kind: "field", name }] };
}

/** A name token followed by `:` is a record id (the `:` must touch the name, as the key must touch the `:`). */
function nameOrRecordId(ctx: ParserContext, token: Token): Expr {
  const { stream } = ctx;
  const name = nameOf(token) ?? "";
  stream.next();
  const colon = stream.peek();
  if (!(colon.kind === "punct" && colon.symbol === ":")) return nameExpr(ctx, name);
  if (!TokenStream.adjacent(token, colon)) {
    stream.fail({ reason: "Unexpected whitespace, expected `:` right after the table name of a record id", at: colon });
  }
  return parseRecordId(ctx, { table: name, colon });
}

/** A signed or unsigned int or float, for geometry points. */
function coordinate(ctx: ParserContext): number {
  const { stream } = ctx;
  const sign = stream.isPunct("-") ? "-" : stream.isPunct("+") ? "+" : undefined;
  if (sign !== undefined) stream.next();
  const token = stream.peek();
  if (token.kind !== "number" || (token.numeric !== "int" && token.numeric !== "float")) throw stream.unexpected("a number");
  stream.next();
  const value = numberLiteral({ stream, token, sign });
  return value.kind === "literal" ? Number(value.value) : Number.NaN;
}

/** True when `(` is followed by a number and a comma: a geometry point `(x, y)`. */
function opensPoint(stream: TokenStream): boolean {
  const signed = stream.isPunct("-") || stream.isPunct("+") ? 1 : 0;
  return stream.peek(signed).kind === "number" && stream.isPunct(",", signed + 1);
}

/** After a `(`: a geometry point, or an expression in parentheses. */
function parenthesised(ctx: ParserContext, open: Token): Expr {
  const { stream } = ctx;
  if (opensPoint(stream)) {
    const x = coordinate(ctx);
    stream.expectPunct(",");
    const y = coordinate(ctx);
    stream.expectClosing(")", open);
    return literal(new GeometryPoint(x, y));
  }
  const inner = ctx.expression();
  stream.expectClosing(")", open);
  ctx.covered.add(inner);
  return inner;
}

/** After a `{`: an object, or a block of statements. */
function braced(ctx: ParserContext, open: Token): Expr {
  if (opensObject(ctx.stream)) return parseObject(ctx, open);
  return { kind: "block", block: ctx.block(open) };
}

function wordValue(ctx: ParserContext, token: Token & { kind: "word" }): Expr {
  const { stream } = ctx;
  const statement = ctx.keywordValue(token);
  if (statement !== undefined) return statement;
  const keyword = keywordLiteral(token);
  if (keyword !== undefined) {
    stream.next();
    return keyword;
  }
  if (stream.isPunct("::", 1) || stream.isPunct("(", 1)) {
    stream.next();
    return parseCall(ctx, token);
  }
  return nameOrRecordId(ctx, token);
}

function punctValue(ctx: ParserContext, token: Token & { kind: "punct" }): Expr {
  const { stream } = ctx;
  switch (token.symbol) {
    case "(":
      return parenthesised(ctx, stream.next());
    case "[":
      return parseArray(ctx, stream.next());
    case "{":
      return braced(ctx, stream.next());
    case "|": {
      // `|$x| …` is a closure, `|person:5|` a mock: SurrealDB tells them apart by the `$`.
      const open = stream.next();
      return stream.peek().kind === "param" || stream.isPunct("|") ? parseClosure(ctx, open) : parseMockIds(ctx, open);
    }
    case "||":
      stream.next();
      return parseClosure(ctx, undefined);
    case "->":
    case "<-":
    case "<->":
      // A path that starts with a graph hop from the current document.
      return parseIdiom(ctx, { root: undefined });
    default:
      throw stream.unexpected("an expression");
  }
}

/** An operand without the path that may follow it (RELATE reads its own arrows after one). */
export function parseOperand(ctx: ParserContext): Expr {
  const { stream } = ctx;
  const token = stream.peek();
  switch (token.kind) {
    case "number":
      stream.next();
      return numberLiteral({ stream, token });
    case "string":
    case "prefixed":
      stream.next();
      return literal(token.value);
    case "param": {
      stream.next();
      const param: Expr = { kind: "param", name: token.name };
      // `$double(2)`: the `(` must touch the name, so `$x (…)` elsewhere stays two things.
      const open = stream.peek();
      if (!(open.kind === "punct" && open.symbol === "(" && TokenStream.adjacent(token, open))) return param;
      stream.next();
      return { kind: "idiom", root: param, parts: [{ kind: "call", args: parseArguments(ctx, open) }] };
    }
    case "ident":
      return nameOrRecordId(ctx, token);
    case "word":
      return wordValue(ctx, token);
    case "punct":
      return punctValue(ctx, token);
    case "invalid":
    case "eof":
      throw stream.unexpected("an expression");
  }
}

/** Continues `value` with the path parts that follow it, if any. */
export function continueIdiom(ctx: ParserContext, value: Expr): Expr {
  if (!continuesIdiom(ctx.stream)) return value;
  if (value.kind === "idiom" && !ctx.covered.has(value)) {
    return parseIdiom(ctx, { root: value.root, parts: [...value.parts] });
  }
  if (value.kind === "table") return parseIdiom(ctx, { root: undefined, parts: [{ kind: "field", name: value.name }] });
  return parseIdiom(ctx, { root: value });
}

/** An operand with the path that follows it. */
export function parsePrimary(ctx: ParserContext): Expr {
  return continueIdiom(ctx, parseOperand(ctx));
}
