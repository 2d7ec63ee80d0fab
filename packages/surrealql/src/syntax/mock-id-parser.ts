// Mock record ids, after their opening `|`: `|person:5|` (five ids with generated keys) and
// `|person:1..5|` (the ids person:1 to person:5). The numbers are read character by character, as
// record keys are, so `1..5` is no float and the whole form stays on the text it was written in.
import type { MockExpr } from "./ast.js";
import type { Token } from "./lexer.js";
import { nameOf } from "./idiom-parser.js";
import type { ParserContext } from "./parser-context.js";
import { TokenStream } from "./token-stream.js";

/** `count|` or `from..to|` (`from..=to` also: SurrealDB 3 prints an inclusive end so). */
const MOCK_IDS = /^(\d+)(?:\.\.(=?)(\d+))?/;

/** A mock's number as an int that fits a record key, or a parse error at it. */
function mockNumber(ctx: ParserContext, options: { digits: string; offset: number }): number {
  const value = Number(options.digits);
  if (!Number.isSafeInteger(value)) {
    throw ctx.stream.error({ reason: "Unexpected token, expected an integer that fits a record key", offset: options.offset, length: options.digits.length });
  }
  return value;
}

/** The mock after its `|` (`open`): a table name, `:`, a count or an inclusive range, and `|`. */
export function parseMockIds(ctx: ParserContext, open: Token): MockExpr {
  const { stream } = ctx;
  const nameToken = stream.peek();
  const table = nameOf(nameToken);
  if (table === undefined) throw stream.unexpected("a table name or a closure parameter");
  stream.next();
  const colon = stream.peek();
  if (!(colon.kind === "punct" && colon.symbol === ":" && TokenStream.adjacent(nameToken, colon))) {
    throw stream.unexpected("`:` right after the table name of a mock record id");
  }
  const found = MOCK_IDS.exec(stream.text.slice(colon.end));
  if (found === null) throw stream.error({ reason: "Unexpected token, expected a count or a range such as `1..5`", offset: colon.end });
  const [whole, first = "", , last] = found;
  stream.seek(colon.end + whole.length);
  const from = mockNumber(ctx, { digits: first, offset: colon.end });
  const ids: MockExpr["ids"] =
    last === undefined
      ? { kind: "count", count: from }
      : { kind: "range", from, to: mockNumber(ctx, { digits: last, offset: colon.end + whole.length - last.length }) };
  stream.expectClosing("|", open);
  return { kind: "mock", table, ids };
}
