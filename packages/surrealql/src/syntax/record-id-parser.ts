// Record ids after their table name: `t:k`, `t:⟨k ey⟩`, `` t:`k` ``, `t:123`, `t:-5`, `t:123abc`
// (a string key), `t:u"…"`, `t:[1, $x]`, `t:{ a: 1 }`, `t:rand()`, `t:ulid()`, `t:uuid()`, and key
// ranges `t:1..5`, `t:1..=5`, `t:1>..`, `t:..`. The key is read character by character, because
// it is lexed differently from the rest of the query (`123abc` is no number there) and must follow
// the `:` without whitespace.
import type { Expr, RangeBoundExpr, RecordIdExpr, RecordKeyExpr } from "./ast.js";
import { parseArray, parseObject } from "./collection-parser.js";
import type { Token } from "./lexer.js";
import { literal } from "./literal-parser.js";
import { integerValue, isDigit, isIdentChar } from "./number-literal.js";
import type { ParserContext } from "./parser-context.js";

const GENERATORS = new Set(["rand", "ulid", "uuid"]);

interface ScannedKey {
  readonly key: RecordKeyExpr & { kind: "value" | "generate" };
  readonly end: number;
}

function identEnd(text: string, from: number): number {
  let at = from;
  while (isIdentChar(text[at])) at++;
  return at;
}

/** A token-level key (quoted, UUID, array, object) parsed with the ordinary parser from `at`. */
function tokenKey(ctx: ParserContext, at: number): ScannedKey {
  const { stream } = ctx;
  stream.seek(at);
  const token = stream.peek();
  let value: Expr;
  if (token.kind === "ident") value = literal(token.name);
  else if (token.kind === "prefixed" && token.prefix === "u") value = literal(token.value);
  else if (token.kind === "punct" && token.symbol === "[") value = parseArray(ctx, stream.next());
  else if (token.kind === "punct" && token.symbol === "{") value = parseObject(ctx, stream.next());
  else throw stream.unexpected("a record-id key");
  if (value.kind === "literal") stream.next();
  return { key: { kind: "value", value }, end: stream.lastEnd };
}

/** `-5`, `+5`: an int key (a string beyond the 64-bit range, as SurrealDB keeps it). */
function signedKey(ctx: ParserContext, at: number): ScannedKey {
  const text = ctx.stream.text;
  const digitsEnd = identEnd(text, at + 1);
  const digits = text.slice(at + 1, digitsEnd);
  if (!/^\d+$/.test(digits)) {
    throw ctx.stream.error({ reason: "Unexpected token, expected an integer record-id key", offset: at, length: digitsEnd - at });
  }
  const negative = text[at] === "-";
  const value = integerValue(digits, negative) ?? `${negative ? "-" : ""}${digits}`;
  return { key: { kind: "value", value: literal(value) }, end: digitsEnd };
}

/** A key of letters, digits and `_`: an int when all digits (within 64 bits), a generator call, else a string. */
function wordKey(ctx: ParserContext, at: number): ScannedKey {
  const { stream } = ctx;
  const end = identEnd(stream.text, at);
  const word = stream.text.slice(at, end);
  if (/^\d+$/.test(word)) return { key: { kind: "value", value: literal(integerValue(word, false) ?? word) }, end };
  const generator = word.toLowerCase();
  if (GENERATORS.has(generator)) {
    stream.seek(end);
    if (stream.isPunct("(")) {
      const open = stream.next();
      stream.expectClosing(")", open);
      return { key: { kind: "generate", generator: generator as "rand" | "ulid" | "uuid" }, end: stream.lastEnd };
    }
  }
  return { key: { kind: "value", value: literal(word) }, end };
}

function startsKey(text: string, at: number): boolean {
  const c = text[at];
  return isIdentChar(c) || c === "`" || c === "⟨" || c === "[" || c === "{" || ((c === "-" || c === "+") && isDigit(text[at + 1]));
}

function scanKey(ctx: ParserContext, at: number): ScannedKey {
  const { stream } = ctx;
  const text = stream.text;
  const c = text[at];
  if (c === "u" && (text[at + 1] === '"' || text[at + 1] === "'")) return tokenKey(ctx, at);
  if ((c === "-" || c === "+") && isDigit(text[at + 1])) return signedKey(ctx, at);
  if (isIdentChar(c)) return wordKey(ctx, at);
  if (c === "`" || c === "⟨" || c === "[" || c === "{") return tokenKey(ctx, at);
  if (c !== undefined && /\s/.test(c)) {
    throw stream.error({ reason: "Unexpected whitespace, expected a record-id key right after `:`", offset: at });
  }
  if (c === "$") {
    throw stream.error({
      reason: "Unexpected token `$param`, expected a record-id key (build a record id from a parameter with `type::record(table, $param)`)",
      offset: at,
    });
  }
  stream.seek(at);
  throw stream.unexpected("a record-id key");
}

function bound(scanned: ScannedKey, inclusive: boolean, ctx: ParserContext): RangeBoundExpr {
  if (scanned.key.kind === "generate") {
    throw ctx.stream.error({ reason: "A generated record key cannot bound a range", offset: scanned.end - 1 });
  }
  return { value: scanned.key.value, inclusive };
}

/** The end of a key range, after its `..` (which ends at `at`). */
function keyRange(ctx: ParserContext, options: { from: RangeBoundExpr | undefined; at: number }): RecordKeyExpr {
  const text = ctx.stream.text;
  const { from, at } = options;
  let to: RangeBoundExpr | undefined;
  let end = at;
  if (text[at] === "=") {
    const scanned = scanKey(ctx, at + 1);
    to = bound(scanned, true, ctx);
    end = scanned.end;
  } else if (startsKey(text, at)) {
    const scanned = scanKey(ctx, at);
    to = bound(scanned, false, ctx);
    end = scanned.end;
  }
  ctx.stream.seek(end);
  return { kind: "range", from, to };
}

/**
 * The record id whose table name has just been read, with the `:` (right after the name) next in
 * the stream.
 */
export function parseRecordId(ctx: ParserContext, options: { table: string; colon: Token }): RecordIdExpr {
  const { stream } = ctx;
  stream.next();
  const text = stream.text;
  const at = options.colon.end;
  let key: RecordKeyExpr;
  if (text.startsWith("..", at)) {
    key = keyRange(ctx, { from: undefined, at: at + 2 });
  } else {
    const first = scanKey(ctx, at);
    if (text.startsWith(">..", first.end)) {
      key = keyRange(ctx, { from: bound(first, false, ctx), at: first.end + 3 });
    } else if (text.startsWith("..", first.end)) {
      key = keyRange(ctx, { from: bound(first, true, ctx), at: first.end + 2 });
    } else {
      stream.seek(first.end);
      key = first.key;
    }
  }
  return { kind: "record-id", table: options.table, key };
}
