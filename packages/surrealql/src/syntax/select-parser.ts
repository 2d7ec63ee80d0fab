// `SELECT` and `LIVE SELECT` statements.
import type { Expr, IdiomExpr, LiveStatement, OrderItem, Projection, SelectStatement } from "./ast.js";
import { type Clause, commaList, parseClauses, parseFetch, parseIdiomList, parseProjection, parseTargets, parseTimeout, spanFrom } from "./clause-parser.js";
import { nameOf } from "./idiom-parser.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `WITH NOINDEX`, `WITH NO INDEX`, `WITH INDEX a, b` after `WITH`: read, no effect (Baton plans no indexes). */
function skipWith(ctx: ParserContext): void {
  const { stream } = ctx;
  if (stream.eatWord("NOINDEX")) return;
  if (stream.eatWord("NO")) {
    stream.expectWord("INDEX");
    return;
  }
  stream.expectWord("INDEX");
  commaList(stream, () => {
    if (nameOf(stream.peek()) === undefined) throw stream.unexpected("an index name");
    stream.next();
  });
}

/** `ORDER BY RAND()` or `a DESC, b COLLATE NUMERIC ASC`, after `ORDER`. */
function parseOrder(ctx: ParserContext): readonly OrderItem[] | "random" {
  const { stream } = ctx;
  stream.eatWord("BY");
  if (stream.isWord("RAND") && stream.isPunct("(", 1)) {
    stream.next();
    stream.expectClosing(")", stream.next());
    return "random";
  }
  return commaList(stream, (): OrderItem => {
    const expr = ctx.expression("field");
    const collate = stream.eatWord("COLLATE");
    const numeric = stream.eatWord("NUMERIC");
    const descending = stream.eatWord("DESC") || stream.eatWord("DESCENDING");
    if (!descending && !stream.eatWord("ASC")) stream.eatWord("ASCENDING");
    return { expr, descending, ...(collate && { collate }), ...(numeric && { numeric }) };
  });
}

/** `OMIT a, b` after the fields of a projection. */
function withOmit(ctx: ParserContext, projection: Projection): Projection {
  const { stream } = ctx;
  if (!stream.isWord("OMIT")) return projection;
  const omit = stream.next();
  if (projection.kind === "value") return stream.fail({ reason: "`OMIT` cannot follow `SELECT VALUE`", at: omit });
  return { ...projection, omit: parseIdiomList(ctx) };
}

/** `SELECT …`, after `SELECT`. */
export function parseSelect(ctx: ParserContext, keyword: Token): SelectStatement {
  const { stream } = ctx;
  const projection = withOmit(ctx, parseProjection(ctx));
  stream.expectWord("FROM");
  const only = stream.eatWord("ONLY");
  const from = parseTargets(ctx);
  const select: Mutable<Omit<SelectStatement, "span">> = { kind: "select", projection, only, from };
  let split: { keyword: Token; fields: readonly IdiomExpr[] } | undefined;
  const clauses = new Map<string, Clause>([
    ["WITH", () => skipWith(ctx)],
    ["WHERE", () => (select.where = ctx.expression("field"))],
    ["SPLIT", (keyword) => {
      stream.eatWord("ON");
      split = { keyword, fields: parseIdiomList(ctx) };
    }],
    ["GROUP", () => {
      const all = stream.eatWord("ALL");
      if (!all) stream.eatWord("BY");
      select.group = { all, fields: all ? [] : parseIdiomList(ctx) };
    }],
    ["ORDER", () => (select.order = parseOrder(ctx))],
    ["LIMIT", () => {
      stream.eatWord("BY");
      select.limit = ctx.expression("field");
    }],
    ["START", () => {
      stream.eatWord("AT");
      select.start = ctx.expression("field");
    }],
    ["FETCH", () => (select.fetch = parseFetch(ctx))],
    ["VERSION", () => (select.version = ctx.expression("field"))],
    ["TIMEOUT", () => (select.timeout = parseTimeout(ctx))],
    ["PARALLEL", () => (select.parallel = true)],
    // TEMPFILES only tells SurrealDB where to sort large results: no meaning for Baton.
    ["TEMPFILES", () => undefined],
    ["EXPLAIN", () => {
      stream.eatWord("FULL");
      select.explain = true;
    }],
  ]);
  parseClauses(stream, clauses);
  if (split !== undefined) {
    if (select.group !== undefined) stream.fail({ reason: "SPLIT and GROUP are mutually exclusive", at: split.keyword });
    select.split = split.fields;
  }
  return { ...select, span: spanFrom(stream, keyword) };
}

/** `LIVE SELECT DIFF | fields FROM target [WHERE …] [FETCH …]`, after `LIVE`. */
export function parseLive(ctx: ParserContext, keyword: Token): LiveStatement {
  const { stream } = ctx;
  stream.expectWord("SELECT");
  const projection = stream.eatWord("DIFF") ? "diff" : parseProjection(ctx);
  stream.expectWord("FROM");
  const from: Expr = ctx.expression("table");
  let where: Expr | undefined;
  let fetch: Expr[] | undefined;
  parseClauses(
    stream,
    new Map<string, Clause>([
      ["WHERE", () => (where = ctx.expression("field"))],
      ["FETCH", () => (fetch = parseFetch(ctx))],
    ]),
  );
  return { kind: "live", projection, from, ...(where && { where }), ...(fetch && { fetch }), span: spanFrom(stream, keyword) };
}
