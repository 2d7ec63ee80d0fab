// Splits a MySQL/MariaDB script into statements on top-level semicolons, keeping the body of a
// stored program (CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT/PACKAGE … BEGIN …; …; END) and
// MariaDB's compound statements outside programs (BEGIN NOT ATOMIC, IF, CASE, LOOP, WHILE,
// REPEAT, FOR) whole. The mysql client's `DELIMITER` command is not SQL and is not understood.
import { isSignificant, tokenizeMysql, type MysqlToken, type MysqlTokenizeOptions } from "./mysql-tokenizer.js";

/** Where one statement lies in the text: from its first to its last significant token. */
export interface StatementRange {
  readonly start: number;
  readonly end: number;
  /** The statement's tokens are `tokens.slice(firstToken, endToken)` of the tokens it was found in. */
  readonly firstToken: number;
  readonly endToken: number;
}

// CREATE … <object>: the first of these words after CREATE says whether a body follows.
const PROGRAM_OBJECTS = new Set(["PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "PACKAGE"]);
const OTHER_OBJECTS = new Set([
  "TABLE", "VIEW", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL", "DATABASE", "SCHEMA", "USER", "ROLE",
  "SEQUENCE", "SERVER", "TABLESPACE", "LOGFILE", "TEMPORARY", "RESOURCE",
]);
// Compound statements that open a block closed by `END [word]` when they start a statement.
const STATEMENT_OPENERS = new Set(["IF", "LOOP", "WHILE", "REPEAT", "FOR"]);
// The word after END that belongs to it (`END IF`), so it does not open a block.
const END_SUFFIXES = new Set(["IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE"]);
// Words after which a new statement starts inside a program body.
const START_MARKERS = new Set(["BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "ATOMIC", "ROW"]);
// Words that end the condition of an IF function used as an expression, before any THEN.
const EXPRESSION_ENDS = new Set(["END", "ELSE", "WHEN", "ELSEIF"]);

const wordOf = (token: MysqlToken | undefined): string | undefined =>
  token?.kind === "word" ? token.text.toUpperCase() : undefined;

/** The ranges of the statements in `tokens` (all tokens of one text, trivia included). */
export function mysqlStatementRanges(tokens: readonly MysqlToken[]): StatementRange[] {
  const positions: number[] = [];
  tokens.forEach((token, k) => {
    if (isSignificant(token)) positions.push(k);
  });
  const significant = positions.map((k) => tokens[k]!);
  const ranges: StatementRange[] = [];
  let statement: StatementScanner | undefined;
  significant.forEach((token, k) => {
    if (token.kind === "semicolon" && (statement === undefined || statement.depth === 0)) {
      if (statement !== undefined) ranges.push(statement.range);
      statement = undefined;
      return;
    }
    statement ??= new StatementScanner(token, positions[k]!);
    statement.add(significant, k, positions[k]!);
  });
  if (statement !== undefined) ranges.push(statement.range);
  return ranges;
}

/**
 * The statements of a script, in order, each without its terminating `;` and without
 * surrounding whitespace or comments. Statements that hold only whitespace or comments are
 * dropped (an executable comment `/*! … *\/` is a statement); an unterminated last statement is
 * kept as it is.
 */
export function splitMysqlStatements(sql: string, options: MysqlTokenizeOptions = {}): string[] {
  return mysqlStatementRanges(tokenizeMysql(sql, options)).map((range) => sql.slice(range.start, range.end));
}

/** Follows one statement's tokens and knows whether a `;` now would end it. */
class StatementScanner {
  readonly #start: number;
  readonly #firstToken: number;
  #end: number;
  #endToken: number;
  #count = 0;
  #mode: "plain" | "create" | "program" | "begin" = "plain";
  #depth = 0;
  #atStart = false;
  #afterEnd = false;

  constructor(first: MysqlToken, position: number) {
    this.#start = first.start;
    this.#end = first.start;
    this.#firstToken = position;
    this.#endToken = position;
  }

  /** Open blocks: while positive, a `;` belongs to the statement. */
  get depth(): number {
    return this.#depth;
  }

  get range(): StatementRange {
    return { start: this.#start, end: this.#end, firstToken: this.#firstToken, endToken: this.#endToken };
  }

  /** Takes significant token `k` of `tokens`, which is token `position` of the whole text. */
  add(tokens: readonly MysqlToken[], k: number, position: number): void {
    const token = tokens[k]!;
    const word = wordOf(token);
    this.#end = token.end;
    this.#endToken = position + 1;
    const first = this.#count++ === 0;
    if (first) {
      this.#begin(tokens, k, word);
      return;
    }
    if (this.#mode === "begin") {
      // BEGIN NOT ATOMIC is a block; BEGIN [WORK] starts a transaction.
      if (word === "NOT") this.#enterProgram(1);
      else this.#mode = "plain";
    } else if (this.#mode === "create") {
      if (word !== undefined && PROGRAM_OBJECTS.has(word)) this.#enterProgram(0);
      else if (word !== undefined && OTHER_OBJECTS.has(word)) this.#mode = "plain";
    } else if (this.#mode === "program") {
      this.#follow(tokens, k, word);
    }
  }

  #begin(tokens: readonly MysqlToken[], k: number, word: string | undefined): void {
    if (word === "CREATE") this.#mode = "create";
    else if (word === "BEGIN") this.#mode = "begin";
    else if (word === "CASE" || (word !== undefined && opensBlock(tokens, k, word))) this.#enterProgram(1);
  }

  #enterProgram(depth: number): void {
    this.#mode = "program";
    this.#depth = depth;
    this.#atStart = false;
  }

  #follow(tokens: readonly MysqlToken[], k: number, word: string | undefined): void {
    const token = tokens[k]!;
    const afterEnd = this.#afterEnd;
    this.#afterEnd = false;
    if (afterEnd && word !== undefined && END_SUFFIXES.has(word)) {
      this.#atStart = false;
      return;
    }
    if (word === "BEGIN" || word === "CASE") {
      this.#depth++;
    } else if (word === "END") {
      this.#depth = Math.max(0, this.#depth - 1);
      this.#afterEnd = true;
    } else if (this.#atStart && word !== undefined && opensBlock(tokens, k, word)) {
      this.#depth++;
    }
    this.#atStart =
      token.kind === "semicolon" || token.text === ":" || (word !== undefined && START_MARKERS.has(word));
  }
}

/** Whether `word` at a statement start opens a compound statement (not the IF() or REPEAT() function, not FOR UPDATE). */
function opensBlock(tokens: readonly MysqlToken[], k: number, word: string): boolean {
  if (!STATEMENT_OPENERS.has(word)) return false;
  if (word === "REPEAT") return tokens[k + 1]?.text !== "(";
  if (word === "FOR") return wordOf(tokens[k + 2]) === "IN";
  if (word !== "IF") return true;
  // IF cond THEN … is a statement; IF(a, b, c) in an expression meets END, ELSE, WHEN or `;` first.
  let parens = 0;
  for (let j = k + 1; j < tokens.length; j++) {
    const token = tokens[j]!;
    if (token.text === "(") parens++;
    else if (token.text === ")") parens--;
    else if (token.kind === "semicolon") return false;
    else if (parens === 0) {
      const next = wordOf(token);
      if (next === "THEN") return true;
      if (next !== undefined && EXPRESSION_ENDS.has(next)) return false;
    }
  }
  return false;
}
