// SurrealQL text of an expression tree, in SurrealDB's normalised spelling (`&&`, `||`, `'text'`,
// `1.5f`, `[*]`), parenthesised only where binding powers need it. Statements nested in an
// expression (subqueries, blocks) are printed as the source text they were parsed from.
import { formatRecordId, formatValue, RecordId } from "@baton/codecs";
import { typeText } from "../values/type-text.js";
import type { BinaryOp, Block, Expr, IdiomPart, RangeBoundExpr, RecordKeyExpr, Statement } from "./ast.js";
import { BindingPower, bindingPower, hasAssociativity } from "./operators.js";

/** What printing needs besides the tree: the text the tree's statement spans point into. */
export interface PrintOptions {
  readonly source: string;
}

const PLAIN_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A table, field or parameter name: bare when it is a plain identifier, otherwise in backticks. */
export function identText(name: string): string {
  return PLAIN_IDENT.test(name) ? name : `\`${name.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``;
}

/** An object key: bare when it is a plain identifier, otherwise double-quoted. */
function objectKeyText(key: string): string {
  return PLAIN_IDENT.test(key) ? key : JSON.stringify(key);
}

/** SurrealDB 3 spells the logical operators as symbols and the rest as parsed. */
const OPERATOR_TEXT: Partial<Record<BinaryOp, string>> = { and: "&&", or: "||" };

const POWER_OF_NON_BINARY: Partial<Record<Expr["kind"], number>> = { range: BindingPower.Range - 0.5, closure: BindingPower.Base };

/** How tightly an expression holds together when it is an operand (higher needs no parentheses). */
function powerOf(expr: Expr): number {
  if (expr.kind === "binary") return bindingPower(expr.op);
  return POWER_OF_NON_BINARY[expr.kind] ?? Number.POSITIVE_INFINITY;
}

/** `expr` as an operand that must bind at least as tightly as `power`. */
function operand(expr: Expr, power: number, options: PrintOptions): string {
  const text = printExpr(expr, options);
  return powerOf(expr) < power ? `(${text})` : text;
}

function binaryText(expr: Extract<Expr, { kind: "binary" }>, options: PrintOptions): string {
  const power = bindingPower(expr.op);
  // Left-associative operators chain on the left; the others need parentheses on both sides.
  const left = operand(expr.left, hasAssociativity(expr.op) ? power : power + 0.5, options);
  const right = operand(expr.right, power + 0.5, options);
  return `${left} ${OPERATOR_TEXT[expr.op] ?? expr.op} ${right}`;
}

function boundText(bound: RangeBoundExpr, options: PrintOptions): string {
  return operand(bound.value, BindingPower.Range, options);
}

/** `a..b`, `a>..=b`, `..`: a value range or a record key range. */
function rangeText(range: { readonly from?: RangeBoundExpr | undefined; readonly to?: RangeBoundExpr | undefined }, options: PrintOptions): string {
  let text = "";
  if (range.from !== undefined) text += boundText(range.from, options) + (range.from.inclusive ? "" : ">");
  text += "..";
  if (range.to !== undefined) text += (range.to.inclusive ? "=" : "") + boundText(range.to, options);
  return text;
}

function recordKeyText(table: string, key: RecordKeyExpr, options: PrintOptions): string {
  switch (key.kind) {
    case "generate":
      return `${identText(table)}:${key.generator}()`;
    case "range":
      return `${identText(table)}:${rangeText(key, options)}`;
    case "value":
      if (key.value.kind === "literal") {
        const value = key.value.value;
        if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return formatRecordId(new RecordId(table, value));
      }
      return `${identText(table)}:${printExpr(key.value, options)}`;
  }
}

function argsText(args: readonly Expr[], options: PrintOptions): string {
  return `(${args.map((arg) => printExpr(arg, options)).join(", ")})`;
}

function partText(part: IdiomPart, options: PrintOptions): string {
  switch (part.kind) {
    case "field":
      return `.${identText(part.name)}`;
    case "index":
      return `[${printExpr(part.index, options)}]`;
    case "last":
      return "[$]";
    case "all":
      return "[*]";
    case "where":
      return `[WHERE ${printExpr(part.condition, options)}]`;
    case "graph": {
      const arrow = part.direction === "out" ? "->" : part.direction === "in" ? "<-" : "<->";
      const what = part.tables.length === 0 ? "?" : part.tables.map(identText).join(", ");
      if (part.condition === undefined && part.alias === undefined && part.tables.length <= 1) return arrow + what;
      const where = part.condition === undefined ? "" : ` WHERE ${printExpr(part.condition, options)}`;
      const alias = part.alias === undefined ? "" : ` AS ${identText(part.alias)}`;
      return `${arrow}(${what}${where}${alias})`;
    }
    case "method":
      return `.${part.name}${argsText(part.args, options)}`;
    case "call":
      return argsText(part.args, options);
  }
}

function idiomText(expr: Extract<Expr, { kind: "idiom" }>, options: PrintOptions): string {
  const parts = expr.parts.map((part) => partText(part, options)).join("");
  if (expr.root !== undefined) {
    const root = printExpr(expr.root, options);
    const bare = expr.root.kind === "param" || expr.root.kind === "call" || expr.root.kind === "subquery" || expr.root.kind === "record-id" || expr.root.kind === "array";
    return (bare ? root : `(${root})`) + parts;
  }
  return parts.startsWith(".") ? parts.slice(1) : parts;
}

/** A statement nested in an expression, as the text it was written with. */
function statementText(statement: Statement, options: PrintOptions): string {
  if (statement.kind === "expression") return printExpr(statement.expr, options);
  return options.source.slice(statement.span.start, statement.span.end).trim();
}

/** `{ a }`, `{ a; b; }` or `{;}`, as SurrealDB prints a block on one line. */
export function printBlock(block: Block, options: PrintOptions): string {
  const texts = block.statements.map((statement) => statementText(statement, options));
  if (texts.length === 0) return "{;}";
  if (texts.length === 1) return `{ ${texts[0]} }`;
  return `{ ${texts.map((text) => `${text};`).join(" ")} }`;
}

function ifText(expr: Extract<Expr, { kind: "if" }>, options: PrintOptions): string {
  const branches = expr.branches.map((branch) => `IF ${printExpr(branch.condition, options)} ${printBlock(branch.body, options)}`).join(" ELSE ");
  return expr.otherwise === undefined ? branches : `${branches} ELSE ${printBlock(expr.otherwise, options)}`;
}

function closureText(expr: Extract<Expr, { kind: "closure" }>, options: PrintOptions): string {
  const params = expr.params.map((param) => (param.type === undefined ? `$${identText(param.name)}` : `$${identText(param.name)}: ${typeText(param.type)}`));
  const returns = expr.returns === undefined ? "" : ` -> ${typeText(expr.returns)}`;
  return `|${params.join(", ")}|${returns} ${printExpr(expr.body, options)}`;
}

/** The SurrealQL text of `expr`. */
export function printExpr(expr: Expr, options: PrintOptions): string {
  switch (expr.kind) {
    case "literal":
      return formatValue(expr.value);
    case "param":
      return `$${identText(expr.name)}`;
    case "idiom":
      return idiomText(expr, options);
    case "table":
      return identText(expr.name);
    case "array":
      return `[${expr.items.map((item) => printExpr(item, options)).join(", ")}]`;
    case "object":
      return `{ ${expr.entries.map((entry) => `${objectKeyText(entry.key)}: ${printExpr(entry.value, options)}`).join(", ")} }`;
    case "record-id":
      return recordKeyText(expr.table, expr.key, options);
    case "range":
      return rangeText(expr, options);
    case "unary":
      return (expr.op === "not" ? "!" : expr.op === "negate" ? "-" : "+") + operand(expr.operand, BindingPower.Prefix + 0.5, options);
    case "binary":
      return binaryText(expr, options);
    case "cast":
      return `<${typeText(expr.type)}> ${operand(expr.value, BindingPower.Prefix + 0.5, options)}`;
    case "call":
      return expr.name + (expr.version === undefined ? "" : `<${expr.version}>`) + argsText(expr.args, options);
    case "subquery":
      return `(${statementText(expr.statement, options)})`;
    case "if":
      return ifText(expr, options);
    case "block":
      return printBlock(expr.block, options);
    case "mock":
      return `|${identText(expr.table)}:${expr.ids.kind === "count" ? expr.ids.count : `${expr.ids.from}..${expr.ids.to}`}|`;
    case "closure":
      return closureText(expr, options);
  }
}
