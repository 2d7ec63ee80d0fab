// Splits Postgres SQL into statements where psql would (psqlscan.l): at a `;` outside
// parentheses and outside `BEGIN … END` / `CASE … END` nesting, so that a SQL-standard function
// body (`CREATE FUNCTION … BEGIN ATOMIC …; …; END`) stays whole. Dollar-quoted bodies are one
// token already.
import { tokenizePostgres } from "./postgres-tokenizer.js";
import type { Token } from "./sqlite-tokenizer.js";

/** Where one statement lies in the text: from its first to its last significant token. */
export interface StatementRange {
  readonly start: number;
  readonly end: number;
}

/** The ranges of the statements in `tokens` (a whole text's tokens), without their `;`. */
export function postgresStatementRanges(tokens: readonly Token[]): StatementRange[] {
  const ranges: StatementRange[] = [];
  let first: Token | undefined;
  let last: Token | undefined;
  let parenDepth = 0;
  let beginDepth = 0;
  let words = 0;
  for (const token of tokens) {
    if (token.kind === "space" || token.kind === "comment") continue;
    if (token.kind === "semicolon" && parenDepth <= 0 && beginDepth <= 0) {
      if (first && last) ranges.push({ start: first.start, end: last.end });
      first = last = undefined;
      parenDepth = beginDepth = words = 0;
      continue;
    }
    if (token.text === "(") parenDepth++;
    else if (token.text === ")") parenDepth--;
    else if (token.kind === "word") {
      words++;
      const word = token.text.toUpperCase();
      // As psql: a leading BEGIN is the transaction statement, not a block.
      if ((word === "BEGIN" || word === "CASE") && words > 1) beginDepth++;
      else if (word === "END" && beginDepth > 0) beginDepth--;
    }
    first ??= token;
    last = token;
  }
  if (first && last) ranges.push({ start: first.start, end: last.end });
  return ranges;
}

/**
 * The statements of a script, in order, each without its terminating `;` and without
 * surrounding whitespace or comments; empty statements are dropped.
 */
export function splitPostgresStatements(sql: string): string[] {
  return postgresStatementRanges(tokenizePostgres(sql)).map((range) => sql.slice(range.start, range.end));
}
