// Runs a parsed query and answers one result per statement, as SurrealDB's `query` does (reference
// section 4): each statement in a transaction of its own, so a failing one does not stop the rest;
// statements between BEGIN and COMMIT in one transaction that fails or commits as a whole.
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { SchemaChangeRefused, type RecordStore } from "@baton/record-store";
import type { Query, Statement } from "../syntax/ast.js";
import { closuresAsText, closuresMade } from "../values/closure-value.js";
import { STATEMENT_TIME_LIMIT_MS, statementScope, VariableFrame, type ExecutionContext } from "./execution-scope.js";
import { evaluate, runBlock } from "./expression-evaluator.js";
import type { QueryHost } from "./query-host.js";
import { needsStore, readOnly } from "./statement-needs.js";
import { runStatement } from "./statement-runner.js";
import { statementTime } from "./statement-time.js";

/** One statement's entry in a `query` result. */
export type StatementResult =
  | { readonly status: "OK"; readonly time: string; readonly type: unknown; readonly result: unknown }
  | {
      readonly status: "ERR";
      readonly time: string;
      readonly type: unknown;
      /** The error message. */
      readonly result: string;
      readonly kind: string;
      readonly details?: unknown;
    };

export interface QueryRun {
  readonly text: string;
  readonly query: Query;
  readonly host: QueryHost;
  /** The session's variables with the call's own laid over them. */
  readonly variables: ReadonlyMap<string, unknown>;
  /** Turns any error (a driver's too) into the RpcError the client sees. */
  readonly toRpcError: (error: unknown) => RpcError;
}

/** Variables every statement may use without a store (SurrealDB's system variables). */
const SYSTEM_VARIABLES: ReadonlySet<string> = new Set(["this", "self", "parent", "auth", "token", "session"]);

/** The context statements of one query (or one `run` call) share. */
export function executionContext(options: {
  host: QueryHost;
  store: RecordStore | undefined;
  source: string;
  allowUse?: boolean;
}): ExecutionContext {
  const { host, store, source } = options;
  return {
    host,
    store,
    source,
    allowUse: options.allowUse === true,
    deadline: Date.now() + STATEMENT_TIME_LIMIT_MS,
    functions: {
      session: host.session,
      recordExists: store === undefined ? undefined : async (id) => (await store.get(id)) !== undefined,
    },
    runStatement,
    runBlock,
    evaluate,
  };
}

/** Signals that a BEGIN … COMMIT block must roll back (a statement failed, or CANCEL). */
class RollBack extends Error {
  constructor() {
    super("The transaction rolls back");
  }
}

const FAILED_TRANSACTION = "The query was not executed due to a failed transaction";
const CANCELLED_TRANSACTION = "The query was not executed due to a cancelled transaction";

function ok(result: unknown, started: bigint): StatementResult {
  return { status: "OK", time: statementTime(started), type: NONE, result };
}

function failed(error: RpcError, started: bigint): StatementResult {
  const entry = { status: "ERR" as const, time: statementTime(started), type: NONE, result: error.message, kind: error.kind };
  return error.details === undefined ? entry : { ...entry, details: error.details };
}

function notExecuted(message: string): StatementResult {
  return { status: "ERR", time: statementTime(process.hrtime.bigint()), type: NONE, result: message, kind: "Query", details: { kind: "NotExecuted" } };
}

export class QueryRunner {
  readonly #run: QueryRun;
  readonly #variables: VariableFrame;

  constructor(run: QueryRun) {
    this.#run = run;
    this.#variables = new VariableFrame(undefined, run.variables);
  }

  #context(store: RecordStore | undefined, allowUse: boolean): ExecutionContext {
    return executionContext({ host: this.#run.host, store, source: this.#run.text, allowUse });
  }

  #known = (name: string) => SYSTEM_VARIABLES.has(name) || this.#variables.lookup(name) !== undefined;

  /** Runs one statement on `store` (undefined: without one). */
  #execute(statement: Statement, options: { store: RecordStore | undefined; allowUse: boolean }): Promise<unknown> {
    return runStatement(statement, statementScope(this.#context(options.store, options.allowUse), this.#variables));
  }

  /** An error as the client sees it; a stack overflow (a very long operator chain) as a clear one. */
  #rpcError(error: unknown): RpcError {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return this.#run.toRpcError(RpcError.validation("The query is nested or chained too deeply to run"));
    }
    return this.#run.toRpcError(error);
  }

  /**
   * Runs `work` so that a run the store starts again (after a schema change it had to make
   * outside the transaction) sees the variables as they were before the first run.
   */
  #repeatable<T>(work: (store: RecordStore) => Promise<T>): (store: RecordStore) => Promise<T> {
    const before = this.#variables.snapshot();
    return (store) => {
      this.#variables.restore(before);
      return work(store);
    };
  }

  /** One statement on its own: in a transaction of its own when it needs the store. */
  async #single(statement: Statement): Promise<StatementResult> {
    const started = process.hrtime.bigint();
    try {
      const { host } = this.#run;
      const value =
        host.hasTenant() && needsStore(statement, this.#known)
          ? await host.withStore(this.#repeatable((store) => this.#execute(statement, { store, allowUse: true })), { readOnly: readOnly(statement) })
          : await this.#execute(statement, { store: undefined, allowUse: true });
      return ok(value, started);
    } catch (error) {
      return failed(this.#rpcError(error), started);
    }
  }

  /** BEGIN … COMMIT/CANCEL: every statement in one transaction, all kept or none. */
  async #block(statements: readonly Statement[], end: "commit" | "cancel" | "missing"): Promise<StatementResult[]> {
    const { host } = this.#run;
    const before = this.#variables.snapshot();
    let results: StatementResult[] = [];
    let failure = -1;
    const work = async (store: RecordStore | undefined) => {
      // The store may run this again after a schema change it had to make outside the transaction.
      results = [];
      failure = -1;
      for (const [index, statement] of statements.entries()) {
        const started = process.hrtime.bigint();
        try {
          results.push(ok(await this.#execute(statement, { store, allowUse: false }), started));
        } catch (error) {
          if (error instanceof SchemaChangeRefused) throw error;
          results.push(failed(this.#rpcError(error), started));
          failure = index;
          break;
        }
      }
      if (failure >= 0 || end !== "commit") throw new RollBack();
    };
    try {
      if (host.hasTenant()) await host.withStore(this.#repeatable(work), { readOnly: false });
      else await work(undefined);
    } catch (error) {
      // Nothing of a block that did not commit is kept: its LETs neither.
      this.#variables.restore(before);
      if (!(error instanceof RollBack)) {
        const rpcError = this.#rpcError(error);
        return statements.map(() => failed(rpcError, process.hrtime.bigint()));
      }
      if (failure < 0) return statements.map(() => notExecuted(CANCELLED_TRANSACTION));
      return statements.map((_, index) => (index === failure ? (results[index] ?? notExecuted(FAILED_TRANSACTION)) : notExecuted(FAILED_TRANSACTION)));
    }
    return results;
  }

  /**
   * Inside the call's interactive transaction (`txn`): the whole query runs as one unit on it, so
   * no other request on that transaction comes between its statements; each statement is a
   * savepoint of its own, rolled back alone when it fails. BEGIN is refused there.
   */
  async #inTransaction(parts: readonly QueryPart[]): Promise<StatementResult[]> {
    const results: StatementResult[] = [];
    await this.#run.host.withStore(async (store) => {
      results.length = 0;
      for (const part of parts) {
        if (part.kind === "block") {
          results.push(...part.statements.map(() => notExecuted("BEGIN is not allowed inside the call's transaction (txn): its statements already run in one")));
          continue;
        }
        const started = process.hrtime.bigint();
        try {
          results.push(ok(await store.transaction(() => this.#execute(part.statement, { store, allowUse: true })), started));
        } catch (error) {
          results.push(failed(this.#rpcError(error), started));
        }
      }
    }, { readOnly: false });
    return results;
  }

  /** Every statement's result, in order. */
  async run(): Promise<StatementResult[]> {
    const closuresBefore = closuresMade();
    const parts = queryParts(this.#run.query.statements);
    let results: StatementResult[];
    if (this.#run.host.inTransaction) results = await this.#inTransaction(parts);
    else {
      results = [];
      for (const part of parts) {
        if (part.kind === "single") results.push(await this.#single(part.statement));
        else results.push(...(await this.#block(part.statements, part.end)));
      }
    }
    // No wire format has a closure: one a statement answers reads as its text. Results are walked
    // for them only when closures were made while the query ran (large SELECTs pay nothing).
    if (closuresMade() === closuresBefore) return results;
    return results.map((entry) => (entry.status === "OK" ? { ...entry, result: closuresAsText(entry.result) } : entry));
  }
}

/** A query cut into statements on their own and BEGIN … COMMIT/CANCEL blocks. */
type QueryPart =
  | { readonly kind: "single"; readonly statement: Statement }
  | { readonly kind: "block"; readonly statements: readonly Statement[]; readonly end: "commit" | "cancel" | "missing" };

function queryParts(statements: readonly Statement[]): QueryPart[] {
  const parts: QueryPart[] = [];
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index] as Statement;
    if (statement.kind === "commit" || statement.kind === "cancel") continue; // without BEGIN: nothing to end
    if (statement.kind !== "begin") {
      parts.push({ kind: "single", statement });
      continue;
    }
    const block: Statement[] = [];
    let end: "commit" | "cancel" | "missing" = "missing";
    for (index++; index < statements.length; index++) {
      const inner = statements[index] as Statement;
      if (inner.kind === "commit" || inner.kind === "cancel") {
        end = inner.kind;
        break;
      }
      block.push(inner);
    }
    parts.push({ kind: "block", statements: block, end });
  }
  return parts;
}
