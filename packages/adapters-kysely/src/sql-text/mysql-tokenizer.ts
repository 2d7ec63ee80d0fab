// A lexer for MySQL/MariaDB SQL that knows what the server treats as a string, a quoted name,
// a comment or a user variable, and marks the Hrana parameters (`?`, `?NNN`, `:a`, `@a`, `$a`)
// in what is left. It follows the server's lexer (sql_lex.cc) where that decides where a
// token ends; it does not check that the text is valid SQL.
//
// Rules that differ from SQLite's (sqlite-tokenizer.ts):
// - `#` and `-- ` start line comments; `--` must be followed by a space, a control character or
//   the end of the text (`1--1` is 1 minus -1).
// - `/*! … */` and `/*M! … */` are executable comments: the server runs their content. They are
//   one opaque `executable` token, significant (a statement may consist of one) but never
//   searched for parameters.
// - Strings are '…' or "…"; a backslash escapes the next character (unless the server runs with
//   NO_BACKSLASH_ESCAPES: pass `backslashEscapes: false`). Only backticks quote names (with
//   ANSI_QUOTES "…" does too; its extent is the same either way).
// - `@@name` is a system variable and `@'name'`, `@"name"`, `` @`name` `` are user variables:
//   `variable` tokens, never parameters. `@name` is a Hrana parameter, exactly as in SQLite,
//   so a MySQL user variable must be written with quotes (`` @`name` ``) to reach the server.
// - `@` or `:` glued to a name or string before it (`'root'@'%'`, `root@localhost`,
//   `label:BEGIN`) is punctuation: that is an account name or a label, not a parameter.
// - Unquoted names may contain `$` and may start with a digit (`1st`, `a$b`).

/** What a token is. `space` and `comment` are trivia; `illegal` is text the server would reject. */
export type MysqlTokenKind =
  | "space"
  | "comment"
  | "executable"
  | "word"
  | "quoted"
  | "string"
  | "number"
  | "parameter"
  | "variable"
  | "semicolon"
  | "punct"
  | "illegal";

/** One token: `text` is `sql.slice(start, end)`, so the tokens of a text concatenate back to it. */
export interface MysqlToken {
  readonly kind: MysqlTokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface MysqlTokenizeOptions {
  /** Whether a backslash escapes the next character inside strings (default true, MySQL's default sql_mode). */
  readonly backslashEscapes?: boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Every non-ASCII code unit is a name character, as in MySQL (any multi-byte character).
const isIdStart = (c: number): boolean => isAlpha(c) || c === 95 || c >= 0x80;
const isIdChar = (c: number): boolean => isIdStart(c) || isDigit(c) || c === 36; // $
// my_isspace: space, \t, \n, \v, \f, \r.
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isQuote = (c: number): boolean => c === 39 || c === 34 || c === 96; // ' " `

/** Splits `sql` into tokens, trivia included. */
export function tokenizeMysql(sql: string, options: MysqlTokenizeOptions = {}): MysqlToken[] {
  const backslashEscapes = options.backslashEscapes ?? true;
  const tokens: MysqlToken[] = [];
  let start = 0;
  let previous: MysqlToken | undefined;
  while (start < sql.length) {
    const [kind, end] = scanToken({ sql, i: start, backslashEscapes, previous });
    const token = { kind, start, end, text: sql.slice(start, end) };
    tokens.push(token);
    previous = token;
    start = end;
  }
  return tokens;
}

/** The tokens that are neither whitespace nor plain comments (executable comments stay). */
export function significantMysqlTokens(sql: string, options: MysqlTokenizeOptions = {}): MysqlToken[] {
  return tokenizeMysql(sql, options).filter(isSignificant);
}

export function isSignificant(token: MysqlToken): boolean {
  return token.kind !== "space" && token.kind !== "comment";
}

/** The name a `word` or `quoted` token stands for (backticks removed, doubled backticks undone). */
export function mysqlIdentifierValue(token: MysqlToken): string {
  if (token.kind !== "quoted") return token.text;
  return token.text.slice(1, -1).replaceAll("``", "`");
}

interface ScanState {
  readonly sql: string;
  readonly i: number;
  readonly backslashEscapes: boolean;
  readonly previous: MysqlToken | undefined;
}

function scanToken(state: ScanState): [MysqlTokenKind, number] {
  const { sql, i } = state;
  const c = sql.charCodeAt(i);
  const next = sql.charCodeAt(i + 1);
  if (isSpace(c)) return ["space", skipWhile(sql, i + 1, isSpace)];
  if (c === 35 /* # */) return ["comment", lineEnd(sql, i)];
  if (c === 45 /* - */ && next === 45 && startsDashComment(sql.charCodeAt(i + 2))) return ["comment", lineEnd(sql, i)];
  if (c === 47 /* / */ && next === 42 /* * */) return scanBlockComment(sql, i);
  if (c === 59) return ["semicolon", i + 1];
  if (c === 39 || c === 34) return scanString(sql, i, state.backslashEscapes);
  if (c === 96) return scanQuotedName(sql, i);
  if (isDigit(c) || (c === 46 /* . */ && isDigit(next) && !gluedToName(state))) return scanNumber(sql, i);
  if (c === 63 /* ? */) return ["parameter", skipWhile(sql, i + 1, isDigit)];
  if (c === 64 /* @ */) return scanAt(state);
  if (c === 58 /* : */ && isIdChar(next) && !gluedToName(state)) return ["parameter", skipWhile(sql, i + 1, isIdChar)];
  if (c === 36 /* $ */ && isIdChar(next)) return ["parameter", skipWhile(sql, i + 1, isIdChar)];
  if (isIdStart(c)) return ["word", skipWhile(sql, i + 1, isIdChar)];
  return ["punct", i + 1];
}

function skipWhile(sql: string, i: number, test: (c: number) => boolean): number {
  while (i < sql.length && test(sql.charCodeAt(i))) i++;
  return i;
}

// `--` starts a comment when followed by whitespace, a control character or the end of the text
// (NaN here): sql_lex.cc checks my_isspace || my_iscntrl on the third character.
function startsDashComment(c: number): boolean {
  return Number.isNaN(c) || c <= 32 || c === 127;
}

function lineEnd(sql: string, i: number): number {
  const newline = sql.indexOf("\n", i + 1);
  return newline < 0 ? sql.length : newline;
}

function scanBlockComment(sql: string, i: number): [MysqlTokenKind, number] {
  const close = sql.indexOf("*/", i + 2);
  // The server refuses an unterminated comment; so do we (it stays significant).
  if (close < 0) return ["illegal", sql.length];
  const executable = sql[i + 2] === "!" || (sql[i + 2] === "M" && sql[i + 3] === "!");
  return [executable ? "executable" : "comment", close + 2];
}

function scanString(sql: string, i: number, backslashEscapes: boolean): [MysqlTokenKind, number] {
  const delim = sql[i];
  let j = i + 1;
  while (j < sql.length) {
    const ch = sql[j];
    if (ch === "\\" && backslashEscapes) {
      j += 2;
    } else if (ch === delim) {
      if (sql[j + 1] !== delim) return ["string", j + 1];
      j += 2;
    } else {
      j++;
    }
  }
  return ["illegal", sql.length];
}

function scanQuotedName(sql: string, i: number): [MysqlTokenKind, number] {
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === "`") {
      if (sql[j + 1] !== "`") return ["quoted", j + 1];
      j += 2;
    } else {
      j++;
    }
  }
  return ["illegal", sql.length];
}

function scanNumber(sql: string, i: number): [MysqlTokenKind, number] {
  let j: number;
  const prefix = sql[i] === "0" ? sql[i + 1] : undefined;
  if ((prefix === "x" || prefix === "X") && isHexDigit(sql.charCodeAt(i + 2))) {
    j = skipWhile(sql, i + 2, isHexDigit);
  } else if ((prefix === "b" || prefix === "B") && (sql[i + 2] === "0" || sql[i + 2] === "1")) {
    j = skipWhile(sql, i + 2, (c) => c === 48 || c === 49);
  } else {
    j = skipWhile(sql, i, isDigit);
    if (sql[j] === ".") j = skipWhile(sql, j + 1, isDigit);
    const sign = sql[j + 1] === "+" || sql[j + 1] === "-" ? 1 : 0;
    if ((sql[j] === "e" || sql[j] === "E") && isDigit(sql.charCodeAt(j + 1 + sign))) {
      j = skipWhile(sql, j + 1 + sign, isDigit);
    }
  }
  // Name characters glued to a number make the whole run a name: MySQL allows `1st`, `0xg`.
  const end = skipWhile(sql, j, isIdChar);
  return [end === j ? "number" : "word", end];
}

function scanAt(state: ScanState): [MysqlTokenKind, number] {
  const { sql, i } = state;
  const next = sql.charCodeAt(i + 1);
  if (next === 64 /* @@ */) return ["variable", skipWhile(sql, i + 2, isIdChar)];
  if (gluedToName(state)) return ["punct", i + 1];
  if (isQuote(next)) {
    const [kind, end] = next === 96 ? scanQuotedName(sql, i + 1) : scanString(sql, i + 1, state.backslashEscapes);
    return [kind === "illegal" ? "illegal" : "variable", end];
  }
  if (isIdChar(next)) return ["parameter", skipWhile(sql, i + 1, isIdChar)];
  return ["punct", i + 1];
}

/** True when the character at `state.i` directly follows a name, quoted name or string. */
function gluedToName(state: ScanState): boolean {
  const previous = state.previous;
  if (previous === undefined || previous.end !== state.i) return false;
  return previous.kind === "word" || previous.kind === "quoted" || previous.kind === "string";
}
