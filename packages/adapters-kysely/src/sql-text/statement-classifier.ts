// What a statement is, judged from its leading keywords: EXPLAIN, DDL, or a statement that
// leaves state on the connection (settings, attached databases, temporary objects).
import { identifierValue, significantTokens, type TokenizeOptions } from "./sqlite-tokenizer.js";

/** Facts about one statement that decide how Baton treats it. */
export interface StatementTraits {
  readonly isExplain: boolean;
  /** CREATE, DROP or ALTER. */
  readonly isDdl: boolean;
  /** Leaves connection-level state: PRAGMA, ATTACH, DETACH, or creating a temporary object. */
  readonly isTainting: boolean;
}

/** The first `count` tokens upper-cased, as long as they are bare words (keywords), skipping trivia. */
export function firstKeywords(sql: string, count = 2, options: TokenizeOptions = {}): string[] {
  const keywords: string[] = [];
  for (const token of significantTokens(sql, options)) {
    if (keywords.length >= count || token.kind !== "word") break;
    keywords.push(token.text.toUpperCase());
  }
  return keywords;
}

/** Classifies one statement. */
export function classifyStatement(sql: string, options: TokenizeOptions = {}): StatementTraits {
  const [first, second] = firstKeywords(sql, 2, options);
  const isCreate = first === "CREATE";
  return {
    isExplain: first === "EXPLAIN",
    isDdl: isCreate || first === "DROP" || first === "ALTER",
    isTainting:
      first === "PRAGMA" ||
      first === "ATTACH" ||
      first === "DETACH" ||
      (isCreate && (second === "TEMP" || second === "TEMPORARY" || namesTempSchema(sql, options))),
  };
}

// `CREATE TABLE temp.t …` creates a temporary object without the TEMP keyword. Any later
// object placed in the temp schema implicitly (an index on a temp table) needs a temp object
// that was created first, which already tainted the connection.
function namesTempSchema(sql: string, options: TokenizeOptions): boolean {
  const tokens = significantTokens(sql, options);
  return tokens.some((token, i) => {
    if (token.kind !== "word" && token.kind !== "quoted") return false;
    return identifierValue(token).toLowerCase() === "temp" && tokens[i + 1]?.text === ".";
  });
}

/**
 * True when the text has a `*` outside strings, quoted names and comments: a statement whose
 * result columns could follow the schema (`SELECT *`, `t.*`, `RETURNING *`). Multiplication
 * counts too; it only makes the answer cautious.
 */
export function hasStarToken(sql: string, options: TokenizeOptions = {}): boolean {
  if (!sql.includes("*")) return false;
  return significantTokens(sql, options).some((token) => token.kind === "punct" && token.text.includes("*"));
}
