// What a Postgres statement is, judged from its tokens: transaction control, EXPLAIN, DDL,
// session state it leaves behind, and whether its kind alone says it only reads.
import type { Token } from "./sqlite-tokenizer.js";

/**
 * How a statement relates to the transaction: `begin` (BEGIN, START TRANSACTION), `end`
 * (COMMIT, END, ROLLBACK, ABORT, PREPARE TRANSACTION), `savepoint`, `release` and `rollback-to`.
 */
export type TransactionControl = "begin" | "end" | "savepoint" | "release" | "rollback-to";

/** Facts about one Postgres statement that decide how the adapter runs it. */
export interface PostgresStatementTraits {
  readonly control: TransactionControl | null;
  /** COMMIT or END (Postgres answers one in a failed transaction with ROLLBACK instead of an error). */
  readonly isCommit: boolean;
  readonly isExplain: boolean;
  /** CREATE, DROP or ALTER. */
  readonly isDdl: boolean;
  /**
   * Leaves state on the session beyond the transaction: SET (not LOCAL), LISTEN, PREPARE,
   * DECLARE, LOAD, temporary objects, session advisory locks, set_config().
   */
  readonly isTainting: boolean;
  /** RESET or DISCARD: settings fall back to the connection's startup values. */
  readonly resetsSession: boolean;
  /**
   * True or false when the kind of statement decides it; "plan" for a query (SELECT, WITH,
   * VALUES, TABLE) that may still write through a data-modifying CTE or lock rows.
   */
  readonly readonly: boolean | "plan";
}

const QUERY_STARTS = new Set(["SELECT", "WITH", "VALUES", "TABLE"]);
const CONTROL_READONLY = new Set(["BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE"]);
// Functions whose effect outlives the transaction (the _xact advisory locks do not).
const SESSION_FUNCTIONS = new Set([
  "PG_ADVISORY_LOCK",
  "PG_ADVISORY_LOCK_SHARED",
  "PG_TRY_ADVISORY_LOCK",
  "PG_TRY_ADVISORY_LOCK_SHARED",
  "SET_CONFIG",
  "DBLINK_CONNECT",
]);

/** The upper-cased text of a bare word, else undefined. */
const keyword = (token: Token | undefined): string | undefined => (token?.kind === "word" ? token.text.toUpperCase() : undefined);

/** Classifies one statement from its significant tokens (no whitespace or comments). */
export function classifyPostgresStatement(tokens: readonly Token[]): PostgresStatementTraits {
  const first = keyword(tokens[0]);
  const second = keyword(tokens[1]);
  const control = transactionControl(tokens, first, second);
  return {
    control,
    isCommit: first === "COMMIT" || first === "END",
    isExplain: first === "EXPLAIN",
    isDdl: first === "CREATE" || first === "DROP" || first === "ALTER",
    isTainting: isTainting(tokens, first, second),
    resetsSession: first === "RESET" || first === "DISCARD",
    readonly: readonlyByKind(tokens, first),
  };
}

function transactionControl(tokens: readonly Token[], first?: string, second?: string): TransactionControl | null {
  switch (first) {
    case "BEGIN":
    case "START":
      return "begin";
    case "SAVEPOINT":
      return "savepoint";
    case "RELEASE":
      return "release";
    case "COMMIT":
    case "END":
    case "ABORT":
      // COMMIT PREPARED is not transaction control of this session (and cannot run inside one).
      return second === "PREPARED" ? null : "end";
    case "ROLLBACK":
      if (second === "PREPARED") return null;
      return tokens.some((token) => keyword(token) === "TO") ? "rollback-to" : "end";
    case "PREPARE":
      return second === "TRANSACTION" ? "end" : null;
    case undefined:
    default:
      return null;
  }
}

function isTainting(tokens: readonly Token[], first?: string, second?: string): boolean {
  switch (first) {
    case "SET":
      return second !== "LOCAL" && second !== "TRANSACTION" && second !== "CONSTRAINTS";
    case "LISTEN":
    case "DECLARE":
    case "LOAD":
      return true;
    case "PREPARE":
      return second !== "TRANSACTION";
    case "CREATE": {
      // CREATE [OR REPLACE] [GLOBAL|LOCAL] TEMP|TEMPORARY TABLE|VIEW|SEQUENCE … (not a table named temp)
      const leading = tokens.slice(1).map(keyword);
      const kind = leading.find((word) => word !== "OR" && word !== "REPLACE" && word !== "GLOBAL" && word !== "LOCAL");
      if (kind === "TEMP" || kind === "TEMPORARY") return true;
      break;
    }
    case undefined:
    default:
      break;
  }
  return tokens.some((token, i) => {
    const word = keyword(token);
    if (word === undefined) return false;
    if (SESSION_FUNCTIONS.has(word)) return true;
    // `pg_temp.t`, and `SELECT … INTO TEMP t`.
    if (word === "PG_TEMP" && tokens[i + 1]?.text === ".") return true;
    const next = keyword(tokens[i + 1]);
    return word === "INTO" && (next === "TEMP" || next === "TEMPORARY");
  });
}

function readonlyByKind(tokens: readonly Token[], first?: string): boolean | "plan" {
  if (first === undefined && tokens[0]?.text !== "(") return false;
  if (first === undefined || QUERY_STARTS.has(first)) {
    // `SELECT … INTO t` creates a table; `WITH … INSERT …` writes: words at the top level.
    return topLevelWords(tokens).some((word) => ["INTO", "INSERT", "UPDATE", "DELETE", "MERGE"].includes(word)) ? false : "plan";
  }
  if (first === "SHOW" || CONTROL_READONLY.has(first)) return true;
  // EXPLAIN runs nothing, unless ANALYZE makes it run the statement.
  if (first === "EXPLAIN") return !tokens.some((token) => ["ANALYZE", "ANALYSE"].includes(keyword(token) ?? ""));
  return false;
}

/** The upper-cased bare words outside any parentheses. */
function topLevelWords(tokens: readonly Token[]): string[] {
  const words: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.text === "(") depth++;
    else if (token.text === ")") depth--;
    else if (depth === 0 && token.kind === "word") words.push(token.text.toUpperCase());
  }
  return words;
}
