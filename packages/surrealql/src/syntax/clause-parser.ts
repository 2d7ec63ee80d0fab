// Clauses several statements share: projections (`*, a AS b`, `VALUE x`), targets, data clauses
// (`CONTENT`, `SET a += 1`, …), `RETURN` outputs, `TIMEOUT`, `FETCH`, idiom lists, `PERMISSIONS`
// (parsed and dropped), and the loop that reads optional clauses in any order.
import type { Assignment, DataClause, Expr, FieldItem, IdiomExpr, OutputClause, Projection, Span } from "./ast.js";
import type { Token } from "./lexer.js";
import type { ParserContext } from "./parser-context.js";
import type { TokenStream } from "./token-stream.js";

/**
 * Reads optional clauses introduced by the keywords of `clauses`, in any order, each at most once:
 * the handler runs after its keyword is consumed. A keyword seen a second time is left for the
 * caller to refuse. (SurrealDB fixes an order; the JS SDK writes `TIMEOUT` before `VERSION`,
 * which that order refuses, so Baton reads clauses in whatever order they come.)
 */
export function parseClauses(stream: TokenStream, clauses: Map<string, Clause>): void {
  for (;;) {
    const token = stream.peek();
    const handler = token.kind === "word" ? clauses.get(token.upper) : undefined;
    if (handler === undefined || token.kind !== "word") return;
    clauses.delete(token.upper);
    handler(stream.next());
  }
}

/** Reads one clause after its keyword (given, for messages about the clause). */
export type Clause = (keyword: Token) => void;

/** A clause Baton refuses by name. */
export const unsupportedClause =
  (stream: TokenStream): Clause =>
  (keyword) =>
    stream.fail({ reason: `\`${stream.source(keyword).toUpperCase()}\` is not supported by Baton`, at: keyword });

/** The span of a statement that started at `start` and ends with the last token read. */
export const spanFrom = (stream: TokenStream, start: Token): Span => ({ start: start.start, end: stream.lastEnd });

/** A comma-separated list of `item`s. */
export function commaList<T>(stream: TokenStream, item: () => T): T[] {
  const items = [item()];
  while (stream.eatPunct(",")) items.push(item());
  return items;
}

/** `a, b.c, d[*]`. */
export const parseIdiomList = (ctx: ParserContext): IdiomExpr[] => commaList(ctx.stream, () => ctx.plainIdiom());

/** The targets of a statement (`person`, `$b`, `person:a, person:b`): bare names are tables. */
export const parseTargets = (ctx: ParserContext): Expr[] => commaList(ctx.stream, () => ctx.expression("table"));

/** `VALUE expr` or `*, a, b AS c`. */
export function parseProjection(ctx: ParserContext): Projection {
  const { stream } = ctx;
  if (stream.eatWord("VALUE")) {
    const expr = ctx.expression("field");
    // An alias does not change a VALUE projection's result: read and dropped.
    if (stream.eatWord("AS")) ctx.plainIdiom();
    return { kind: "value", expr };
  }
  const items = commaList(stream, (): FieldItem => {
    if (stream.eatPunct("*")) return { kind: "all" };
    const expr = ctx.expression("field");
    return stream.eatWord("AS") ? { kind: "expr", expr, alias: ctx.plainIdiom() } : { kind: "expr", expr };
  });
  return { kind: "fields", items };
}

/** `FETCH a, b` or `FETCH type::fields($b)`, after `FETCH`. */
export const parseFetch = (ctx: ParserContext): Expr[] => commaList(ctx.stream, () => ctx.expression("field"));

/**
 * The duration after `TIMEOUT`. The JS SDK 2.0.8 writes `TIMEOUT TIMEOUT 5s` (both its clause
 * builder and its value formatter write the keyword, surreal-rpc.md 11.1); SurrealDB refuses that,
 * Baton reads it as `TIMEOUT 5s` so the SDK's `.timeout()` works.
 */
export function parseTimeout(ctx: ParserContext): Expr {
  ctx.stream.eatWord("TIMEOUT");
  return ctx.expression("field");
}

/** `RETURN NONE | NULL | BEFORE | AFTER | DIFF | a, b | VALUE x`, after `RETURN`. */
export function parseOutput(ctx: ParserContext): OutputClause {
  const { stream } = ctx;
  for (const kind of ["none", "null", "before", "after", "diff"] as const) {
    if (stream.eatWord(kind.toUpperCase())) return { kind };
  }
  return { kind: "fields", projection: parseProjection(ctx) };
}

const ASSIGNMENT_OPS = ["=", "+=", "-=", "+?="] as const;

/** `a = 1, b += 2, c -= 3, d +?= 4`. */
export function parseAssignments(ctx: ParserContext): Assignment[] {
  const { stream } = ctx;
  return commaList(stream, (): Assignment => {
    const target = ctx.plainIdiom();
    const op = ASSIGNMENT_OPS.find((symbol) => stream.isPunct(symbol));
    if (op === undefined) throw stream.unexpected("an assignment operator (`=`, `+=`, `-=` or `+?=`)");
    stream.next();
    return { target, op, value: ctx.expression("field") };
  });
}

const DATA_KEYWORDS = ["CONTENT", "MERGE", "REPLACE", "PATCH", "SET", "UNSET"] as const;

/** Registers the data clauses (`CONTENT x`, `SET a = 1`, …) in `clauses`; `set` receives the one written. */
export function dataClauses(options: { ctx: ParserContext; clauses: Map<string, Clause>; set: (data: DataClause) => void }): void {
  const { ctx, clauses, set } = options;
  const once = (data: DataClause): void => {
    // One data clause per statement: reading one removes the others.
    for (const keyword of DATA_KEYWORDS) clauses.delete(keyword);
    set(data);
  };
  clauses.set("CONTENT", () => once({ kind: "content", value: ctx.expression("field") }));
  clauses.set("MERGE", () => once({ kind: "merge", value: ctx.expression("field") }));
  clauses.set("REPLACE", () => once({ kind: "replace", value: ctx.expression("field") }));
  clauses.set("PATCH", () => once({ kind: "patch", value: ctx.expression("field") }));
  clauses.set("SET", () => once({ kind: "set", assignments: parseAssignments(ctx) }));
  clauses.set("UNSET", () => once({ kind: "unset", fields: parseIdiomList(ctx) }));
}

/** `NONE`, `FULL` or `WHERE cond` of a permission. */
function permissionValue(ctx: ParserContext): void {
  const { stream } = ctx;
  if (stream.eatWord("NONE") || stream.eatWord("FULL")) return;
  if (stream.eatWord("WHERE")) {
    ctx.expression("field");
    return;
  }
  throw stream.unexpected("`NONE`, `FULL` or `WHERE`");
}

const PERMISSION_KINDS = new Set(["SELECT", "CREATE", "UPDATE", "DELETE"]);

/**
 * `PERMISSIONS NONE | FULL | FOR select, create WHERE … [FOR …]`, after `PERMISSIONS`: read and
 * dropped (Baton has no record-level access rules). `valueOnly` for functions and params, whose
 * permission is a single value.
 */
export function skipPermissions(ctx: ParserContext, valueOnly: boolean): void {
  const { stream } = ctx;
  if (valueOnly || !stream.isWord("FOR")) {
    permissionValue(ctx);
    return;
  }
  while (stream.eatWord("FOR")) {
    commaList(stream, () => {
      const token = stream.peek();
      if (token.kind !== "word" || !PERMISSION_KINDS.has(token.upper)) throw stream.unexpected("`SELECT`, `CREATE`, `UPDATE` or `DELETE`");
      stream.next();
    });
    permissionValue(ctx);
    stream.eatPunct(",");
  }
}
