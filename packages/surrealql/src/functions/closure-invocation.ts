// How a built-in function runs a closure argument: through the executor's `callClosure` callback
// in its FunctionContext, one element at a time and in order (a closure body may write).
import { RpcError } from "@baton/protocol-types/rpc";
import type { Closure } from "../values/closure-value.js";
import { isTruthy } from "../values/truthiness.js";
import type { FunctionContext } from "./function-types.js";

/** The closure's value for `args`; refused where no executor runs the function. */
export function invokeClosure(context: FunctionContext, call: { closure: Closure; args: readonly unknown[] }): Promise<unknown> {
  if (context.callClosure === undefined) throw RpcError.validation("Closures can only be called inside a query");
  return context.callClosure(call.closure, call.args);
}

/** The closure's value for each item (called with the item and its index), in order. */
export async function mapItems(context: FunctionContext, options: { list: readonly unknown[]; closure: Closure }): Promise<unknown[]> {
  const { list, closure } = options;
  const results: unknown[] = [];
  for (const [index, item] of list.entries()) results.push(await invokeClosure(context, { closure, args: [item, index] }));
  return results;
}

interface ItemSearch {
  readonly list: readonly unknown[];
  readonly closure: Closure;
  /** The first index looked at (0 when absent). */
  readonly from?: number;
  /** Look for the first item for which the closure is falsy instead (`array::all`). */
  readonly falsy?: boolean;
}

/** The index of the first item for which the closure is truthy (or falsy), or -1. */
export async function findItemIndex(context: FunctionContext, options: ItemSearch): Promise<number> {
  const { list, closure } = options;
  const wanted = options.falsy !== true;
  for (let index = options.from ?? 0; index < list.length; index++) {
    if (isTruthy(await invokeClosure(context, { closure, args: [list[index], index] })) === wanted) return index;
  }
  return -1;
}

/** The indexes of every item for which the closure is truthy. */
export async function matchingIndexes(context: FunctionContext, options: ItemSearch): Promise<number[]> {
  const indexes: number[] = [];
  for (let index = await findItemIndex(context, options); index >= 0; index = await findItemIndex(context, { ...options, from: index + 1 })) {
    indexes.push(index);
  }
  return indexes;
}

/** `array::fold`: the accumulator through the closure (called with it, the item and its index), from `initial`. */
export async function foldItems(context: FunctionContext, options: { list: readonly unknown[]; closure: Closure; initial: unknown; from?: number }): Promise<unknown> {
  const { list, closure } = options;
  let accumulator = options.initial;
  for (let index = options.from ?? 0; index < list.length; index++) {
    accumulator = await invokeClosure(context, { closure, args: [accumulator, list[index], index] });
  }
  return accumulator;
}
