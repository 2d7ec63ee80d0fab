// What a MySQL/MariaDB statement is, judged from its keywords: EXPLAIN, DDL, read-only, or a
// statement that leaves state on the session. MySQL reports none of this when it prepares a
// statement, so the text is all there is; functions with side effects (a stored function that
// writes, NEXTVAL()) are not seen.
import type { StatementTraits } from "./statement-classifier.js";
import { isSignificant, type MysqlToken } from "./mysql-tokenizer.js";

/** Facts about one statement that decide how Baton treats it. */
export interface MysqlStatementTraits extends StatementTraits {
  /** The statement does not modify the database (SELECT, SHOW, EXPLAIN, …). */
  readonly isReadonly: boolean;
}

const DDL = new Set(["CREATE", "DROP", "ALTER", "RENAME", "TRUNCATE"]);
const EXPLAIN = new Set(["EXPLAIN", "DESCRIBE", "DESC"]);
const READING = new Set(["SELECT", "VALUES", "TABLE", "SHOW", "HELP", "DO"]);
// The statement a WITH clause belongs to.
const WITH_TARGETS = new Set(["SELECT", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "REPLACE"]);
// Statements whose effect outlives them on the session: variables and settings, the default
// database, table and named locks, server-side prepared statements, HANDLER cursors, XA
// transactions, and procedures (which may do any of these).
const TAINTING = new Set(["SET", "USE", "LOCK", "UNLOCK", "PREPARE", "EXECUTE", "DEALLOCATE", "HANDLER", "XA", "CALL", "FLUSH"]);
// Functions that leave state on the session.
const SESSION_FUNCTIONS = new Set(["GET_LOCK"]);

const wordOf = (token: MysqlToken | undefined): string | undefined =>
  token?.kind === "word" ? token.text.toUpperCase() : undefined;

/** Classifies one statement given its tokens (trivia may be included). */
export function classifyMysqlStatement(tokens: readonly MysqlToken[]): MysqlStatementTraits {
  const significant = tokens.filter(isSignificant);
  const start = significant.findIndex((token) => token.text !== "(");
  const first = wordOf(significant[start]);
  const second = wordOf(significant[start + 1]);
  return {
    isExplain: first !== undefined && EXPLAIN.has(first),
    isDdl: first !== undefined && DDL.has(first),
    isReadonly: isReadonlyAt(significant, Math.max(start, 0)),
    isTainting: isTainting(significant, first, second),
  };
}

function isReadonlyAt(tokens: readonly MysqlToken[], k: number): boolean {
  const first = wordOf(tokens[k]);
  if (first === undefined) return false;
  // Plain EXPLAIN never runs the statement; EXPLAIN ANALYZE (and MariaDB's ANALYZE) does.
  if (EXPLAIN.has(first)) return wordOf(tokens[k + 1]) === "ANALYZE" ? isReadonlyAt(tokens, k + 2) : true;
  if (first === "ANALYZE") return wordOf(tokens[k + 1]) === "SELECT" && isReadonlyAt(tokens, k + 1);
  if (first === "WITH") return isReadonlyAt(tokens, mainStatementOf(tokens, k + 1));
  if (!READING.has(first)) return false;
  // SELECT … INTO OUTFILE / DUMPFILE writes a file on the server.
  return !tokens.some((token, j) => wordOf(token) === "INTO" && /^(?:OUTFILE|DUMPFILE)$/.test(wordOf(tokens[j + 1]) ?? ""));
}

/** The index of the statement keyword after a WITH clause's common table expressions. */
function mainStatementOf(tokens: readonly MysqlToken[], from: number): number {
  let parens = 0;
  for (let j = from; j < tokens.length; j++) {
    const text = tokens[j]!.text;
    if (text === "(") parens++;
    else if (text === ")") parens--;
    else if (parens === 0 && WITH_TARGETS.has(wordOf(tokens[j]) ?? "")) return j;
  }
  return tokens.length;
}

function isTainting(tokens: readonly MysqlToken[], first: string | undefined, second: string | undefined): boolean {
  if (first === "SET") return second !== "STATEMENT"; // MariaDB's SET STATEMENT … FOR lasts one statement.
  if (first !== undefined && TAINTING.has(first)) return true;
  if ((first === "CREATE" || first === "DROP") && tokens.slice(1, 5).some((token) => wordOf(token) === "TEMPORARY")) return true;
  return tokens.some(
    (token, j) =>
      // A user variable (`@\`x\``) may be assigned with := or SELECT … INTO.
      (token.kind === "variable" && !token.text.startsWith("@@")) ||
      (SESSION_FUNCTIONS.has(wordOf(token) ?? "") && tokens[j + 1]?.text === "("),
  );
}
