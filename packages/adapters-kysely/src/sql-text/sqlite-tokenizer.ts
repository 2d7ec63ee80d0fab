// A lexer for SQLite's SQL dialect, following sqlite3GetToken (tokenize.c) so that what we
// call a string, comment or parameter is exactly what SQLite calls one.

/** What a token is. `space` and `comment` are trivia; `illegal` is text SQLite would reject. */
export type TokenKind =
  | "space"
  | "comment"
  | "word"
  | "quoted"
  | "string"
  | "blob"
  | "number"
  | "parameter"
  | "semicolon"
  | "punct"
  | "illegal";

/** One token: `text` is `sql.slice(start, end)`, so the tokens of a text concatenate back to it. */
export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TokenizeOptions {
  /**
   * Accept TCL variable syntax (`$a::b`, `$a(x)`). Off by default: better-sqlite3 builds SQLite
   * with SQLITE_OMIT_TCL_VARIABLE, where `$a::b` is `$a` followed by an unrecognized token.
   */
  readonly tclVariables?: boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Every non-ASCII code unit is an identifier character: SQLite treats all bytes >= 0x80 so.
const isIdStart = (c: number): boolean => isAlpha(c) || c === 95 || c >= 0x80;
const isIdChar = (c: number): boolean => isIdStart(c) || isDigit(c) || c === 36;
// SQLite's whitespace class: space, \t, \n, \f, \r (not \v).
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Splits `sql` into tokens, trivia included. */
export function tokenize(sql: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  while (start < sql.length) {
    const [kind, end] = scanToken(sql, start, options.tclVariables === true);
    tokens.push({ kind, start, end, text: sql.slice(start, end) });
    start = end;
  }
  return tokens;
}

/** The tokens that are neither whitespace nor comments. */
export function significantTokens(sql: string, options: TokenizeOptions = {}): Token[] {
  return tokenize(sql, options).filter((token) => token.kind !== "space" && token.kind !== "comment");
}

/** The name a `word` or `quoted` token stands for (quotes removed, doubled quotes undone). */
export function identifierValue(token: Token): string {
  if (token.kind !== "quoted") return token.text;
  const open = token.text[0];
  const inner = token.text.slice(1, -1);
  if (open === "[") return inner;
  return inner.replaceAll(`${open}${open}`, open ?? "");
}

function scanToken(sql: string, i: number, tcl: boolean): [TokenKind, number] {
  const c = sql.charCodeAt(i);
  const next = sql.charCodeAt(i + 1);
  if (isSpace(c)) return ["space", skipWhile(sql, i + 1, isSpace)];
  // SQLite reads SQL text only up to the first NUL; whatever follows is ignored like a comment.
  if (c === 0) return ["comment", sql.length];
  if (c === 45 /* - */ && next === 45) return ["comment", lineCommentEnd(sql, i)];
  if (c === 47 /* / */ && next === 42 /* * */) return ["comment", blockCommentEnd(sql, i)];
  if (c === 59) return ["semicolon", i + 1];
  if (c === 39 /* ' */ || c === 34 /* " */ || c === 96 /* ` */) return scanQuoted(sql, i);
  if (c === 91 /* [ */) {
    const close = sql.indexOf("]", i + 1);
    return close < 0 ? ["illegal", sql.length] : ["quoted", close + 1];
  }
  if ((c === 120 || c === 88) /* x X */ && next === 39) return scanBlob(sql, i);
  if (isDigit(c) || (c === 46 /* . */ && isDigit(next))) return scanNumber(sql, i);
  if (c === 63 /* ? */) return ["parameter", skipWhile(sql, i + 1, isDigit)];
  if (c === 58 || c === 64 || c === 35 || c === 36) return scanNamedParameter(sql, i, tcl); // : @ # $
  if (isIdStart(c)) return ["word", skipWhile(sql, i + 1, isIdChar)];
  return ["punct", i + 1];
}

function skipWhile(sql: string, i: number, test: (c: number) => boolean): number {
  while (i < sql.length && test(sql.charCodeAt(i))) i++;
  return i;
}

function lineCommentEnd(sql: string, i: number): number {
  const newline = sql.indexOf("\n", i + 2);
  return newline < 0 ? sql.length : newline;
}

function blockCommentEnd(sql: string, i: number): number {
  // An unterminated block comment runs to the end of the text, as in SQLite.
  const close = sql.indexOf("*/", i + 2);
  return close < 0 ? sql.length : close + 2;
}

function scanQuoted(sql: string, i: number): [TokenKind, number] {
  const delim = sql[i];
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === delim) {
      if (sql[j + 1] !== delim) return [delim === "'" ? "string" : "quoted", j + 1];
      j += 2;
    } else {
      j++;
    }
  }
  return ["illegal", sql.length];
}

function scanBlob(sql: string, i: number): [TokenKind, number] {
  const digitsEnd = skipWhile(sql, i + 2, isHexDigit);
  if (sql[digitsEnd] === "'" && (digitsEnd - i) % 2 === 0) return ["blob", digitsEnd + 1];
  const close = sql.indexOf("'", i + 2);
  return ["illegal", close < 0 ? sql.length : close + 1];
}

function scanNumber(sql: string, i: number): [TokenKind, number] {
  let j: number;
  if (sql[i] === "0" && (sql[i + 1] === "x" || sql[i + 1] === "X") && isHexDigit(sql.charCodeAt(i + 2))) {
    j = skipWhile(sql, i + 2, (c) => isHexDigit(c) || c === 95);
  } else {
    const digitOrSeparator = (c: number): boolean => isDigit(c) || c === 95; // 1_000 (SQLite 3.46+)
    j = skipWhile(sql, i, digitOrSeparator);
    if (sql[j] === ".") j = skipWhile(sql, j + 1, digitOrSeparator);
    const sign = sql[j + 1] === "+" || sql[j + 1] === "-" ? 1 : 0;
    if ((sql[j] === "e" || sql[j] === "E") && isDigit(sql.charCodeAt(j + 1 + sign))) {
      j = skipWhile(sql, j + 1 + sign, digitOrSeparator);
    }
  }
  // Identifier characters glued to a number (`12abc`) make the whole run illegal.
  const end = skipWhile(sql, j, isIdChar);
  return [end === j ? "number" : "illegal", end];
}

function scanNamedParameter(sql: string, i: number, tcl: boolean): [TokenKind, number] {
  let nameLength = 0;
  let j = i + 1;
  while (j < sql.length) {
    const c = sql.charCodeAt(j);
    if (isIdChar(c)) {
      nameLength++;
      j++;
    } else if (tcl && c === 40 /* ( */ && nameLength > 0) {
      const close = skipWhile(sql, j + 1, (d) => !isSpace(d) && d !== 41 /* ) */);
      return sql[close] === ")" ? ["parameter", close + 1] : ["illegal", close];
    } else if (tcl && c === 58 && sql[j + 1] === ":") {
      j += 2;
    } else {
      break;
    }
  }
  return [nameLength > 0 ? "parameter" : "illegal", j];
}
