// One checked-out Postgres connection behind the SqlConnection interface: statement plans,
// argument binding, a savepoint around each statement inside a transaction, result reading,
// error normalising, and the state the pool needs to know about.
//
// Why the savepoints: Postgres aborts the whole transaction when one statement fails (every
// later statement gets 25P02 until ROLLBACK), while SQLite, libSQL and @libsql/client expect
// the transaction to go on. Inside a transaction each statement therefore runs
// as `SAVEPOINT g; <statement>; RELEASE g` in ONE round trip (one Sync), and a failure costs a
// second one (`ROLLBACK TO g; RELEASE g`). The price is a subtransaction per statement: cheap,
// but a transaction with more than 64 writing statements overflows Postgres's per-backend
// subtransaction cache, which slows snapshots of concurrent sessions (and replicas) while it lasts.
import { GatewayError } from "@baton/protocol-types";
import { setTimeout as delay } from "node:timers/promises";
import { resolveArguments } from "../argument-resolution.js";
import type { DescribeOutput, SqlConnection, StatementInput, StatementResult } from "../executor.js";
import type { LruCache } from "../lru-cache.js";
import type { TransactionControl } from "../sql-text/postgres-classifier.js";
import { splitPostgresStatements } from "../sql-text/postgres-splitter.js";
import { requestCancel } from "./cancel-request.js";
import { postgresError, sqlstateOf, UNAVAILABLE } from "./postgres-errors.js";
import { TYPE_LOOKUP_SQL, type PgTypeRegistry } from "./postgres-types.js";
import { fallbackParameterType, toWireArgument, valueReader } from "./postgres-values.js";
import { planStatement, type StatementPlan } from "./statement-plan.js";
import { WireExchange, type ExchangeOutcome, type StepResult, type WireStep } from "./wire-exchange.js";

/** The parts of a pooled node-pg client a connection uses. */
export interface PgClientLike {
  query(exchange: WireExchange): unknown;
  getTransactionStatus(): "I" | "T" | "E" | null;
  /** Back to the pool; `true` destroys the client instead. */
  release(destroy?: boolean): void;
  on(event: "error", listener: (error: Error) => void): unknown;
  removeListener(event: "error", listener: (error: Error) => void): unknown;
  readonly host?: string;
  readonly port?: number;
}

/** What the connections of one adapter share. */
export interface ConnectionShared {
  readonly types: PgTypeRegistry;
  readonly plans: LruCache<string, StatementPlan>;
}

export interface PostgresConnectionOptions {
  readonly client: PgClientLike;
  readonly shared: ConnectionShared;
  /** `SET search_path TO "<schema>"` for the tenant. */
  readonly searchPathSql: string;
}

/** How a statement is wrapped inside a transaction: `SAVEPOINT g; stmt; RELEASE g`, without the RELEASE, or not at all. */
type Guard = "wrap" | "open" | "none";

interface Attempt {
  readonly results: readonly StepResult[];
  /** `step` counts the caller's steps; -1 is the guard's SAVEPOINT. */
  readonly failure: { readonly step: number; readonly error: unknown } | null;
}

const GUARD = '"baton statement guard"';
const SAVEPOINT: WireStep = { sql: `SAVEPOINT ${GUARD}` };
const RELEASE: WireStep = { sql: `RELEASE SAVEPOINT ${GUARD}` };
const ROLLBACK_TO: WireStep = { sql: `ROLLBACK TO SAVEPOINT ${GUARD}` };
const TEXT_OID = 25;
const CANCEL_GRACE_MS = 2000;
const NO_ARGUMENTS = { args: [], namedArgs: [] } as const;
const EMPTY_RESULT: StatementResult = { columns: [], rows: [], affectedRowCount: 0, lastInsertRowid: null, rowsRead: 0, rowsWritten: 0 };
const CHANGES = /^(?:INSERT \d+|UPDATE|DELETE|MERGE) (\d+)$/;
const UNDETERMINED_PARAMETER = /parameter \$(\d+)/;

/**
 * The guard a statement needs inside a transaction. Statements that end the transaction or
 * create a savepoint cannot be wrapped (RELEASE g would release theirs too). RELEASE x and
 * ROLLBACK TO x destroy every later savepoint, our guard included, so they need no RELEASE g.
 */
function guardFor(control: TransactionControl | null): Guard {
  if (control === "end" || control === "savepoint") return "none";
  return control === "release" || control === "rollback-to" ? "open" : "wrap";
}

/** A pooled Postgres connection, checked out by one stream. */
export class PostgresConnection implements SqlConnection {
  readonly #client: PgClientLike;
  readonly #shared: ConnectionShared;
  readonly #searchPathSql: string;
  #status: "I" | "T" | "E" = "I";
  #tainted = false;
  #broken = false;
  /** Why the connection broke, when the client said so. */
  #lostBecause: Error | undefined;
  #closedBy: "release" | "shutdown" | undefined;
  #current: Promise<unknown> | undefined;
  readonly #onClientError = (error: Error): void => {
    this.#broken = true;
    this.#lostBecause ??= error;
  };

  constructor(options: PostgresConnectionOptions) {
    this.#client = options.client;
    this.#shared = options.shared;
    this.#searchPathSql = options.searchPathSql;
    // A checked-out client that loses its socket emits "error"; without a listener that
    // would crash the process. The connection is then broken and will be destroyed.
    this.#client.on("error", this.#onClientError);
  }

  execute(input: StatementInput): Promise<StatementResult> {
    return this.#exclusive(() => this.#execute(this.#plan(input.sql), input));
  }

  executeScript(sql: string): Promise<void> {
    return this.#exclusive(async () => {
      // Script statements are usually run once: keep them out of the plan cache.
      for (const text of splitPostgresStatements(sql)) await this.#execute(planStatement(text), { ...NO_ARGUMENTS, wantRows: false });
    });
  }

  describe(sql: string): Promise<DescribeOutput> {
    return this.#exclusive(() => this.#describe(this.#plan(sql)));
  }

  /** From Postgres's own transaction status (ReadyForQuery): 'I' is idle, 'T' and 'E' are in a transaction. */
  isAutocommit(): boolean {
    return this.#status === "I";
  }

  holdsSessionState(): boolean {
    return this.#status !== "I" || this.#tainted;
  }

  /** The client is unusable (lost socket, FATAL error, a statement that would not stop). */
  get broken(): boolean {
    return this.#broken;
  }

  get closed(): boolean {
    return this.#closedBy !== undefined;
  }

  /** Points the session at the tenant's schema (on this connection only). */
  setSearchPath(): Promise<void> {
    return this.#exclusive(async () => {
      const { failure } = await this.#attempt([{ sql: this.#searchPathSql }], "none");
      if (failure !== null) throw failure.error;
    });
  }

  /** Resolves once nothing runs on the connection, cancelling a running statement first. */
  async settle(): Promise<void> {
    const current = this.#current;
    if (current === undefined) return;
    void requestCancel(this.#client);
    const stop = new AbortController();
    const finished = await Promise.race([
      current.then(
        () => true,
        () => true,
      ),
      delay(CANCEL_GRACE_MS, false, { signal: stop.signal, ref: false }).catch(() => false),
    ]);
    stop.abort();
    if (!finished) this.#broken = true;
  }

  /**
   * Makes the session fit for another stream: rolls back an open transaction and, when the
   * session was tainted, runs DISCARD ALL. Returns whether the client may go back to the pool
   * and whether DISCARD ALL reset its search_path.
   *
   * DISCARD ALL also deallocates prepared statements; that is harmless because Baton never
   * prepares named statements (every Parse uses the unnamed statement: on a pool shared by
   * tenants, a plan cached for one schema would fail for another with "cached plan must not
   * change result type"). It closes cursors, drops temporary tables, releases session
   * advisory locks, UNLISTENs and resets every setting to the connection's startup values.
   */
  async resetForPool(): Promise<{ readonly reusable: boolean; readonly discarded: boolean }> {
    if (this.#broken || this.#closedBy !== undefined) return { reusable: false, discarded: false };
    try {
      if (this.#status !== "I") {
        const { failure } = await this.#attempt([{ sql: "ROLLBACK" }], "none");
        if (failure !== null || !this.isAutocommit()) return { reusable: false, discarded: false };
      }
      if (!this.#tainted) return { reusable: true, discarded: false };
      const { failure } = await this.#attempt([{ sql: "DISCARD ALL" }], "none");
      this.#tainted = false;
      return { reusable: failure === null && !this.#broken, discarded: true };
    } catch {
      return { reusable: false, discarded: false };
    }
  }

  /** Gives the client back to the pool, or destroys it. The connection cannot be used afterwards. */
  close(options: { reason: "release" | "shutdown"; destroy: boolean }): void {
    if (this.#closedBy !== undefined) return;
    this.#closedBy = options.reason;
    this.#client.removeListener("error", this.#onClientError);
    this.#client.release(options.destroy || this.#broken);
  }

  #plan(sql: string): StatementPlan {
    const cached = this.#shared.plans.get(sql);
    if (cached !== undefined) return cached;
    const plan = planStatement(sql);
    this.#shared.plans.set(sql, plan);
    return plan;
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closedBy === "shutdown") throw new GatewayError("SHUTTING_DOWN", "The database is shutting down");
    if (this.#closedBy === "release") throw new GatewayError("INTERNAL_ERROR", "Connection used after it was released");
    if (this.#broken) {
      const reason = this.#lostBecause === undefined ? "" : `: ${this.#lostBecause.message}`;
      throw new GatewayError(UNAVAILABLE, `The connection to the Postgres server was lost${reason}`, { cause: this.#lostBecause });
    }
    if (this.#current !== undefined) {
      throw new GatewayError("INTERNAL_ERROR", "Connection is already running a statement; callers must serialise");
    }
    const done = work();
    this.#current = done;
    try {
      return await done;
    } catch (error) {
      if (this.#closedBy === "shutdown") throw new GatewayError("SHUTTING_DOWN", "The database is shutting down", { cause: error });
      throw postgresError(error);
    } finally {
      this.#current = undefined;
    }
  }

  async #execute(plan: StatementPlan, input: Omit<StatementInput, "sql">): Promise<StatementResult> {
    if (plan.sql === null) return EMPTY_RESULT;
    const sql = plan.sql;
    const values = resolveArguments(plan.parameters, input);
    const wire = values.map((value, index) => toWireArgument(value, { index, referenced: plan.parameters.referenced[index] === true }));
    const bound = wire.map((argument) => argument.value);
    // Tainted before running: a failed SET may still have been half applied.
    if (plan.traits.isTainting) this.#tainted = true;
    // After RESET or DISCARD the startup search_path (empty) is back: point it at the tenant again.
    const after: WireStep[] = plan.traits.resetsSession ? [{ sql: this.#searchPathSql }] : [];
    const attempt = await this.#attemptTyped({
      types: wire.map((argument) => argument.type),
      fallback: (index) => fallbackParameterType(values[index]),
      guard: guardFor(plan.traits.control),
      steps: (types) => [{ sql, types, values: bound, keepRows: input.wantRows }, ...after],
    });
    const result = attempt.results[0];
    if (attempt.failure !== null || result === undefined) throw attempt.failure?.error;
    if (plan.traits.isCommit && result.command === "ROLLBACK") {
      throw new GatewayError("SQLITE_ABORT", "COMMIT rolled the transaction back: Postgres had aborted it after an earlier error");
    }
    return this.#toResult(result, input.wantRows);
  }

  async #describe(plan: StatementPlan): Promise<DescribeOutput> {
    const { traits } = plan;
    const described = { params: [...plan.parameters.names], isExplain: traits.isExplain, isDdl: traits.isDdl };
    if (plan.sql === null) return { ...described, columns: [], isReadonly: false };
    const sql = plan.sql;
    // Only a query's plan can tell whether it writes (a data-modifying CTE) or locks rows.
    const explain = traits.readonly === "plan";
    const attempt = await this.#attemptTyped({
      types: plan.parameters.referenced.map((referenced) => (referenced ? 0 : TEXT_OID)),
      fallback: () => TEXT_OID,
      // Nothing runs, so even transaction control can sit inside the guard.
      guard: "wrap",
      steps: (types) => [
        { sql, types, describeOnly: true },
        ...(explain ? [{ sql: `EXPLAIN (FORMAT JSON, COSTS OFF) ${sql}`, types, values: types.map(() => null), keepRows: true }] : []),
      ],
    });
    const [statement, plannedBy] = attempt.results;
    if (statement === undefined) throw attempt.failure?.error;
    await this.#learnTypes(statement.fields.map((field) => field.typeOid));
    const columns = statement.fields.map((field) => ({ name: field.name, decltype: this.#shared.types.get(field.typeOid).name }));
    const isReadonly = explain ? plannedBy !== undefined && !planWrites(plannedBy) : traits.readonly === true;
    return { ...described, columns, isReadonly };
  }

  /**
   * Runs steps whose first statement has parameters, declaring a parameter's type from its
   * argument when Postgres cannot infer it (42P18, as in `SELECT ? IS NULL`). Nothing ran when
   * Parse failed, so trying again is safe.
   */
  async #attemptTyped(options: {
    readonly types: readonly number[];
    readonly fallback: (index: number) => number;
    readonly guard: Guard;
    readonly steps: (types: readonly number[]) => WireStep[];
  }): Promise<Attempt> {
    const types = [...options.types];
    for (;;) {
      const attempt = await this.#attempt(options.steps(types), options.guard);
      const failure = attempt.failure;
      if (failure === null || failure.step !== 0 || sqlstateOf(failure.error) !== "42P18") return attempt;
      const match = UNDETERMINED_PARAMETER.exec((failure.error as Error).message);
      const index = match === null ? -1 : Number(match[1]) - 1;
      if (types[index] !== 0) return attempt;
      types[index] = options.fallback(index);
    }
  }

  /** One exchange, wrapped in the statement guard when inside a transaction. */
  async #attempt(steps: readonly WireStep[], guard: Guard): Promise<Attempt> {
    const wrapped = this.#status === "T" && guard !== "none";
    const offset = wrapped ? 1 : 0;
    const outcome = await this.#exchange(wrapped ? [SAVEPOINT, ...steps, ...(guard === "wrap" ? [RELEASE] : [])] : [...steps]);
    const results = outcome.results.slice(offset, offset + steps.length);
    if (outcome.failure === null) return { results, failure: null };
    if (wrapped && !this.#broken && outcome.failure.step >= offset) await this.#exchange([ROLLBACK_TO, RELEASE]);
    return { results, failure: { step: outcome.failure.step - offset, error: outcome.failure.error } };
  }

  async #exchange(steps: readonly WireStep[]): Promise<ExchangeOutcome> {
    const exchange = new WireExchange(steps);
    this.#client.query(exchange);
    const outcome = await exchange.done;
    // A broken connection keeps its last known status: a stream in a transaction stays pinned
    // to it and fails, instead of carrying on in autocommit on another connection.
    if (outcome.broken) this.#broken = true;
    else this.#status = this.#client.getTransactionStatus() ?? "I";
    return outcome;
  }

  async #toResult(step: StepResult, wantRows: boolean): Promise<StatementResult> {
    const oids = step.fields.map((field) => field.typeOid);
    await this.#learnTypes(oids);
    const types = this.#shared.types;
    const columns = oids.map((oid, i) => ({ name: step.fields[i]?.name ?? null, decltype: types.get(oid).name }));
    const readers = oids.map((oid) => valueReader(types.get(oid), types));
    const rows = wantRows ? step.rows.map((row) => row.map((text, i) => readers[i]?.(text) ?? null)) : [];
    const changes = Number(CHANGES.exec(step.command ?? "")?.[1] ?? 0);
    return { columns, rows, affectedRowCount: changes, lastInsertRowid: null, rowsRead: step.rowCount, rowsWritten: changes };
  }

  /** Looks up types the adapter has not met yet (user types, extension types, their arrays). */
  async #learnTypes(oids: readonly number[]): Promise<void> {
    const types = this.#shared.types;
    for (let round = 0; round < 4; round++) {
      const missing = types.missing(oids);
      if (missing.length === 0) return;
      const { results, failure } = await this.#attempt(
        [{ sql: TYPE_LOOKUP_SQL, types: [TEXT_OID], values: [`{${missing.join(",")}}`], keepRows: true }],
        "wrap",
      );
      // Without the lookup, values of unknown types are read as text and named by their OID.
      const rows = failure === null ? (results[0]?.rows ?? []) : [];
      types.learn(
        rows.map((row) => ({
          oid: Number(row[0]),
          name: row[1] ?? "",
          type: row[2] ?? "",
          category: row[3] ?? "",
          element: Number(row[4]),
          delimiter: row[5] ?? ",",
          baseType: Number(row[6]),
        })),
        missing,
      );
    }
  }
}

/** Whether an EXPLAIN (FORMAT JSON) plan modifies tables or locks rows (SELECT … FOR SHARE). */
function planWrites(step: StepResult): boolean {
  const visit = (node: unknown): boolean => {
    if (typeof node !== "object" || node === null) return false;
    const { "Node Type": type, Plans: children } = node as { "Node Type"?: unknown; Plans?: unknown };
    if (type === "ModifyTable" || type === "LockRows") return true;
    return Array.isArray(children) && children.some(visit);
  };
  try {
    const plans = JSON.parse(step.rows[0]?.[0] ?? "[]") as { Plan?: unknown }[];
    return plans.some((entry) => visit(entry.Plan));
  } catch {
    return true;
  }
}
