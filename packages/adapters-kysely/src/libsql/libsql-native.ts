// The libsql package (0.5.29) at the seam: the members Baton uses, typed structurally, and its
// errors brought into the one shape sqlite-errors.ts reads.
//
// Its bundled types are better-sqlite3's, and claim more than the package has: there is no
// Statement.readonly, and run() reports lastInsertRowid as a double. Hence these types.

/** One result column of a prepared statement. */
export interface NativeColumn {
  readonly name: string;
  readonly type: string | null;
}

/** A prepared statement of the libsql package. */
export interface NativeStatement {
  readonly reader: boolean;
  raw(toggle?: boolean): unknown;
  safeIntegers(toggle?: boolean): unknown;
  columns(): readonly NativeColumn[];
  run(...args: unknown[]): { readonly changes: number; readonly lastInsertRowid: number | bigint };
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  iterate(...args: unknown[]): IterableIterator<unknown>;
}

/** A connection of the libsql package. */
export interface NativeDatabase {
  readonly open: boolean;
  /** Aborts the process (a Rust panic) once the connection is closed: check `open` first. */
  readonly inTransaction: boolean;
  prepare(sql: string): NativeStatement;
  exec(sql: string): unknown;
  pragma(sql: string): unknown;
  close(): unknown;
}

/** An error from SQLite, shaped like better-sqlite3's and libsql's own SqliteError. */
export class LibsqlSqliteError extends Error {
  override readonly name = "SqliteError";
  /** The extended result code name (`SQLITE_CONSTRAINT_UNIQUE`). */
  readonly code: string;

  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

/**
 * Runs a call into the package. libsql converts most native errors into its SqliteError, but
 * not all (Statement.iterate's first step, for one): those arrive as plain Errors flagged
 * `libsqlError`, with the code name in `code`, and are converted here.
 */
export function callNative<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw convertNativeError(error);
  }
}

function convertNativeError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name === "SqliteError") return error;
  const { libsqlError, code } = error as { libsqlError?: unknown; code?: unknown };
  if (libsqlError !== true || typeof code !== "string") return error;
  return new LibsqlSqliteError(error.message, { code, cause: error });
}
