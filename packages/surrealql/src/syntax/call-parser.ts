// Function calls and constants: `string::len($s)`, `fn::greet($a, )` (a trailing comma is allowed,
// the JS SDK always writes one), `ml::model<1.0.0>(…)`, `count()`, `rand()`, `sleep(1s)`, and
// the constants written as paths without arguments (`math::pi`, `time::epoch`), whose values the
// function library holds.
import { DURATION_CONSTANTS } from "../functions/duration-functions.js";
import { MATH_CONSTANTS } from "../functions/math-functions.js";
import { TIME_CONSTANTS } from "../functions/time-functions.js";
import type { Expr } from "./ast.js";
import type { Token } from "./lexer.js";
import { literal } from "./literal-parser.js";
import type { ParserContext } from "./parser-context.js";

/** Functions SurrealDB knows by a plain name, without a `name::` path. */
export const PLAIN_FUNCTIONS = new Set(["count", "rand", "sleep"]);

/** The constant a path names (`math::pi`, `time::epoch`, `duration::max`), by lower-case name. */
function constant(name: string): unknown {
  const lower = name.toLowerCase();
  return MATH_CONSTANTS.get(lower) ?? TIME_CONSTANTS.get(lower) ?? DURATION_CONSTANTS.get(lower);
}

/** `(a, b, )` after its `(`: the arguments of a call, a trailing comma allowed. */
export function parseArguments(ctx: ParserContext, open: Token): Expr[] {
  const args: Expr[] = [];
  while (!ctx.stream.eatPunct(")")) {
    args.push(ctx.expression());
    if (!ctx.stream.eatPunct(",")) {
      ctx.stream.expectClosing(")", open);
      break;
    }
  }
  return args;
}

/** The `<1.2.3>` version of an `ml::` model, read as text (it is no number). */
function modelVersion(ctx: ParserContext): string {
  const { stream } = ctx;
  const open = stream.next();
  const text = stream.text;
  let end = open.end;
  while (/[0-9.]/.test(text[end] ?? "")) end++;
  if (end === open.end || text[end] !== ">") {
    throw stream.error({ reason: "Unexpected token, expected a model version such as `<1.0.0>`", offset: end });
  }
  stream.seek(end + 1);
  return text.slice(open.end, end);
}

/** A call or constant whose first name segment is the word just consumed (`first`). */
export function parseCall(ctx: ParserContext, first: Token & { kind: "word" }): Expr {
  const { stream } = ctx;
  let name = first.text;
  while (stream.eatPunct("::")) {
    const segment = stream.peek();
    if (segment.kind !== "word") throw stream.unexpected("a function name");
    stream.next();
    name += `::${segment.text}`;
  }
  const version = /^ml::/i.test(name) && stream.isPunct("<") ? modelVersion(ctx) : undefined;
  if (!stream.isPunct("(")) {
    const value = constant(name);
    if (value !== undefined && version === undefined) return literal(value);
    throw stream.unexpected("`(`");
  }
  if (!name.includes("::") && !PLAIN_FUNCTIONS.has(name.toLowerCase())) {
    stream.fail({ reason: `Invalid function \`${name}\`: functions are named with a path such as \`string::len\` or \`fn::${name}\``, at: first });
  }
  const args = parseArguments(ctx, stream.next());
  return version === undefined ? { kind: "call", name, args } : { kind: "call", name, version, args };
}
