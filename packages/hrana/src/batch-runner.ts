// Runs a Hrana batch: steps in order, each guarded by its condition; a failed step does not stop
// the batch, later conditions decide. Conditions are checked before anything runs.
import type { SqlConnection } from "@baton/adapters-kysely";
import { GatewayError, toGatewayError } from "@baton/protocol-types";
import type { Batch, BatchCond, BatchResult, HranaError, StmtResult } from "@baton/protocol-types/hrana";
import type { SqlStore } from "@baton/session-core";
import { isImmediateConnection } from "./immediate-execution.js";
import { resolveSql } from "./sql-source.js";
import { errorToWire, stmtResultToWire, stmtToInput } from "./wire-mapping.js";

/** Refuses conditions that name the current or a later step, and `is_autocommit` before Hrana 3. */
export function checkBatch(batch: Batch, version: number): void {
  batch.steps.forEach((step, index) => {
    if (step.condition != null) checkCond(step.condition, { index, version });
  });
}

type CondType = BatchCond["type"];
type CondOf<K extends CondType> = Extract<BatchCond, { type: K }>;
type Position = { readonly index: number; readonly version: number };

function checkStepRef(c: { readonly step: number }, at: Position): void {
  if (c.step >= at.index) {
    throw new GatewayError(
      "PROTOCOL_ERROR",
      `The condition of batch step ${at.index} refers to step ${c.step}, which has not run before it`,
    );
  }
}

/** One checker per condition type (the table's type makes a missing one a type error). */
const checkers: { readonly [K in CondType]: (cond: CondOf<K>, at: Position) => void } = {
  ok: checkStepRef,
  error: checkStepRef,
  not: (c, at) => checkCond(c.cond, at),
  and: (c, at) => c.conds.forEach((inner) => checkCond(inner, at)),
  or: (c, at) => c.conds.forEach((inner) => checkCond(inner, at)),
  is_autocommit: (_c, at) => {
    if (at.version < 3) throw new GatewayError("VERSION_MISMATCH", "The is_autocommit condition needs Hrana 3");
  },
};

function checkCond(cond: BatchCond, at: Position): void {
  (checkers[cond.type] as (cond: BatchCond, at: Position) => void)(cond, at);
}

interface StepOutcomes {
  readonly results: (StmtResult | null)[];
  readonly errors: (HranaError | null)[];
  readonly connection: SqlConnection;
}

const evaluators: { readonly [K in CondType]: (cond: CondOf<K>, outcomes: StepOutcomes) => boolean } = {
  ok: (c, outcomes) => outcomes.results[c.step] != null,
  error: (c, outcomes) => outcomes.errors[c.step] != null,
  not: (c, outcomes) => !evalCond(c.cond, outcomes),
  and: (c, outcomes) => c.conds.every((inner) => evalCond(inner, outcomes)),
  or: (c, outcomes) => c.conds.some((inner) => evalCond(inner, outcomes)),
  is_autocommit: (_c, outcomes) => outcomes.connection.isAutocommit(),
};

function evalCond(cond: BatchCond, outcomes: StepOutcomes): boolean {
  return (evaluators[cond.type] as (cond: BatchCond, outcomes: StepOutcomes) => boolean)(cond, outcomes);
}

/** Runs every step on `connection` and reports each as a result, an error, or skipped (both null). */
export async function runBatch(
  connection: SqlConnection,
  options: { batch: Batch; store: SqlStore | undefined },
): Promise<BatchResult> {
  const steps = options.batch.steps;
  const outcomes: StepOutcomes = {
    results: new Array<StmtResult | null>(steps.length).fill(null),
    errors: new Array<HranaError | null>(steps.length).fill(null),
    connection,
  };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Batch["steps"][number];
    if (step.condition != null && !evalCond(step.condition, outcomes)) continue;
    try {
      const input = stmtToInput(step.stmt, resolveSql(step.stmt, options.store));
      // Synchronously where the connection can: a batch of small statements then costs no
      // promise hops per step.
      const now = isImmediateConnection(connection) ? connection.executeNow(input) : undefined;
      outcomes.results[i] = stmtResultToWire(now ?? (await connection.execute(input)));
    } catch (error) {
      outcomes.errors[i] = errorToWire(toGatewayError(error));
    }
  }
  return { step_results: outcomes.results, step_errors: outcomes.errors };
}
