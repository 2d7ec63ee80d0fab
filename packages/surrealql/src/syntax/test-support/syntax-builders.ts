// Compact builders for expected syntax trees in the parser's tests, and helpers that parse one
// statement or expression and drop spans so trees compare by shape.
import type { BinaryExpr, BinaryOp, Expr, IdiomExpr, IdiomPart, LiteralExpr, ParamExpr, Statement, TableExpr } from "../ast.js";
import { SurrealqlParseError } from "../parse-error.js";
import { parseQuery } from "../parser.js";

export const lit = (value: unknown): LiteralExpr => ({ kind: "literal", value });
export const param = (name: string): ParamExpr => ({ kind: "param", name });
export const table = (name: string): TableExpr => ({ kind: "table", name });
export const bin = (op: BinaryOp, left: Expr, right: Expr): BinaryExpr => ({ kind: "binary", op, left, right });

/** A path of fields from the current document: `field("a", "b")` is `a.b`. */
export const field = (...names: string[]): IdiomExpr => ({
  kind: "idiom",
  root: undefined,
  parts: names.map((name) => ({ kind: "field", name })),
});

/** A path of `parts` from `root` (undefined: from the current document). */
export const idiom = (root: Expr | undefined, ...parts: IdiomPart[]): IdiomExpr => ({ kind: "idiom", root, parts });

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A copy of a tree without `span` properties (value classes are kept as they are). */
export function withoutSpans<T>(tree: T): T {
  if (Array.isArray(tree)) return tree.map((item: unknown) => withoutSpans(item)) as T;
  if (!isPlain(tree)) return tree;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (key !== "span") copy[key] = withoutSpans(value);
  }
  return copy as T;
}

/** The statements of a query, without spans. */
export const statements = (text: string): Statement[] => withoutSpans([...parseQuery(text).statements]);

/** The one statement of a query, without spans. */
export function statement(text: string): Statement {
  const all = statements(text);
  if (all.length !== 1) throw new Error(`Expected one statement in ${JSON.stringify(text)}, got ${all.length}`);
  return all[0] as Statement;
}

/** The expression of a query that is one expression statement, without spans. */
export function expr(text: string): Expr {
  const parsed = statement(text);
  if (parsed.kind !== "expression") throw new Error(`Expected an expression statement in ${JSON.stringify(text)}, got ${parsed.kind}`);
  return parsed.expr;
}

/** The SurrealqlParseError parsing `text` throws; fails the test when it parses or throws anything else. */
export function parseFailure(text: string): SurrealqlParseError {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof SurrealqlParseError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}
