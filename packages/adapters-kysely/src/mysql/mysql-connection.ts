// One checkout of a MySQL connection behind the SqlConnection interface: statement planning,
// argument inlining, result decoding, error normalising, and the session state the pool and
// the Hrana layer need (transaction flag from the server, settings left by statements).
//
// Statements run over the text protocol with arguments inlined as literals of their exact type
// (mysql-literals.ts), not as server-side prepared statements: every statement MySQL accepts
// can run (many cannot be prepared: ER_UNSUPPORTED_PS), a bigint stays BIGINT and a float
// DOUBLE (mysql2 would bind both loosely), `LIMIT ?` takes a client's float, there is one round
// trip per statement and no prepared-statement handles to leak or count against
// max_prepared_stmt_count. Results carry the same column definitions either way.
import { GatewayError } from "@baton/protocol-types";
import type { DescribeOutput, SqlConnection, StatementInput, StatementResult } from "../executor.js";
import { resolveArguments } from "../argument-resolution.js";
import { positionalSql } from "../sql-text/mysql-placeholders.js";
import { decodeRows, resultColumn } from "./mysql-columns.js";
import { ER_UNSUPPORTED_PS, errnoOf, isConnectionError, mysqlError, UNAVAILABLE } from "./mysql-errors.js";
import { inlineArguments } from "./mysql-literals.js";
import { ServerStatus, type PhysicalConnection, type QueryOutcome } from "./physical-connection.js";
import { planScript, type PlanOptions, type StatementPlan, type StatementPlanner } from "./statement-plan.js";

const INT64_MAX = 2n ** 63n - 1n;
const NO_ARGUMENTS = { args: [], namedArgs: [], wantRows: false } as const;

export interface MysqlConnectionOptions {
  readonly physical: PhysicalConnection;
  readonly planner: StatementPlanner;
  /** How long the status check after a failure may take before the connection is given up. */
  readonly commandTimeoutMs: number;
  /** True once the adapter is shutting down. */
  readonly isShutdown: () => boolean;
}

/** What release() needs to know when the checkout ends. */
export interface Detached {
  readonly physical: PhysicalConnection;
  /** A statement was still running: the connection's state is unknown. */
  readonly busy: boolean;
  /** The session holds something the next user must not inherit (transaction, settings, …). */
  readonly needsReset: boolean;
}

/** A checked-out MySQL connection; a new one per acquire(), dead after release(). */
export class MysqlConnection implements SqlConnection {
  readonly #physical: PhysicalConnection;
  readonly #planner: StatementPlanner;
  readonly #commandTimeoutMs: number;
  readonly #isShutdown: () => boolean;
  /** A statement left session state (SET, USE, temporary tables, locks, user variables, …). */
  #tainted = false;
  #ended: "release" | "shutdown" | undefined;
  #running: Promise<unknown> | undefined;

  constructor(options: MysqlConnectionOptions) {
    this.#physical = options.physical;
    this.#planner = options.planner;
    this.#commandTimeoutMs = options.commandTimeoutMs;
    this.#isShutdown = options.isShutdown;
  }

  execute(input: StatementInput): Promise<StatementResult> {
    return this.#exclusive(() => this.#run(this.#planner.plan(input.sql, this.#planOptions()), input));
  }

  executeScript(sql: string): Promise<void> {
    return this.#exclusive(async () => {
      for (const plan of planScript(sql, this.#planOptions())) await this.#run(plan, NO_ARGUMENTS);
    });
  }

  describe(sql: string): Promise<DescribeOutput> {
    return this.#exclusive(async () => {
      const plan = this.#planner.plan(sql, this.#planOptions());
      const { traits, placeholders } = plan;
      return {
        params: [...placeholders.table.names],
        columns: await this.#describeColumns(positionalSql(placeholders)),
        isExplain: traits.isExplain,
        isReadonly: traits.isReadonly,
        isDdl: traits.isDdl,
      };
    });
  }

  /**
   * Outside a transaction, by the server's own flags. A connection lost inside a transaction
   * still reports it: the stream stays on this connection and fails, rather than going on in
   * autocommit elsewhere as if its transaction were still open.
   */
  isAutocommit(): boolean {
    const status = this.#physical.status;
    if (status === undefined) return true;
    return (status & ServerStatus.AUTOCOMMIT) !== 0 && (status & ServerStatus.IN_TRANS) === 0;
  }

  holdsSessionState(): boolean {
    return !this.isAutocommit() || this.#tainted || this.#physical.sessionChanged;
  }

  get ended(): boolean {
    return this.#ended !== undefined;
  }

  /** Ends the checkout: later calls fail (INTERNAL_ERROR, or SHUTTING_DOWN for "shutdown"). */
  detach(reason: "release" | "shutdown"): Detached {
    this.#ended ??= reason;
    const status = this.#physical.status;
    return {
      physical: this.#physical,
      busy: this.#running !== undefined,
      needsReset: status === undefined || this.holdsSessionState(),
    };
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#ended === "shutdown" || this.#isShutdown()) throw new GatewayError("SHUTTING_DOWN", "The database is shutting down");
    if (this.#ended === "release") throw new GatewayError("INTERNAL_ERROR", "Connection used after it was released");
    if (!this.#physical.alive) throw new GatewayError(UNAVAILABLE, "The connection to the MySQL server was lost");
    if (this.#running !== undefined) {
      throw new GatewayError("INTERNAL_ERROR", "Connection is already running a statement; callers must serialise");
    }
    const running = work();
    this.#running = running;
    try {
      return await running;
    } finally {
      this.#running = undefined;
    }
  }

  #planOptions(): PlanOptions {
    const status = this.#physical.status ?? 0;
    return { backslashEscapes: (status & ServerStatus.NO_BACKSLASH_ESCAPES) === 0 };
  }

  async #run(plan: StatementPlan, input: Omit<StatementInput, "sql">): Promise<StatementResult> {
    const values = resolveArguments(plan.placeholders.table, input);
    const text = inlineArguments(plan.placeholders, values, this.#planOptions());
    // Tainted before running: a failed SET may still have changed something.
    if (plan.traits.isTainting) this.#tainted = true;
    let outcome: QueryOutcome;
    try {
      outcome = await this.#physical.query(text);
    } catch (error) {
      await this.#afterFailure(error);
      throw mysqlError(error);
    }
    // A statement that returns rows ends without an OK packet, so its flags are not seen: with
    // autocommit on it cannot have opened or closed a transaction (and with autocommit off the
    // session counts as inside one anyway).
    return statementResult(outcome, plan, input.wantRows);
  }

  /** Whether the session's autocommit setting is on (SET autocommit = 0 turns it off). */
  #autocommitMode(): boolean {
    return ((this.#physical.status ?? ServerStatus.AUTOCOMMIT) & ServerStatus.AUTOCOMMIT) !== 0;
  }

  /**
   * An error packet carries no status flags, yet a failure can end a transaction: a deadlock
   * rolls it back, and a failed DDL statement has already committed it. So ask again whenever
   * the session was in one. (With autocommit off it counts as inside one whatever happens.)
   */
  async #afterFailure(error: unknown): Promise<void> {
    if (isConnectionError(error) || !this.#physical.alive) return;
    if (this.isAutocommit() || !this.#autocommitMode()) return;
    await this.#refreshStatus();
  }

  async #refreshStatus(): Promise<void> {
    try {
      await this.#physical.refreshStatus({ timeoutMs: this.#commandTimeoutMs });
    } catch {
      // A connection that cannot answer is dead, and its stream fails from now on.
    }
  }

  async #describeColumns(sql: string): Promise<DescribeOutput["columns"]> {
    try {
      const statement = await this.#physical.prepare(sql);
      return statement.columns.map((column) => ({ name: column.name, decltype: resultColumn(column).decltype }));
    } catch (error) {
      // Statements MySQL cannot prepare still run; they just describe no columns.
      if (errnoOf(error) === ER_UNSUPPORTED_PS) return [];
      throw mysqlError(error);
    }
  }
}

// Rows are what the statement returned; rowsWritten is the number of rows it changed.
function statementResult(outcome: QueryOutcome, plan: StatementPlan, wantRows: boolean): StatementResult {
  const [resultSet] = outcome.resultSets;
  const rowCount = resultSet?.rows.length ?? 0;
  const columns = resultSet?.columns.map(resultColumn) ?? [];
  const rows = wantRows && resultSet !== undefined ? decodeRows(resultSet.columns, resultSet.rows) : [];
  const { ok } = outcome;
  // INSERT/DELETE … RETURNING reports no OK packet: each returned row is a changed row.
  const affected = ok !== undefined ? Number(ok.affectedRows) : plan.traits.isReadonly ? 0 : rowCount;
  // MySQL reports the FIRST id a multi-row insert generated (SQLite the last); 0 means none.
  const insertId = ok?.insertId ?? 0n;
  const lastInsertRowid = insertId > 0n && insertId <= INT64_MAX ? insertId : null;
  return { columns, rows, affectedRowCount: affected, lastInsertRowid, rowsRead: rowCount, rowsWritten: affected };
}
