// The parser's view of the tokens: lookahead, consuming with expectations, nesting depth, and the
// parse errors that name the offending token.
import { Lexer, type Token } from "./lexer.js";
import { SurrealqlParseError } from "./parse-error.js";

/** How deep expressions, blocks and types may nest before the parser gives up (the JS stack must not). */
export const MAX_NESTING_DEPTH = 256;

const MAX_SHOWN_TOKEN = 40;

/** How a token reads in a message: its source text, cut when long. */
function shown(text: string): string {
  const chars = [...text];
  return chars.length > MAX_SHOWN_TOKEN ? `${chars.slice(0, MAX_SHOWN_TOKEN - 1).join("")}…` : text;
}

export class TokenStream {
  private readonly lexer: Lexer;
  private readonly buffer: Token[] = [];
  private depth = 0;
  /** The end offset of the last consumed token (for spans). */
  lastEnd = 0;

  constructor(readonly text: string) {
    this.lexer = new Lexer(text);
  }

  /** The token `ahead` places after the next one (0 is the next). */
  peek(ahead = 0): Token {
    while (this.buffer.length <= ahead) {
      const last = this.buffer.at(-1);
      // Nothing comes after the end or after text the lexer could not read.
      if (last !== undefined && (last.kind === "eof" || last.kind === "invalid")) return last;
      this.buffer.push(this.lexer.next());
    }
    return this.buffer[ahead] as Token;
  }

  /** Consumes the next token. Never consumes past the end or an invalid token. */
  next(): Token {
    const token = this.peek();
    if (token.kind !== "eof" && token.kind !== "invalid") {
      this.buffer.shift();
      this.lastEnd = token.end;
    }
    return token;
  }

  /** True when `b` starts right where `a` ends (no whitespace or comment between). */
  static adjacent(a: Token, b: Token): boolean {
    return a.end === b.start;
  }

  /**
   * Drops the lookahead and continues lexing at `offset`, everything before it counting as read
   * (used where text is read by hand, as record keys are).
   */
  seek(offset: number): void {
    this.buffer.length = 0;
    this.lexer.pos = offset;
    this.lastEnd = offset;
  }

  /** The source text of a token. */
  source(token: Token): string {
    return this.text.slice(token.start, token.end);
  }

  isPunct(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "punct" && token.symbol === symbol;
  }

  /** True when the token is the bare word `upper` (any letter case). */
  isWord(upper: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "word" && token.upper === upper;
  }

  /** Consumes the punctuation when it comes next. */
  eatPunct(symbol: string): boolean {
    if (!this.isPunct(symbol)) return false;
    this.next();
    return true;
  }

  /** Consumes the keyword when it comes next. */
  eatWord(upper: string): boolean {
    if (!this.isWord(upper)) return false;
    this.next();
    return true;
  }

  expectPunct(symbol: string): Token {
    if (!this.isPunct(symbol)) throw this.unexpected(`\`${symbol}\``);
    return this.next();
  }

  expectWord(upper: string): Token {
    if (!this.isWord(upper)) throw this.unexpected(`\`${upper}\``);
    return this.next();
  }

  /** The closing delimiter of a `(`, `[` or `{` opened by `open`. */
  expectClosing(symbol: string, open: Token): Token {
    if (this.isPunct(symbol)) return this.next();
    const token = this.peek();
    if (token.kind === "eof") {
      return this.fail({ reason: `Unexpected end of file, expected closing delimiter \`${symbol}\``, at: open });
    }
    throw this.unexpected(`\`${symbol}\``);
  }

  /** The error for the next token where `expected` should be (or the lexer's error for unreadable text). */
  unexpected(expected: string, token: Token = this.peek()): SurrealqlParseError {
    if (token.kind === "invalid") return this.error({ reason: token.reason, offset: token.at, length: token.end - token.at });
    if (token.kind === "eof") return this.error({ reason: `Unexpected end of file, expected ${expected}`, offset: this.text.length });
    const text = this.source(token);
    return this.error({ reason: `Unexpected token \`${shown(text)}\`, expected ${expected}`, offset: token.start, length: [...text].length });
  }

  /** Throws a parse error at a token. */
  fail(options: { reason: string; at: Token }): never {
    const { at } = options;
    if (at.kind === "eof") throw this.error({ reason: options.reason, offset: this.text.length });
    throw this.error({ reason: options.reason, offset: at.start, length: [...this.source(at)].length });
  }

  error(options: { reason: string; offset: number; length?: number }): SurrealqlParseError {
    return new SurrealqlParseError({ text: this.text, ...options });
  }

  /** Runs one level of nesting, failing cleanly past MAX_NESTING_DEPTH instead of overflowing the stack. */
  nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING_DEPTH) {
      this.fail({ reason: `Exceeded the maximum nesting depth of ${MAX_NESTING_DEPTH}`, at: this.peek() });
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
}
