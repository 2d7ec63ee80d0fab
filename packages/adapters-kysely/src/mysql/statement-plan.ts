// What Baton learns from a statement's text before MySQL sees it: that it is exactly one
// statement, its MySQL form (client-generated SQLite statements translated), its Hrana
// parameters, and its kind. Plans depend on the text alone, so one cache serves all connections.
import { GatewayError } from "@baton/protocol-types";
import { LruCache } from "../lru-cache.js";
import { MAX_PARAMETER_NUMBER } from "../sql-text/sql-parameters.js";
import { mysqlPlaceholders, type MysqlPlaceholders } from "../sql-text/mysql-placeholders.js";
import { classifyMysqlStatement, type MysqlStatementTraits } from "../sql-text/mysql-statement-classifier.js";
import { mysqlStatementRanges, type StatementRange } from "../sql-text/mysql-statement-splitter.js";
import { isSignificant, tokenizeMysql, type MysqlToken } from "../sql-text/mysql-tokenizer.js";
import { translateClientStatement } from "./client-statements.js";

export interface StatementPlan {
  /** The statement as MySQL runs it, parameters still in place (without a trailing `;`). */
  readonly sql: string;
  readonly placeholders: MysqlPlaceholders;
  readonly traits: MysqlStatementTraits;
}

export interface PlanOptions {
  /** Whether the session reads a backslash in a string as an escape (no NO_BACKSLASH_ESCAPES). */
  readonly backslashEscapes: boolean;
}

// Texts longer than this (bulk inserts) are planned each time rather than held in memory.
const MAX_CACHED_LENGTH = 16 * 1024;

/** Plans statements, remembering the most recent ones. */
export class StatementPlanner {
  readonly #cache: LruCache<string, StatementPlan>;

  constructor(capacity: number) {
    this.#cache = new LruCache({ capacity });
  }

  /** The plan of a text that must hold exactly one statement. */
  plan(sql: string, options: PlanOptions): StatementPlan {
    const key = `${options.backslashEscapes ? "\\" : "-"}${sql}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const plan = planStatement(sql, options);
    if (sql.length <= MAX_CACHED_LENGTH) this.#cache.set(key, plan);
    return plan;
  }
}

/** The plan of a text that must hold exactly one statement. */
export function planStatement(sql: string, options: PlanOptions): StatementPlan {
  const tokens = tokenizeMysql(sql, options);
  const ranges = mysqlStatementRanges(tokens);
  const [range] = ranges;
  if (range === undefined) throw new GatewayError("SQL_NO_STATEMENT", "SQL string does not contain any statement");
  if (ranges.length > 1) throw new GatewayError("SQL_MANY_STATEMENTS", "SQL string contains more than one statement");
  return planRange({ sql, tokens, range, options });
}

/** The plans of a script's statements, in order; each is planned when it is reached. */
export function* planScript(sql: string, options: PlanOptions): Generator<StatementPlan> {
  const tokens = tokenizeMysql(sql, options);
  for (const range of mysqlStatementRanges(tokens)) yield planRange({ sql, tokens, range, options });
}

function planRange(input: {
  sql: string;
  tokens: readonly MysqlToken[];
  range: StatementRange;
  options: PlanOptions;
}): StatementPlan {
  const { sql, range, options } = input;
  const tokens = input.tokens.slice(range.firstToken, range.endToken);
  const translated = translateClientStatement(tokens.filter(isSignificant));
  if (translated !== undefined) {
    const translatedTokens = tokenizeMysql(translated, options);
    return {
      sql: translated,
      placeholders: mysqlPlaceholders(translated, translatedTokens),
      traits: classifyMysqlStatement(translatedTokens),
    };
  }
  const placeholders = mysqlPlaceholders(sql, tokens, range);
  if (placeholders.outOfRange !== undefined) {
    // SQLite's own message for the same mistake.
    throw new GatewayError("SQLITE_ERROR", `variable number must be between ?1 and ?${MAX_PARAMETER_NUMBER}`);
  }
  return { sql: sql.slice(range.start, range.end), placeholders, traits: classifyMysqlStatement(tokens) };
}
