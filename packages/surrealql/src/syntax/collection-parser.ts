// Array and object literals (`[1, $x]`, `{ a: 1, "b c": 2 }`), and telling an object from a block
// when a `{` opens a value.
import type { ArrayExpr, Expr, ObjectExpr } from "./ast.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import type { TokenStream } from "./token-stream.js";

/** `[a, b, ]` after its `[`; a trailing comma is allowed. */
export function parseArray(ctx: ParserContext, open: Token): ArrayExpr {
  const items: Expr[] = [];
  while (!ctx.stream.eatPunct("]")) {
    items.push(ctx.expression());
    if (!ctx.stream.eatPunct(",")) {
      ctx.stream.expectClosing("]", open);
      break;
    }
  }
  return { kind: "array", items };
}

/** An object key: a name (keywords too), a quoted name, a string or a number. */
function objectKey(stream: TokenStream): string {
  const token = stream.peek();
  const key =
    token.kind === "word"
      ? token.text
      : token.kind === "ident"
        ? token.name
        : token.kind === "string"
          ? token.value
          : token.kind === "number"
            ? stream.source(token)
            : undefined;
  if (key === undefined) throw stream.unexpected("an object key");
  stream.next();
  return key;
}

/** `{ key: value, … }` after its `{`; a trailing comma is allowed. */
export function parseObject(ctx: ParserContext, open: Token): ObjectExpr {
  const entries: { key: string; value: Expr }[] = [];
  while (!ctx.stream.eatPunct("}")) {
    const key = objectKey(ctx.stream);
    ctx.stream.expectPunct(":");
    entries.push({ key, value: ctx.expression() });
    if (!ctx.stream.eatPunct(",")) {
      ctx.stream.expectClosing("}", open);
      break;
    }
  }
  return { kind: "object", entries };
}

/**
 * Whether the `{` just consumed opens an object rather than a block: `{}` and `{ key: …` are
 * objects, anything else a block (SurrealDB reads `{ a: 1 }` as an object, `{ a }` as a block).
 */
export function opensObject(stream: TokenStream): boolean {
  if (stream.isPunct("}")) return true;
  const key = stream.peek();
  const keyLike = key.kind === "word" || key.kind === "ident" || key.kind === "string" || key.kind === "number";
  return keyLike && stream.isPunct(":", 1);
}
