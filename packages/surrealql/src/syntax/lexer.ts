// The SurrealQL lexer: turns query text into tokens with their offsets, one at a time. It never
// throws: text that is no token becomes an `invalid` token whose reason the parser reports when it
// reaches it (so a lookahead past the end of a statement cannot fail a valid statement).
import { isDigit, isIdentChar, scanNumber, type NumericKind } from "./number-literal.js";
import { isLiteralPrefix, prefixedValue, PREFIX_NAMES, type LiteralPrefix } from "./prefixed-literal.js";
import { scanQuoted } from "./string-literal.js";

interface TokenBase {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset one past the last character. */
  readonly end: number;
}

export type Token = TokenBase &
  (
    | /** A bare word: an identifier or a keyword (`upper` is for case-insensitive keyword tests). */
    { readonly kind: "word"; readonly text: string; readonly upper: string }
    /** A quoted identifier, `` `a b` `` or `⟨a b⟩`: never a keyword. */
    | { readonly kind: "ident"; readonly name: string }
    /** `$name`. */
    | { readonly kind: "param"; readonly name: string }
    /** A number; `digits` is its text without a `f`/`dec` suffix. */
    | { readonly kind: "number"; readonly numeric: NumericKind; readonly digits: string }
    | { readonly kind: "string"; readonly value: string }
    /** `s"…"`, `d"…"`, `u"…"`, `r"…"`, `b"…"` with the value it stands for. */
    | { readonly kind: "prefixed"; readonly prefix: LiteralPrefix; readonly value: unknown }
    /** Punctuation and operators; `…` is given as `...`. */
    | { readonly kind: "punct"; readonly symbol: string }
    /** Text that is no token; `at` is where the problem lies. */
    | { readonly kind: "invalid"; readonly reason: string; readonly at: number }
    | { readonly kind: "eof" }
  );

// Longest first.
const SYMBOLS = [
  "<->",
  "+?=",
  "...",
  "::",
  "..",
  "->",
  "<-",
  "<=",
  ">=",
  "==",
  "!=",
  "*=",
  "?=",
  "+=",
  "-=",
  "&&",
  "||",
  "??",
  "?:",
  "**",
  "!~",
  "?~",
  "*~",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ";",
  ":",
  ".",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "!",
  "?",
  "~",
  "$",
  "|",
  "@",
  "×",
  "÷",
  "∋",
  "∌",
  "∈",
  "∉",
  "⊇",
  "⊃",
  "⊅",
  "⊆",
  "⊂",
  "⊄",
] as const;

const isWordStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");

const WHITESPACE = /\s/;

/** Reads tokens from `text`, starting at `pos` (which the parser may move back, see TokenStream). */
export class Lexer {
  pos = 0;

  constructor(readonly text: string) {}

  /** The next token after whitespace and comments. */
  next(): Token {
    const skipped = this.skipTrivia();
    if (skipped !== undefined) return skipped;
    const start = this.pos;
    const text = this.text;
    const c = text[start];
    if (c === undefined) return { kind: "eof", start, end: start };
    if (isDigit(c)) return this.number(start);
    if (isLiteralPrefix(c) && (text[start + 1] === '"' || text[start + 1] === "'")) return this.prefixed(start, c);
    if (isWordStart(c)) return this.word(start);
    if (c === "'" || c === '"') {
      return this.quoted({ start, close: c, make: (value, end) => ({ kind: "string", value, start, end }) });
    }
    if (c === "`" || c === "⟨") {
      const close = c === "`" ? "`" : "⟩";
      return this.quoted({ start, close, make: (name, end) => ({ kind: "ident", name, start, end }) });
    }
    if (c === "$" && isIdentChar(text[start + 1])) return this.param(start);
    if (c === "…") return this.punct(start, "...", 1);
    const symbol = SYMBOLS.find((s) => text.startsWith(s, start));
    if (symbol !== undefined) return this.punct(start, symbol, symbol.length);
    const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
    this.pos = start + char.length;
    return { kind: "invalid", reason: `Unexpected character \`${char}\``, at: start, start, end: this.pos };
  }

  /** Skips whitespace and comments; returns an invalid token for an unterminated block comment. */
  private skipTrivia(): Token | undefined {
    const text = this.text;
    for (;;) {
      const c = text[this.pos];
      if (c === undefined) return undefined;
      if (WHITESPACE.test(c)) {
        this.pos++;
      } else if (c === "#" || text.startsWith("--", this.pos) || text.startsWith("//", this.pos)) {
        const newline = text.indexOf("\n", this.pos);
        this.pos = newline < 0 ? text.length : newline + 1;
      } else if (text.startsWith("/*", this.pos)) {
        const close = text.indexOf("*/", this.pos + 2);
        if (close < 0) {
          const start = this.pos;
          this.pos = text.length;
          return { kind: "invalid", reason: "Unexpected end of file, expected `*/` closing a comment", at: start, start, end: this.pos };
        }
        this.pos = close + 2;
      } else {
        return undefined;
      }
    }
  }

  private punct(start: number, symbol: string, length: number): Token {
    this.pos = start + length;
    return { kind: "punct", symbol, start, end: this.pos };
  }

  private word(start: number): Token {
    let end = start + 1;
    while (isIdentChar(this.text[end])) end++;
    this.pos = end;
    const text = this.text.slice(start, end);
    return { kind: "word", text, upper: text.toUpperCase(), start, end };
  }

  private param(start: number): Token {
    let end = start + 1;
    while (isIdentChar(this.text[end])) end++;
    this.pos = end;
    return { kind: "param", name: this.text.slice(start + 1, end), start, end };
  }

  private number(start: number): Token {
    const scanned = scanNumber(this.text, start);
    this.pos = scanned.end;
    if ("invalid" in scanned) return { kind: "invalid", reason: scanned.invalid, at: start, start, end: scanned.end };
    return { kind: "number", numeric: scanned.numeric, digits: scanned.digits, start, end: scanned.end };
  }

  private quoted(options: { start: number; close: string; make: (value: string, end: number) => Token }): Token {
    const scanned = scanQuoted({ text: this.text, start: options.start, close: options.close });
    this.pos = scanned.end;
    if ("invalid" in scanned) {
      return { kind: "invalid", reason: scanned.invalid, at: scanned.at, start: options.start, end: scanned.end };
    }
    return options.make(scanned.value, scanned.end);
  }

  private prefixed(start: number, prefix: LiteralPrefix): Token {
    const quote = this.text[start + 1] ?? "";
    const scanned = scanQuoted({ text: this.text, start: start + 1, close: quote });
    this.pos = scanned.end;
    if ("invalid" in scanned) return { kind: "invalid", reason: scanned.invalid, at: scanned.at, start, end: scanned.end };
    try {
      return { kind: "prefixed", prefix, value: prefixedValue(prefix, scanned.value), start, end: scanned.end };
    } catch (error) {
      // The codecs' parsers throw RangeError; anything they throw means the content is no such value.
      const detail = error instanceof Error ? `: ${error.message}` : "";
      return { kind: "invalid", reason: `Invalid ${PREFIX_NAMES[prefix]}${detail}`, at: start, start, end: scanned.end };
    }
  }
}
