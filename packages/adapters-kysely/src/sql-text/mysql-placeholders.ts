// Hrana's parameters (`?`, `?NNN`, `:name`, `@name`, `$name`, numbered as SQLite numbers them) in
// a MySQL statement, cut out of the text so that each occurrence can become MySQL's positional
// `?` or a literal. Strings, quoted names, comments and user variables are left alone.
import { numberParameters, type ParameterTable } from "./sql-parameters.js";
import type { Token } from "./sqlite-tokenizer.js";
import { isSignificant, type MysqlToken } from "./mysql-tokenizer.js";
import type { StatementRange } from "./mysql-statement-splitter.js";

/** One parameter occurrence in the text. */
export interface PlaceholderSlot {
  /** The 1-based parameter index it binds. */
  readonly index: number;
  /**
   * The grammar takes only an integer literal here (`LIMIT ?`, `OFFSET ?`, `LIMIT ?, ?`,
   * `FETCH FIRST ? ROWS`), so a whole float may be written as an integer.
   */
  readonly integerOnly: boolean;
}

export interface MysqlPlaceholders {
  readonly table: ParameterTable;
  /** The text between the occurrences: `pieces.length === slots.length + 1`. */
  readonly pieces: readonly string[];
  readonly slots: readonly PlaceholderSlot[];
  /** The first `?NNN` outside 1..32766, which the statement cannot be bound with. */
  readonly outOfRange: string | undefined;
}

/**
 * Cuts the parameters out of the statement `sql.slice(range.start, range.end)` whose tokens are
 * `tokens` (by default all of `sql`, its tokens from tokenizeMysql).
 */
export function mysqlPlaceholders(
  sql: string,
  tokens: readonly MysqlToken[],
  range: Pick<StatementRange, "start" | "end"> = { start: 0, end: sql.length },
): MysqlPlaceholders {
  const significant = tokens.filter(isSignificant);
  // SQLite's numbering, fed with the parameters our MySQL lexer found.
  const parameters = significant.filter((token) => token.kind === "parameter").map((token): Token => ({ ...token, kind: "parameter" }));
  const { names, referenced, indexAt } = numberParameters(parameters);
  const pieces: string[] = [];
  const slots: PlaceholderSlot[] = [];
  let cursor = range.start;
  let outOfRange: string | undefined;
  significant.forEach((token, k) => {
    if (token.kind !== "parameter") return;
    const index = indexAt.get(token.start);
    if (index === undefined) {
      outOfRange ??= token.text;
      return;
    }
    pieces.push(sql.slice(cursor, token.start));
    slots.push({ index, integerOnly: takesIntegerOnly(significant, k) });
    cursor = token.end;
  });
  pieces.push(sql.slice(cursor, range.end));
  return { table: { names, referenced }, pieces, slots, outOfRange };
}

/** The statement with every parameter replaced by MySQL's `?`, as the server prepares it. */
export function positionalSql(placeholders: MysqlPlaceholders): string {
  return placeholders.pieces.join("?");
}

const upper = (token: MysqlToken | undefined): string => (token?.kind === "word" ? token.text.toUpperCase() : "");

function takesIntegerOnly(tokens: readonly MysqlToken[], k: number): boolean {
  const before = upper(tokens[k - 1]);
  if (before === "LIMIT" || before === "OFFSET") return true;
  if ((before === "FIRST" || before === "NEXT") && upper(tokens[k - 2]) === "FETCH") return true;
  // LIMIT offset, count
  const previous = tokens[k - 2];
  return tokens[k - 1]?.text === "," && (previous?.kind === "number" || previous?.kind === "parameter") && upper(tokens[k - 3]) === "LIMIT";
}
