// The state a statement runs in: variables in nested frames, the current document (`$this`), the
// tenant's store when one is selected, and the session a function may ask about.
import { NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RecordStore } from "@baton/record-store";
import type { FunctionContext } from "../functions/function-types.js";
import type { Block, Expr, Statement } from "../syntax/ast.js";
import type { QueryHost } from "./query-host.js";

/** Nested variable frames: a block or function call opens a frame; LET writes to the innermost. */
export class VariableFrame {
  readonly #values = new Map<string, unknown>();
  readonly #parent: VariableFrame | undefined;

  constructor(parent?: VariableFrame, values?: Iterable<[string, unknown]>) {
    this.#parent = parent;
    if (values !== undefined) for (const [name, value] of values) this.#values.set(name, value);
  }

  /** The variable's value, or undefined when no frame has it. */
  lookup(name: string): { value: unknown } | undefined {
    if (this.#values.has(name)) return { value: this.#values.get(name) };
    return this.#parent?.lookup(name);
  }

  set(name: string, value: unknown): void {
    this.#values.set(name, value);
  }

  /** This frame's own variables, to put back with `restore` (a transaction run again starts over). */
  snapshot(): ReadonlyMap<string, unknown> {
    return new Map(this.#values);
  }

  restore(values: ReadonlyMap<string, unknown>): void {
    this.#values.clear();
    for (const [name, value] of values) this.#values.set(name, value);
  }

  child(values?: Iterable<[string, unknown]>): VariableFrame {
    return new VariableFrame(this, values);
  }
}

/** Nesting of subqueries, blocks and `fn::` calls allowed before a query is refused (no stack overflow). */
export const MAX_EXECUTION_DEPTH = 64;

/** What every expression of one statement shares. */
export interface ExecutionContext {
  readonly host: QueryHost;
  /** The tenant's records, inside the statement's transaction; undefined without a tenant. */
  readonly store: RecordStore | undefined;
  readonly functions: FunctionContext;
  /** The text the running statements were parsed from: DEFINE statements store their own slice of it. */
  readonly source: string;
  /** `USE` may change the session: only for a statement of the query itself, outside BEGIN … COMMIT. */
  readonly allowUse: boolean;
  /** When the statement must stop (ms since the epoch): a bound on work such as deep recursion. */
  readonly deadline: number;
  /**
   * Runs a statement used as a value (a subquery, a block's statement, a function body's) and
   * gives its value. Passed in rather than imported so expressions and statements do not import
   * each other.
   */
  readonly runStatement: (statement: Statement, scope: Scope) => Promise<unknown>;
  /** Runs a block (a function body) in the same way. */
  readonly runBlock: (block: Block, scope: Scope) => Promise<unknown>;
  /** Evaluates an expression (a closure's body) in the same way. */
  readonly evaluate: (expr: Expr, scope: Scope) => Promise<unknown>;
}

/** Where an expression is evaluated. */
export interface Scope {
  readonly context: ExecutionContext;
  readonly variables: VariableFrame;
  /** The current document (`$this`, bare field names); NONE outside a document. */
  readonly document: unknown;
  /** The enclosing statement's document (`$parent`). */
  readonly parent: unknown;
  readonly depth: number;
  /**
   * Inside a block or function body: RETURN ends that block (throws ReturnSignal) rather than
   * giving the statement's value. IF bodies inherit it, so RETURN inside IF leaves the block.
   */
  readonly returnable: boolean;
}

/** Thrown by RETURN inside a block, caught where the block ends; carries the returned value. */
export class ReturnSignal extends Error {
  constructor(readonly value: unknown) {
    super("RETURN outside a block");
  }
}

/** A scope with another current document (the outer one becomes `$parent`). */
export function withDocument(scope: Scope, document: unknown): Scope {
  return { ...scope, document, parent: scope.document };
}

/** A scope one level deeper (a subquery, block or function body), refused past MAX_EXECUTION_DEPTH. */
export function deeper(scope: Scope, variables: VariableFrame = scope.variables.child()): Scope {
  checkDeadline(scope.context);
  if (scope.depth >= MAX_EXECUTION_DEPTH) {
    throw RpcError.validation(`Reached excessive computation depth due to functions, subqueries, or futures (limit ${MAX_EXECUTION_DEPTH})`);
  }
  return { ...scope, variables, depth: scope.depth + 1 };
}

/** How long one statement may run: subqueries, blocks and `fn::` calls stop past it. */
export const STATEMENT_TIME_LIMIT_MS = 10_000;

/** SurrealDB's timeout error once the statement's deadline has passed. */
export function checkDeadline(context: ExecutionContext): void {
  if (Date.now() > context.deadline) {
    throw new RpcError("QUERY_TIMEOUT", `The query was not executed because it exceeded the timeout (${STATEMENT_TIME_LIMIT_MS / 1000} s per statement)`, { kind: "Query" });
  }
}

/** The store, or SurrealDB's error for a session that has not chosen a namespace and database. */
export function requireStore(scope: Scope): RecordStore {
  const store = scope.context.store;
  if (store === undefined) {
    const { namespace } = scope.context.host.session;
    throw namespace === undefined
      ? RpcError.validation("Specify a namespace to use", { kind: "NamespaceEmpty" })
      : RpcError.validation("Specify a database to use", { kind: "DatabaseEmpty" });
  }
  return store;
}

/** A fresh top-level scope for a statement. */
export function statementScope(context: ExecutionContext, variables: VariableFrame): Scope {
  return { context, variables, document: NONE, parent: NONE, depth: 0, returnable: false };
}
