// Functions outside a family: `count`, `not`, `sleep`, `value::diff` and `value::patch`.
import { setTimeout as wait } from "node:timers/promises";
import { NONE } from "@baton/codecs";
import { applyPatch, diffValues, parsePatch } from "../values/json-patch.js";
import { totalNanos } from "../values/time-arithmetic.js";
import { isTruthy } from "../values/truthiness.js";
import { anyValue, duration, optional } from "./argument-kinds.js";
import { ArgumentProblem, defineFunctions, fn } from "./function-definition.js";
import type { FunctionTable } from "./function-types.js";

/**
 * The longest `sleep()` Baton runs. SurrealDB bounds a sleep by the query's timeout; a gateway
 * holding a pooled connection has a tighter budget, so longer sleeps are refused, not shortened.
 */
const MAX_SLEEP_MS = 10_000;

/** `count()` is 1; `count(array)` and `count(set)` count truthy items; `count(value)` is 1 if truthy, else 0. */
function count(value: unknown): number {
  if (value === undefined) return 1;
  if (Array.isArray(value) || value instanceof Set) return [...(value as Iterable<unknown>)].filter(isTruthy).length;
  return isTruthy(value) ? 1 : 0;
}

export const miscFunctions: FunctionTable = defineFunctions({
  count: fn([optional(anyValue)], ([value]) => count(value)),
  not: fn([anyValue], ([value]) => !isTruthy(value)),
  sleep: fn([duration], async ([length]) => {
    const ms = Number(length.seconds * 1000n) + length.nanoseconds / 1_000_000;
    if (totalNanos(length) > BigInt(MAX_SLEEP_MS) * 1_000_000n) {
      throw new ArgumentProblem(`Baton sleeps at most ${MAX_SLEEP_MS / 1000}s in one call`);
    }
    await wait(ms);
    return NONE;
  }),
  "value::diff": fn([anyValue, anyValue], ([before, after]) => diffValues(before, after)),
  "value::patch": fn([anyValue, anyValue], ([value, operations]) => applyPatch(value, parsePatch(operations))),
});
