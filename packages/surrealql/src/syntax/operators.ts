// SurrealQL's infix operators: their spellings, the BinaryOp each stands for, and SurrealDB's
// binding powers (surrealdb core `sql/operator.rs`, BindingPower), lowest first.
import type { BinaryOp } from "./ast.js";
import type { TokenStream } from "./token-stream.js";

export const BindingPower = {
  Base: 0,
  Nullish: 1,
  Or: 2,
  And: 3,
  Equality: 4,
  Relation: 5,
  AddSub: 6,
  MulDiv: 7,
  Power: 8,
  Prefix: 9,
  Range: 10,
} as const;
export type BindingPower = (typeof BindingPower)[keyof typeof BindingPower];

const SYMBOL_OPERATORS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([
  ["||", "or"],
  ["&&", "and"],
  ["??", "??"],
  ["?:", "?:"],
  ["=", "="],
  ["==", "=="],
  ["!=", "!="],
  ["*=", "*="],
  ["?=", "?="],
  ["~", "~"],
  ["!~", "!~"],
  ["?~", "?~"],
  ["*~", "*~"],
  ["<", "<"],
  ["<=", "<="],
  [">", ">"],
  [">=", ">="],
  ["+", "+"],
  ["-", "-"],
  ["*", "*"],
  ["×", "*"],
  ["/", "/"],
  ["÷", "/"],
  ["%", "%"],
  ["**", "**"],
  ["∋", "CONTAINS"],
  ["∌", "CONTAINSNOT"],
  ["⊇", "CONTAINSALL"],
  ["⊃", "CONTAINSANY"],
  ["⊅", "CONTAINSNONE"],
  ["∈", "INSIDE"],
  ["∉", "NOTINSIDE"],
  ["⊆", "ALLINSIDE"],
  ["⊂", "ANYINSIDE"],
  ["⊄", "NONEINSIDE"],
]);

const WORD_OPERATORS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([
  ["OR", "or"],
  ["AND", "and"],
  ["CONTAINS", "CONTAINS"],
  ["CONTAINSNOT", "CONTAINSNOT"],
  ["CONTAINSALL", "CONTAINSALL"],
  ["CONTAINSANY", "CONTAINSANY"],
  ["CONTAINSNONE", "CONTAINSNONE"],
  ["INSIDE", "INSIDE"],
  ["IN", "INSIDE"],
  ["NOTINSIDE", "NOTINSIDE"],
  ["ALLINSIDE", "ALLINSIDE"],
  ["ANYINSIDE", "ANYINSIDE"],
  ["NONEINSIDE", "NONEINSIDE"],
  ["OUTSIDE", "OUTSIDE"],
  ["INTERSECTS", "INTERSECTS"],
]);

const POWERS: Readonly<Record<BinaryOp, BindingPower>> = {
  "??": BindingPower.Nullish,
  "?:": BindingPower.Nullish,
  or: BindingPower.Or,
  and: BindingPower.And,
  "=": BindingPower.Equality,
  "==": BindingPower.Equality,
  "!=": BindingPower.Equality,
  "*=": BindingPower.Equality,
  "?=": BindingPower.Equality,
  "~": BindingPower.Equality,
  "!~": BindingPower.Equality,
  "?~": BindingPower.Equality,
  "*~": BindingPower.Equality,
  "<": BindingPower.Relation,
  "<=": BindingPower.Relation,
  ">": BindingPower.Relation,
  ">=": BindingPower.Relation,
  CONTAINS: BindingPower.Relation,
  CONTAINSNOT: BindingPower.Relation,
  CONTAINSALL: BindingPower.Relation,
  CONTAINSANY: BindingPower.Relation,
  CONTAINSNONE: BindingPower.Relation,
  INSIDE: BindingPower.Relation,
  NOTINSIDE: BindingPower.Relation,
  ALLINSIDE: BindingPower.Relation,
  ANYINSIDE: BindingPower.Relation,
  NONEINSIDE: BindingPower.Relation,
  OUTSIDE: BindingPower.Relation,
  INTERSECTS: BindingPower.Relation,
  "+": BindingPower.AddSub,
  "-": BindingPower.AddSub,
  "*": BindingPower.MulDiv,
  "/": BindingPower.MulDiv,
  "%": BindingPower.MulDiv,
  "**": BindingPower.Power,
};

/** How tightly an operator binds its operands. */
export const bindingPower = (op: BinaryOp): BindingPower => POWERS[op];

/**
 * Operators SurrealDB gives no associativity: `a = b = c` and `a < b < c` are errors unless
 * parenthesised. (`==`, the fuzzy matches and arithmetic chain from the left.)
 */
export function hasAssociativity(op: BinaryOp): boolean {
  const level = bindingPower(op);
  if (level === BindingPower.Relation) return false;
  return level !== BindingPower.Equality || op === "==" || op.includes("~");
}

/** An infix operator at the head of the stream: what it is and how many tokens spell it. */
export interface InfixOperator {
  readonly op: BinaryOp;
  readonly tokens: number;
}

/** The infix operator that comes next, if any (`IS NOT` and `NOT IN` take two tokens). */
export function infixOperatorAhead(stream: TokenStream): InfixOperator | undefined {
  const token = stream.peek();
  if (token.kind === "punct") {
    const op = SYMBOL_OPERATORS.get(token.symbol);
    return op === undefined ? undefined : { op, tokens: 1 };
  }
  if (token.kind !== "word") return undefined;
  if (token.upper === "IS") return stream.isWord("NOT", 1) ? { op: "!=", tokens: 2 } : { op: "=", tokens: 1 };
  if (token.upper === "NOT") {
    if (stream.isWord("IN", 1)) return { op: "NOTINSIDE", tokens: 2 };
    throw stream.unexpected("`IN` after `NOT`", stream.peek(1));
  }
  const op = WORD_OPERATORS.get(token.upper);
  return op === undefined ? undefined : { op, tokens: 1 };
}
