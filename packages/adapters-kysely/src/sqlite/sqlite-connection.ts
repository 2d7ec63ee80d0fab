// One SQLite connection (better-sqlite3's, or libsql's) behind the SqlConnection interface:
// statement cache, argument binding, error normalising, lock waiting, and the state the pool
// needs to know about.
import { GatewayError } from "@baton/protocol-types";
import type { DescribeOutput, ResultColumn, SqlConnection, StatementInput, StatementResult } from "../executor.js";
import { LruCache } from "../lru-cache.js";
import { parameterTable } from "../sql-text/sql-parameters.js";
import { classifyStatement, hasStarToken } from "../sql-text/statement-classifier.js";
import { splitStatements } from "../sql-text/statement-splitter.js";
import { retryWhileBusy } from "./busy-retry.js";
import type { LockNotifier } from "./lock-notifier.js";
import type { SchemaEpoch } from "./schema-epoch.js";
import type { SqliteDatabaseLike, SqliteDriverLike, SqliteStatementLike } from "./sqlite-driver.js";
import { executionError, isRetryableBusy, prepareError } from "./sqlite-errors.js";
import { resultColumns, runStatement, type ChangeCounters, type PreparedStatement } from "./statement-runner.js";

export interface SqliteConnectionOptions {
  /** An open connection with busy_timeout 0 (see busy-retry.ts). */
  readonly db: SqliteDatabaseLike;
  /** The driver that opened it: argument shapes and SQL lexing. */
  readonly driver: SqliteDriverLike;
  /** The notifier of the connection's database file. */
  readonly notifier: LockNotifier;
  /** The schema epoch of the connection's database file. */
  readonly schemaEpoch: SchemaEpoch;
  readonly busyTimeoutMs: number;
  readonly statementCacheSize: number;
}

const NO_ARGUMENTS = { args: [], namedArgs: [] } as const;

/**
 * An abort flag whose AbortSignal is made only when a statement starts waiting for a lock:
 * creating an AbortController per statement was a measurable cost on the hot path.
 */
class LazyAbort {
  #controller: AbortController | undefined;
  #aborted = false;

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    if (this.#aborted) this.#controller.abort();
    return this.#controller.signal;
  }

  abort(): void {
    this.#aborted = true;
    this.#controller?.abort();
  }
}

/** A pooled SQLite connection. */
export class SqliteConnection implements SqlConnection {
  readonly #db: SqliteDatabaseLike;
  readonly #driver: SqliteDriverLike;
  readonly #notifier: LockNotifier;
  readonly #schemaEpoch: SchemaEpoch;
  /** A statement that may change the schema ran in the open transaction. */
  #schemaChangedInTransaction = false;
  readonly #busyTimeoutMs: number;
  readonly #cache: LruCache<string, PreparedStatement>;
  #counters: SqliteStatementLike | undefined;
  #tainted = false;
  #closedBy: "release" | "shutdown" | undefined;
  #current: { readonly done: Promise<unknown>; readonly abort: LazyAbort } | undefined;

  constructor(options: SqliteConnectionOptions) {
    this.#db = options.db;
    this.#driver = options.driver;
    this.#notifier = options.notifier;
    this.#schemaEpoch = options.schemaEpoch;
    this.#busyTimeoutMs = options.busyTimeoutMs;
    // better-sqlite3 has no finalize(): an evicted statement is finalized when it is collected.
    this.#cache = new LruCache({ capacity: options.statementCacheSize });
  }

  execute(input: StatementInput): Promise<StatementResult> {
    return this.#exclusive((abort) =>
      this.#withRetry(abort, () => {
        const prepared = this.#prepare(input.sql, true);
        return this.#run(prepared, input);
      }),
    );
  }

  /**
   * Runs one statement synchronously, for callers that must not yield between checking a
   * connection out and returning it (better-sqlite3 is synchronous). Returns undefined, having
   * changed nothing, when the database is locked: a statement that fails with SQLITE_BUSY has no
   * effect, and execute() then waits for the lock and runs it.
   */
  executeNow(input: StatementInput): StatementResult | undefined {
    this.#assertIdle();
    try {
      return this.#leavingTransaction(() => this.#run(this.#prepare(input.sql, true), input));
    } catch (error) {
      if (isRetryableBusy(error)) return undefined;
      throw executionError(error);
    }
  }

  executeScript(sql: string): Promise<void> {
    return this.#exclusive(async (abort) => {
      for (const text of splitStatements(sql, this.#driver.tokenizeOptions)) {
        // Script statements are usually run once: keep them out of the statement cache.
        await this.#withRetry(abort, () => this.#run(this.#prepare(text, false), { ...NO_ARGUMENTS, wantRows: false }));
      }
    });
  }

  describe(sql: string): Promise<DescribeOutput> {
    return this.#exclusive((abort) =>
      this.#withRetry(abort, () => {
        const { statement, parameters, traits } = this.#prepare(sql, true);
        return {
          params: [...parameters.names],
          columns: resultColumns(statement).map((column) => ({ name: column.name ?? "", decltype: column.decltype })),
          isExplain: traits.isExplain,
          isReadonly: statement.readonly,
          isDdl: traits.isDdl,
        };
      }),
    );
  }

  isAutocommit(): boolean {
    return !this.#db.inTransaction;
  }

  holdsSessionState(): boolean {
    return this.#db.inTransaction || this.#tainted;
  }

  /** True once a statement left connection-level state (PRAGMA, ATTACH, temporary objects). */
  get tainted(): boolean {
    return this.#tainted;
  }

  get closed(): boolean {
    return this.#closedBy !== undefined;
  }

  /** Stops a statement that waits for a lock, and resolves once nothing runs on the connection. */
  async settle(): Promise<void> {
    const current = this.#current;
    if (current === undefined) return;
    current.abort.abort();
    await current.done.catch(() => undefined);
  }

  /** Rolls back an open transaction; throws if SQLite refuses (the caller then closes us). */
  rollback(): void {
    if (this.#closedBy === undefined && this.#db.inTransaction) this.#leavingTransaction(() => this.#db.exec("ROLLBACK"));
  }

  /** Closes the connection, which rolls back any transaction and releases its locks. */
  close(reason: "release" | "shutdown"): void {
    if (this.#closedBy !== undefined) return;
    this.#closedBy = reason;
    this.#current?.abort.abort();
    this.#cache.clear();
    this.#leavingTransaction(() => this.#db.close());
  }

  /** True while a statement runs (or waits for a lock) on the connection. */
  get busy(): boolean {
    return this.#current !== undefined;
  }

  /** Throws unless the connection is open and runs nothing. */
  #assertIdle(): void {
    if (this.#closedBy === "shutdown") throw new GatewayError("SHUTTING_DOWN", "The database is shutting down");
    if (this.#closedBy === "release") throw new GatewayError("INTERNAL_ERROR", "Connection used after it was released");
    if (this.#current !== undefined) {
      throw new GatewayError("INTERNAL_ERROR", "Connection is already running a statement; callers must serialise");
    }
  }

  async #exclusive<T>(work: (abort: LazyAbort) => Promise<T>): Promise<T> {
    this.#assertIdle();
    const abort = new LazyAbort();
    const done = work(abort);
    this.#current = { done, abort };
    try {
      return await done;
    } finally {
      this.#current = undefined;
    }
  }

  async #withRetry<T>(abort: LazyAbort, attempt: () => T): Promise<T> {
    try {
      return await retryWhileBusy(() => this.#leavingTransaction(attempt), {
        notifier: this.#notifier,
        timeoutMs: this.#busyTimeoutMs,
        abort,
      });
    } catch (error) {
      throw executionError(error);
    }
  }

  /** Runs `work` and, if the connection left a transaction meanwhile, wakes lock waiters. */
  #leavingTransaction<T>(work: () => T): T {
    const before = this.#db.open && this.#db.inTransaction;
    try {
      return work();
    } finally {
      if (before && !(this.#db.open && this.#db.inTransaction)) {
        // Committed or rolled back, a schema change is now what every connection sees.
        if (this.#schemaChangedInTransaction) this.#schemaEpoch.advance();
        this.#schemaChangedInTransaction = false;
        this.#notifier.notify();
      }
    }
  }

  #prepare(sql: string, cache: boolean): PreparedStatement {
    const cached = cache ? this.#cache.get(sql) : undefined;
    if (cached !== undefined) return cached;
    const lexing = this.#driver.tokenizeOptions;
    let statement: SqliteStatementLike;
    try {
      statement = this.#db.prepare(sql);
    } catch (error) {
      // Preparing reads the schema and can meet a lock too; leave that to the retry loop.
      if (isRetryableBusy(error)) throw error;
      throw prepareError(error, () => splitStatements(sql, lexing).length);
    }
    statement.safeIntegers(true);
    // Rows as arrays, so that duplicate column names survive.
    if (statement.reader) statement.raw(true);
    const prepared: PreparedStatement = {
      statement,
      parameters: parameterTable(sql, lexing),
      traits: classifyStatement(sql, lexing),
      // Without `*`, the names of a statement's columns are in its text, and a schema change that
      // took a column away would make it fail rather than change its columns.
      columnCache: statement.reader && !hasStarToken(sql, lexing) ? { epoch: -1, columns: [] } : undefined,
    };
    if (cache) this.#cache.set(sql, prepared);
    return prepared;
  }

  #run(prepared: PreparedStatement, input: Omit<StatementInput, "sql">): StatementResult {
    const bindArgs = this.#driver.bindArguments(prepared.parameters, input);
    // Tainted before running: a failed PRAGMA may still have changed something.
    const { traits } = prepared;
    if (traits.isTainting) this.#tainted = true;
    const changesSchema = traits.isDdl || traits.isTainting;
    try {
      return runStatement({
        prepared,
        bindArgs,
        wantRows: input.wantRows,
        readCounters: () => this.#readCounters(),
        columns: () => this.#columnsOf(prepared),
      });
    } finally {
      if (changesSchema) {
        this.#schemaEpoch.advance();
        if (this.#db.open && this.#db.inTransaction) this.#schemaChangedInTransaction = true;
      }
    }
  }

  /**
   * The statement's result columns, read from SQLite only when the file's schema may have
   * changed since they were last read: better-sqlite3's columns() builds five strings per
   * column and cost as much as a point select. Statements with `*` read them every time.
   */
  #columnsOf(prepared: PreparedStatement): readonly ResultColumn[] {
    const cache = prepared.columnCache;
    if (cache === undefined) return resultColumns(prepared.statement);
    const epoch = this.#schemaEpoch.value;
    if (cache.epoch !== epoch) {
      // Frozen: the same array is handed to every result of the statement.
      cache.columns = Object.freeze(resultColumns(prepared.statement));
      cache.epoch = epoch;
    }
    return cache.columns;
  }

  #readCounters(): ChangeCounters {
    if (this.#counters === undefined) {
      this.#counters = this.#db.prepare("SELECT total_changes(), changes(), last_insert_rowid()");
      this.#counters.safeIntegers(true);
      this.#counters.raw(true);
    }
    const [totalChanges, changes, lastInsertRowid] = this.#counters.get() as bigint[];
    return { totalChanges: totalChanges ?? 0n, changes: changes ?? 0n, lastInsertRowid: lastInsertRowid ?? 0n };
  }
}
