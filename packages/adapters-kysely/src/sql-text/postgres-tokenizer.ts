// A lexer for Postgres SQL text carrying Hrana's parameter forms (`?`, `?NNN`, `:name`, `@name`,
// `$name`) next to Postgres's own `$1`. It follows Postgres's scan.l wherever a mistake would
// turn data into a parameter: strings ('…', E'…' with backslash escapes, B'…', X'…', N'…', U&'…'),
// dollar quotes ($$…$$, $tag$…$tag$), quoted identifiers, nested block comments and `::` casts.
import type { Token, TokenKind } from "./sqlite-tokenizer.js";

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// scan.l: ident_start [A-Za-z\200-\377_], ident_cont adds digits and `$`.
const isIdStart = (c: number): boolean => isAlpha(c) || c === 95 || c >= 0x80;
const isIdChar = (c: number): boolean => isIdStart(c) || isDigit(c) || c === 36;
// A dollar-quote tag is an identifier without `$`.
const isTagChar = (c: number): boolean => isIdStart(c) || isDigit(c);
// scan.l's space class, with \v (accepted since Postgres 16, harmless before).
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Splits Postgres SQL into tokens, trivia included; the texts of the tokens concatenate back to `sql`. */
export function tokenizePostgres(sql: string): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  while (start < sql.length) {
    const [kind, end] = scanToken(sql, start);
    tokens.push({ kind, start, end, text: sql.slice(start, end) });
    start = end;
  }
  return tokens;
}

/** The tokens that are neither whitespace nor comments. */
export function significantPostgresTokens(sql: string): Token[] {
  return tokenizePostgres(sql).filter((token) => token.kind !== "space" && token.kind !== "comment");
}

function scanToken(sql: string, i: number): [TokenKind, number] {
  const c = sql.charCodeAt(i);
  const next = sql.charCodeAt(i + 1);
  if (isSpace(c)) return ["space", skipWhile(sql, i + 1, isSpace)];
  // Postgres refuses a NUL in query text outright (08P01); like SQLite we read up to it only.
  if (c === 0) return ["comment", sql.length];
  if (c === 45 /* - */ && next === 45) return ["comment", lineCommentEnd(sql, i)];
  if (c === 47 /* / */ && next === 42 /* * */) return blockComment(sql, i);
  if (c === 59) return ["semicolon", i + 1];
  if (c === 39 /* ' */) return quoted(sql, i + 1, "'");
  if (c === 34 /* " */) return quoted(sql, i + 1, '"');
  if (isIdStart(c)) return scanWord(sql, i);
  if (isDigit(c) || (c === 46 /* . */ && isDigit(next))) return scanNumber(sql, i);
  if (c === 63 /* ? */) return ["parameter", skipWhile(sql, i + 1, isDigit)];
  if (c === 36 /* $ */) return scanDollar(sql, i);
  if (c === 58 /* : */) {
    if (next === 58) return ["punct", i + 2]; // `::` cast
    // `:` before a digit is an array slice bound (`a[1:2]`), never a Hrana name.
    if (isIdStart(next)) return ["parameter", skipWhile(sql, i + 1, isIdChar)];
    return ["punct", i + 1];
  }
  if (c === 64 /* @ */) {
    // `<@` and `@@` are operators: `a <@b`, `v @@q` keep their right operand.
    const before = sql[i - 1];
    if (isIdStart(next) && before !== "<" && before !== "@") return ["parameter", skipWhile(sql, i + 1, isIdChar)];
    return ["punct", i + 1];
  }
  return ["punct", i + 1];
}

function skipWhile(sql: string, i: number, test: (c: number) => boolean): number {
  while (i < sql.length && test(sql.charCodeAt(i))) i++;
  return i;
}

function lineCommentEnd(sql: string, i: number): number {
  let j = i + 2;
  while (j < sql.length && sql[j] !== "\n" && sql[j] !== "\r") j++;
  return j;
}

/** Block comments nest in Postgres; an unterminated one is an error there, so `illegal` here. */
function blockComment(sql: string, i: number): [TokenKind, number] {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql[j] === "/" && sql[j + 1] === "*") {
      depth++;
      j += 2;
    } else if (sql[j] === "*" && sql[j + 1] === "/") {
      depth--;
      j += 2;
      if (depth === 0) return ["comment", j];
    } else {
      j++;
    }
  }
  return ["illegal", sql.length];
}

/** A string (') or identifier (") from `j`, just after the opening quote; a doubled quote stands for one. */
function quoted(sql: string, j: number, delim: "'" | '"'): [TokenKind, number] {
  const kind: TokenKind = delim === "'" ? "string" : "quoted";
  while (j < sql.length) {
    if (sql[j] !== delim) {
      j++;
    } else if (sql[j + 1] === delim) {
      j += 2;
    } else {
      return [kind, j + 1];
    }
  }
  return ["illegal", sql.length];
}

/** E'…': a backslash escapes the next character, `\'` included. */
function escapeString(sql: string, j: number): [TokenKind, number] {
  while (j < sql.length) {
    if (sql[j] === "\\") {
      j += 2;
    } else if (sql[j] !== "'") {
      j++;
    } else if (sql[j + 1] === "'") {
      j += 2;
    } else {
      return ["string", j + 1];
    }
  }
  return ["illegal", sql.length];
}

function scanWord(sql: string, i: number): [TokenKind, number] {
  const end = skipWhile(sql, i + 1, isIdChar);
  if (end === i + 1 && sql[end] === "'") {
    const prefix = sql[i]?.toUpperCase();
    if (prefix === "E") return escapeString(sql, end + 1);
    // B'0101', X'1F', N'national': no escapes beyond the doubled quote.
    if (prefix === "B" || prefix === "X" || prefix === "N") return quoted(sql, end + 1, "'");
  }
  // U&'…' and U&"…": Unicode escapes use `\`, but only a doubled quote can hide a quote.
  if (end === i + 1 && (sql[i] === "U" || sql[i] === "u") && sql[end] === "&") {
    if (sql[end + 1] === "'") return quoted(sql, end + 2, "'");
    if (sql[end + 1] === '"') return quoted(sql, end + 2, '"');
  }
  return ["word", end];
}

function scanNumber(sql: string, i: number): [TokenKind, number] {
  let j = skipWhile(sql, i, isDigit);
  if (sql[j] === "." && sql[j + 1] !== ".") j = skipWhile(sql, j + 1, isDigit);
  const sign = sql[j + 1] === "+" || sql[j + 1] === "-" ? 1 : 0;
  if ((sql[j] === "e" || sql[j] === "E") && isDigit(sql.charCodeAt(j + 1 + sign))) j = skipWhile(sql, j + 1 + sign, isDigit);
  return ["number", j];
}

/**
 * `$1` (Postgres's own numbered parameter), `$$…$$` and `$tag$…$tag$` (dollar quotes), or
 * Hrana's `$name`: a tag directly followed by `$` opens a dollar quote, as in Postgres.
 */
function scanDollar(sql: string, i: number): [TokenKind, number] {
  const next = sql.charCodeAt(i + 1);
  if (isDigit(next)) return ["parameter", skipWhile(sql, i + 1, isDigit)];
  if (next === 36 || isIdStart(next)) {
    const tagEnd = next === 36 ? i + 1 : skipWhile(sql, i + 1, isTagChar);
    if (sql[tagEnd] === "$") {
      const delimiter = sql.slice(i, tagEnd + 1);
      const close = sql.indexOf(delimiter, tagEnd + 1);
      return close < 0 ? ["illegal", sql.length] : ["string", close + delimiter.length];
    }
    return ["parameter", tagEnd];
  }
  return ["punct", i + 1];
}
