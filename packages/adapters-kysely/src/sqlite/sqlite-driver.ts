// The seam between Baton's SQLite connection code and a driver with better-sqlite3's API: the
// members the code uses, typed structurally, and better-sqlite3 itself as the first driver.
// The libSQL adapter plugs its own driver in here (libsql/libsql-driver.ts).
import Database from "better-sqlite3";
import type { NamedValue, SqlValue } from "../executor.js";
import type { ParameterTable } from "../sql-text/sql-parameters.js";
import type { TokenizeOptions } from "../sql-text/sqlite-tokenizer.js";
import { bindArguments, type SqliteBindArgs } from "./sqlite-arguments.js";

/** What running a statement that returns no rows reports. */
export interface SqliteRunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}

/** One result column: its name and declared type (null for expressions). */
export interface SqliteColumnLike {
  readonly name: string;
  readonly type: string | null;
}

/** A prepared statement. The argument lists are whatever the driver's `bindArguments` made. */
export interface SqliteStatementLike {
  /** True when the statement returns data. */
  readonly reader: boolean;
  /** sqlite3_stmt_readonly(): the statement makes no direct change to the database file. */
  readonly readonly: boolean;
  /** Rows as arrays (only for readers). */
  raw(toggle?: boolean): unknown;
  /** Integers as bigint. */
  safeIntegers(toggle?: boolean): unknown;
  columns(): readonly SqliteColumnLike[];
  run(...args: unknown[]): SqliteRunResult;
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  iterate(...args: unknown[]): IterableIterator<unknown>;
}

/** An open connection. Its errors are `SqliteError`s (see sqlite-errors.ts). */
export interface SqliteDatabaseLike {
  readonly open: boolean;
  /** False once closed. */
  readonly inTransaction: boolean;
  /** Throws RangeError for a text with no statement or with more than one, as better-sqlite3 does. */
  prepare(sql: string): SqliteStatementLike;
  exec(sql: string): unknown;
  pragma(sql: string): unknown;
  /** Closes the connection; an open transaction is rolled back and its locks released at once. */
  close(): unknown;
}

/** A SQLite engine behind the shared pool and connection code. */
export interface SqliteDriverLike {
  /** Opens (creating) a database file with busy_timeout 0 (see busy-retry.ts). */
  open(file: string): SqliteDatabaseLike;
  /** Turns resolved arguments into the argument list the driver's statement methods take. */
  bindArguments(
    table: ParameterTable,
    input: { readonly args: readonly SqlValue[]; readonly namedArgs: readonly NamedValue[] },
  ): SqliteBindArgs;
  /** How the engine lexes SQL (whether TCL variables such as `$a::b` are parameters). */
  readonly tokenizeOptions: TokenizeOptions;
}

/** better-sqlite3: SQLite built with SQLITE_OMIT_TCL_VARIABLE, named arguments bound from one object. */
export const betterSqlite3Driver: SqliteDriverLike = {
  open: (file) => new Database(file, { timeout: 0 }),
  bindArguments,
  tokenizeOptions: {},
};
