// Hrana's parameters (`?`, `?NNN`, `:a`, `@a`, `$a`) rewritten to Postgres's `$n`, numbered by
// SQLite's rules so that positional and named arguments bind exactly as they do on SQLite.
import { numberParameters, type NumberedParameters } from "./sql-parameters.js";
import type { Token } from "./sqlite-tokenizer.js";

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_$\u0080-\uffff]/u.test(char);

/** One statement's text for Postgres and the parameter table of the original text. */
export interface PostgresPlaceholders {
  readonly text: string;
  readonly parameters: NumberedParameters;
}

/**
 * Rewrites the parameter tokens among `tokens` (one statement's tokens, trivia included, as
 * tokenizePostgres produced them from `sql`) to `$n`. Everything else is copied unchanged.
 * Postgres's own `$1` keeps its number (it is numbered like `?1`).
 */
export function toPostgresPlaceholders(sql: string, tokens: readonly Token[]): PostgresPlaceholders {
  const parameters = numberParameters(tokens, { dollarNumbers: true });
  let text = "";
  for (const token of tokens) {
    const index = token.kind === "parameter" ? parameters.indexAt.get(token.start) : undefined;
    if (index === undefined) {
      text += token.text;
      continue;
    }
    // `LIMIT?` must not become the identifier `LIMIT$1`, nor `?1a` the junk `$1a`.
    const before = isWordChar(sql[token.start - 1]) ? " " : "";
    const after = isWordChar(sql[token.end]) ? " " : "";
    text += `${before}$${index}${after}`;
  }
  return { text, parameters };
}
