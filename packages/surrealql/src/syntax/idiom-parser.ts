// Idioms, the paths walked from a value or from the current document: `.field`, `.*`, `[0]`, `[$]`,
// `[*]`, `[WHERE …]`, `[? …]`, `.method(args)` and graph hops `->edge`, `<-edge`, `<->edge`,
// `->(a, b WHERE … AS alias)`, `->?`.
import type { Expr, IdiomExpr, IdiomPart } from "./ast.js";
import { parseArguments } from "./call-parser.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import type { TokenStream } from "./token-stream.js";

const GRAPH_DIRECTIONS: ReadonlyMap<string, "out" | "in" | "both"> = new Map([
  ["->", "out"],
  ["<-", "in"],
  ["<->", "both"],
]);

/** True when the next token continues a path: `.`, `[`, `->`, `<-`, `<->` (and `...`, refused later). */
export function continuesIdiom(stream: TokenStream): boolean {
  const token = stream.peek();
  return token.kind === "punct" && ([".", "[", "..."].includes(token.symbol) || GRAPH_DIRECTIONS.has(token.symbol));
}

/** A name token's text: a bare word or a quoted identifier. */
export function nameOf(token: Token): string | undefined {
  if (token.kind === "word") return token.text;
  if (token.kind === "ident") return token.name;
  return undefined;
}

function expectName(stream: TokenStream, expected: string): string {
  const name = nameOf(stream.peek());
  if (name === undefined) throw stream.unexpected(expected);
  stream.next();
  return name;
}

function unsupported(stream: TokenStream, what: string): never {
  return stream.fail({ reason: `${what} is not supported by Baton`, at: stream.peek() });
}

/** The table list, condition and alias of `->( … )`, after its `(`. */
function graphGroup(ctx: ParserContext, open: Token): Omit<IdiomPart & { kind: "graph" }, "kind" | "direction"> {
  const { stream } = ctx;
  if (stream.isWord("SELECT")) unsupported(stream, "A `SELECT` inside a graph traversal");
  const tables: string[] = [];
  let any = false;
  do {
    if (stream.eatPunct("?")) any = true;
    else tables.push(expectName(stream, "`?` or a table name"));
  } while (stream.eatPunct(","));
  const condition = stream.eatWord("WHERE") ? ctx.expression("field") : undefined;
  let alias: string | undefined;
  if (stream.isWord("AS")) {
    const as = stream.next();
    const path = ctx.plainIdiom();
    const [part] = path.parts;
    if (path.parts.length !== 1 || part?.kind !== "field") return stream.fail({ reason: "A graph alias must be a plain name", at: as });
    alias = part.name;
  }
  stream.expectClosing(")", open);
  return { tables: any ? [] : tables, ...(condition && { condition }), ...(alias !== undefined && { alias }) };
}

/** One graph hop after its arrow. */
function graphPart(ctx: ParserContext, direction: "out" | "in" | "both"): IdiomPart {
  const { stream } = ctx;
  if (stream.eatPunct("?")) return { kind: "graph", direction, tables: [] };
  if (stream.isPunct("(")) return { kind: "graph", direction, ...graphGroup(ctx, stream.next()) };
  const name = expectName(stream, "`?`, `(` or a table name");
  if (stream.isPunct(":") && stream.peek().start === stream.lastEnd) {
    unsupported(stream, "A record range in a graph traversal");
  }
  return { kind: "graph", direction, tables: [name] };
}

/** The part after a `.`: `*`, a field, or a method call. */
function dotPart(ctx: ParserContext): IdiomPart {
  const { stream } = ctx;
  if (stream.eatPunct("*")) return { kind: "all" };
  if (stream.isPunct("?")) unsupported(stream, "The optional part `.?`");
  if (stream.isPunct("{")) unsupported(stream, "Destructuring and recursion (`.{…}`)");
  const name = expectName(stream, "a field name, `*` or a method call");
  if (stream.isPunct("(")) return { kind: "method", name, args: parseArguments(ctx, stream.next()) };
  return { kind: "field", name };
}

/** The part inside `[ … ]`, after its `[`. */
function bracketPart(ctx: ParserContext, open: Token): IdiomPart {
  const { stream } = ctx;
  let part: IdiomPart;
  if (stream.eatPunct("*")) part = { kind: "all" };
  else if (stream.eatPunct("$")) part = { kind: "last" };
  else if (stream.eatPunct("?") || stream.eatWord("WHERE")) part = { kind: "where", condition: ctx.expression("field") };
  else part = { kind: "index", index: ctx.expression() };
  stream.expectClosing("]", open);
  return part;
}

/** Adds every part that follows in the stream to `parts`. */
function parseParts(ctx: ParserContext, parts: IdiomPart[]): IdiomPart[] {
  const { stream } = ctx;
  for (;;) {
    const token = stream.peek();
    if (token.kind !== "punct") return parts;
    const direction = GRAPH_DIRECTIONS.get(token.symbol);
    if (token.symbol === ".") {
      stream.next();
      parts.push(dotPart(ctx));
    } else if (token.symbol === "[") {
      parts.push(bracketPart(ctx, stream.next()));
    } else if (direction !== undefined) {
      stream.next();
      parts.push(graphPart(ctx, direction));
    } else if (token.symbol === "...") {
      unsupported(stream, "Flattening (`...`)");
    } else {
      return parts;
    }
  }
}

/** The path that continues from `root` (a value) or, with `root` undefined, from the first `parts`. */
export function parseIdiom(ctx: ParserContext, options: { root: Expr | undefined; parts?: IdiomPart[] }): IdiomExpr {
  return { kind: "idiom", root: options.root, parts: parseParts(ctx, options.parts ?? []) };
}

/** A path that starts with a name or a graph hop: `name.first`, `tags[*]`, `->knows->person`. */
export function parsePlainIdiom(ctx: ParserContext): IdiomExpr {
  const { stream } = ctx;
  const token = stream.peek();
  if (token.kind === "punct" && GRAPH_DIRECTIONS.has(token.symbol)) return parseIdiom(ctx, { root: undefined });
  const name = expectName(stream, "a field name");
  return parseIdiom(ctx, { root: undefined, parts: [{ kind: "field", name }] });
}
