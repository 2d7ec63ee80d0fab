// From the SQL text a Hrana client sent to the text Postgres runs: exactly one statement,
// SQLite-only client statements translated, Hrana parameters rewritten to `$n`, and the
// statement's traits. A plan depends on the text alone, so plans are cached and shared.
import { GatewayError } from "@baton/protocol-types";
import { classifyPostgresStatement, type PostgresStatementTraits } from "../sql-text/postgres-classifier.js";
import { toPostgresPlaceholders } from "../sql-text/postgres-placeholders.js";
import { postgresStatementRanges } from "../sql-text/postgres-splitter.js";
import { tokenizePostgres } from "../sql-text/postgres-tokenizer.js";
import type { ParameterTable } from "../sql-text/sql-parameters.js";
import { translateClientStatement } from "./sqlite-compat.js";

/** What running one statement means. */
export interface StatementPlan {
  /** The text to send, or null for a statement accepted as a no-op (PRAGMA foreign_keys). */
  readonly sql: string | null;
  /** The parameters of the original text, numbered as SQLite numbers them. */
  readonly parameters: ParameterTable;
  readonly traits: PostgresStatementTraits;
}

const NO_PARAMETERS: ParameterTable = { names: [], referenced: [] };

/** Plans one statement; throws SQL_NO_STATEMENT, SQL_MANY_STATEMENTS, or SQLITE_ERROR for an unsupported PRAGMA. */
export function planStatement(sql: string): StatementPlan {
  const tokens = tokenizePostgres(sql);
  const ranges = postgresStatementRanges(tokens);
  const range = ranges[0];
  if (range === undefined) throw new GatewayError("SQL_NO_STATEMENT", "SQL string does not contain any statement");
  if (ranges.length > 1) throw new GatewayError("SQL_MANY_STATEMENTS", "SQL string contains more than one statement");
  const own = tokens.filter((token) => token.start >= range.start && token.end <= range.end);
  const significant = own.filter((token) => token.kind !== "space" && token.kind !== "comment");
  const traits = classifyPostgresStatement(significant);
  const translation = translateClientStatement(significant);
  if (translation?.kind === "noop") return { sql: null, parameters: NO_PARAMETERS, traits };
  if (translation?.kind === "sql") return { sql: translation.sql, parameters: NO_PARAMETERS, traits };
  const { text, parameters } = toPostgresPlaceholders(sql, own);
  return { sql: text, parameters: { names: parameters.names, referenced: parameters.referenced }, traits };
}
