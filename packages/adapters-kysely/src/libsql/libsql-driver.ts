// The libsql package (libSQL's engine, with a better-sqlite3-like API) as a driver for the shared
// SQLite pool and connection code, where its API differs in ways that code would notice:
//
// - an empty text or several statements are prepared without error (only the first would run):
//   refused here with better-sqlite3's RangeErrors, so errors map the same way;
// - no Statement.readonly: worked out from the EXPLAIN program (isReadonly below);
// - close() frees the connection only once its statements are garbage-collected, so an open
//   transaction would keep its locks until then: rolled back first;
// - reading inTransaction after close() aborts the process: guarded;
// - SQLite is built without SQLITE_OMIT_TCL_VARIABLE, so `$a::b` is one parameter;
// - arguments are bound from one array by index (libsql-arguments.ts).
import Libsql from "libsql";
import { significantTokens, type Token } from "../sql-text/sqlite-tokenizer.js";
import { firstKeywords } from "../sql-text/statement-classifier.js";
import { splitStatements } from "../sql-text/statement-splitter.js";
import type { SqliteDatabaseLike, SqliteDriverLike, SqliteStatementLike } from "../sqlite/sqlite-driver.js";
import { bindLibsqlArguments } from "./libsql-arguments.js";
import { callNative, LibsqlSqliteError, type NativeDatabase, type NativeStatement } from "./libsql-native.js";
import { LibsqlStatement, resetExplain, type StatementHost } from "./libsql-statement.js";

const LEXING = { tclVariables: true } as const;

/** The libsql package behind the SQLite adapter code. */
export const libsqlDriver: SqliteDriverLike = {
  open: (file) => new LibsqlDatabase(openNative(file)),
  bindArguments: bindLibsqlArguments,
  tokenizeOptions: LEXING,
};

function openNative(file: string): NativeDatabase {
  try {
    // timeout 0: libsql then leaves SQLite's busy timeout at 0 (see sqlite/busy-retry.ts).
    return new Libsql(file, { timeout: 0 });
  } catch (error) {
    // Failing to open is reported as `ConnectionFailed("…: 14")`, without a code.
    if (error instanceof Error && error.name === "SqliteError") throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LibsqlSqliteError(`unable to open database file ${file}: ${reason}`, { code: "SQLITE_CANTOPEN", cause: error });
  }
}

// Opcodes that make sqlite3_stmt_readonly() false: resolveP2Values() in SQLite's vdbeaux.c.
const WRITING_OPCODES = new Set(["Checkpoint", "Vacuum", "JournalMode"]);

/** One libsql connection. */
class LibsqlDatabase implements SqliteDatabaseLike, StatementHost {
  readonly #native: NativeDatabase;
  #rowid: NativeStatement | undefined;

  constructor(native: NativeDatabase) {
    this.#native = native;
  }

  get open(): boolean {
    return this.#native.open;
  }

  get inTransaction(): boolean {
    return this.#native.open && this.#native.inTransaction;
  }

  prepare(sql: string): SqliteStatementLike {
    const native = callNative(() => this.#native.prepare(sql));
    // After preparing, so that a syntax error in the first statement is reported as such.
    const count = splitStatements(sql, LEXING).length;
    if (count === 0) throw new RangeError("The supplied SQL string contains no statements");
    if (count > 1) throw new RangeError("The supplied SQL string contains more than one statement");
    return new LibsqlStatement({ native, sql, host: this, isExplain: firstKeywords(sql, 1, LEXING)[0] === "EXPLAIN" });
  }

  exec(sql: string): void {
    callNative(() => this.#native.exec(sql));
  }

  pragma(sql: string): unknown {
    return callNative(() => this.#native.pragma(sql));
  }

  close(): void {
    if (!this.#native.open) return;
    if (this.#native.inTransaction) {
      try {
        this.#native.exec("ROLLBACK");
      } catch {
        // Closing is all that is left to do; the transaction ends with the connection.
      }
    }
    this.#native.close();
  }

  /**
   * sqlite3_stmt_readonly() as SQLite computes it: false when the program opens a write
   * transaction or checkpoints, vacuums or changes the journal mode. EXPLAIN shows the program
   * without running it; for an EXPLAIN statement, the program of the statement it explains (as
   * SQLite answers for EXPLAIN too).
   */
  isReadonly(sql: string): boolean {
    const explain = callNative(() => this.#native.prepare(`EXPLAIN ${withoutExplainPrefix(sql)}`));
    try {
      explain.raw(true);
      // Columns: addr, opcode, p1, p2, p3, p4, p5, comment.
      const program = callNative(() => explain.all()) as unknown[][];
      return !program.some(([, opcode, , p2]) =>
        opcode === "Transaction" ? p2 !== 0 : WRITING_OPCODES.has(opcode as string),
      );
    } finally {
      resetExplain(explain);
    }
  }

  lastInsertRowid(): bigint {
    if (this.#rowid === undefined) {
      const statement = callNative(() => this.#native.prepare("SELECT last_insert_rowid()"));
      statement.safeIntegers(true);
      statement.raw(true);
      this.#rowid = statement;
    }
    const statement = this.#rowid;
    const [rowid] = callNative(() => statement.get()) as [bigint];
    return rowid;
  }
}

/** The statement an `EXPLAIN` or `EXPLAIN QUERY PLAN` explains; other texts unchanged. */
function withoutExplainPrefix(sql: string): string {
  const tokens = significantTokens(sql, LEXING);
  const isWord = (token: Token | undefined, word: string): boolean =>
    token?.kind === "word" && token.text.toUpperCase() === word;
  if (!isWord(tokens[0], "EXPLAIN")) return sql;
  const skip = isWord(tokens[1], "QUERY") && isWord(tokens[2], "PLAN") ? 3 : 1;
  const rest = tokens[skip];
  return rest === undefined ? "" : sql.slice(rest.start);
}
