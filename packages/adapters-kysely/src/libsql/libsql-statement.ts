// A libsql prepared statement made to behave as the shared SQLite connection code expects
// (sqlite/sqlite-driver.ts): `readonly` exists, run() reports the exact rowid, an EXPLAIN
// statement does not stay active after it ran, and every SQLite error is a SqliteError.
import type { SqliteColumnLike, SqliteRunResult, SqliteStatementLike } from "../sqlite/sqlite-driver.js";
import { callNative, type NativeStatement } from "./libsql-native.js";

/** What a statement needs from its connection. */
export interface StatementHost {
  /** sqlite3_stmt_readonly() of `sql`, which libsql does not expose (see libsql-driver.ts). */
  isReadonly(sql: string): boolean;
  /** The connection's last_insert_rowid(), exactly. */
  lastInsertRowid(): bigint;
}

export class LibsqlStatement implements SqliteStatementLike {
  readonly #native: NativeStatement;
  readonly #sql: string;
  readonly #host: StatementHost;
  readonly #isExplain: boolean;
  #readonly: boolean | undefined;

  constructor(options: { native: NativeStatement; sql: string; host: StatementHost; isExplain: boolean }) {
    this.#native = options.native;
    this.#sql = options.sql;
    this.#host = options.host;
    this.#isExplain = options.isExplain;
  }

  get reader(): boolean {
    return this.#native.reader;
  }

  /** Worked out on first use; it may throw what preparing may throw (SQLITE_BUSY on the schema). */
  get readonly(): boolean {
    this.#readonly ??= this.#host.isReadonly(this.#sql);
    return this.#readonly;
  }

  raw(toggle?: boolean): this {
    callNative(() => this.#native.raw(toggle));
    return this;
  }

  safeIntegers(toggle?: boolean): this {
    callNative(() => this.#native.safeIntegers(toggle));
    return this;
  }

  columns(): readonly SqliteColumnLike[] {
    return callNative(() => this.#native.columns());
  }

  run(...args: unknown[]): SqliteRunResult {
    const info = callNative(() => this.#native.run(...args));
    // libsql hands the rowid over as a double (`last_insert_rowid as f64`): exact only while it
    // is a safe integer, so beyond that it is read again, exactly.
    const rowid = info.lastInsertRowid;
    const exact = typeof rowid === "bigint" ? rowid : Number.isSafeInteger(rowid) ? BigInt(rowid) : this.#host.lastInsertRowid();
    return { changes: info.changes, lastInsertRowid: exact };
  }

  get(...args: unknown[]): unknown {
    // get() resets the statement itself.
    return callNative(() => this.#native.get(...args));
  }

  all(...args: unknown[]): unknown[] {
    try {
      return callNative(() => this.#native.all(...args));
    } finally {
      if (this.#isExplain) resetExplain(this.#native);
    }
  }

  iterate(...args: unknown[]): IterableIterator<unknown> {
    // An EXPLAIN lists a few rows at most: read them all, so that it can be reset at once.
    if (this.#isExplain) return this.all(...args)[Symbol.iterator]();
    return callNative(() => this.#native.iterate(...args));
  }
}

/**
 * Ends an EXPLAIN statement that has returned its last row. SQLite lists an EXPLAIN program
 * without halting the machine, so the statement stays active until it is reset, and an active
 * statement that would write makes COMMIT fail with "cannot commit transaction - SQL statements
 * in progress" (SQLITE_BUSY). libsql resets a statement only before running it again, or after
 * get(); get() on a finished EXPLAIN returns nothing and resets it. Nothing is executed either
 * way: an EXPLAIN only lists its program.
 */
export function resetExplain(statement: NativeStatement): void {
  try {
    statement.get();
  } catch {
    // Nothing to do: the statement is reset again before its next use.
  }
}
