// SurrealQL's arithmetic operators over values (SurrealDB 3's `TryAdd`, `TrySub`, … on `Value`):
// numbers, string concatenation, datetime and duration arithmetic, array and set concatenation
// and difference, object merge. Anything else fails with SurrealDB's "Cannot perform …" message.
import { Datetime, Duration, formatValue } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { applyArithmetic, applyPower, failedOperands, numberText, type ArithmeticOp } from "./number-arithmetic.js";
import { BUILD_LIMIT_BYTES, shallowSize } from "./build-limit.js";
import { valuesNotIn } from "./equality-classes.js";
import { isPlainObject } from "./plain-object.js";
import { asNumber, numberValue, type SurrealNumber } from "./surreal-number.js";
import {
  addDurations,
  datetimeDifference,
  divideDuration,
  scaleDuration,
  shiftDatetime,
  subtractDurations,
} from "./time-arithmetic.js";
import { sortedUnique } from "./value-order.js";
import { valueToRawString } from "./value-text.js";

const NAMES: Record<ArithmeticOp, string> = {
  add: "addition",
  subtract: "subtraction",
  multiply: "multiplication",
  divide: "division",
  remainder: "remainder",
};

/** SurrealDB's "Cannot perform addition with 'NONE' and '1'" for operands it cannot combine. */
function cannotPerform(op: ArithmeticOp, left: string, right: string): RpcError {
  return RpcError.validation(`Cannot perform ${NAMES[op]} with '${left}' and '${right}'`);
}

const failure = (op: ArithmeticOp, left: unknown, right: unknown) => cannotPerform(op, valueToRawString(left), valueToRawString(right));

function numbers(left: unknown, right: unknown): [SurrealNumber, SurrealNumber] | undefined {
  const [a, b] = [asNumber(left), asNumber(right)];
  return a && b ? [a, b] : undefined;
}

function numeric(op: ArithmeticOp, a: SurrealNumber, b: SurrealNumber): unknown {
  const result = applyArithmetic(op, a, b);
  if (result === undefined) throw cannotPerform(op, ...failedOperands(a, b));
  return numberValue(result);
}

const asSet = (items: Iterable<unknown>): Set<unknown> => new Set(sortedUnique(items));

const isCollection = (value: unknown): boolean => Array.isArray(value) || value instanceof Set;

/** Refuses a concatenation (two strings, two arrays or sets) whose result would pass the build limit, before building it. */
function limitConcatenation(left: unknown, right: unknown): void {
  const concatenates = (typeof left === "string" && typeof right === "string") || (isCollection(left) && isCollection(right));
  if (concatenates && shallowSize(left) + shallowSize(right) > BUILD_LIMIT_BYTES) {
    throw RpcError.validation(`Cannot perform addition: the result would exceed ${BUILD_LIMIT_BYTES} bytes`);
  }
}

/** `left + right`. */
export function addValues(left: unknown, right: unknown): unknown {
  const pair = numbers(left, right);
  if (pair) return numeric("add", ...pair);
  limitConcatenation(left, right);
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (left instanceof Datetime && right instanceof Duration) return shiftDatetime(left, right, 1);
  if (left instanceof Duration && right instanceof Datetime) return shiftDatetime(right, left, 1);
  if (left instanceof Duration && right instanceof Duration) return addDurations(left, right);
  if (Array.isArray(left) && Array.isArray(right)) return [...(left as unknown[]), ...(right as unknown[])];
  if (Array.isArray(left) && right instanceof Set) return [...(left as unknown[]), ...sortedUnique(right)];
  if (left instanceof Set && (right instanceof Set || Array.isArray(right))) return asSet([...(left as Set<unknown>), ...(right as Iterable<unknown>)]);
  if (isPlainObject(left) && isPlainObject(right)) return { ...left, ...right };
  throw failure("add", left, right);
}

/** `left - right`. */
export function subtractValues(left: unknown, right: unknown): unknown {
  const pair = numbers(left, right);
  if (pair) return numeric("subtract", ...pair);
  if (left instanceof Datetime && right instanceof Datetime) return datetimeDifference(left, right);
  if (left instanceof Datetime && right instanceof Duration) return shiftDatetime(left, right, -1);
  // SurrealDB reads `duration - datetime` as the datetime moved back by the duration.
  if (left instanceof Duration && right instanceof Datetime) return shiftDatetime(right, left, -1);
  if (left instanceof Duration && right instanceof Duration) return subtractDurations(left, right);
  if ((Array.isArray(left) || left instanceof Set) && (Array.isArray(right) || right instanceof Set)) {
    const kept = valuesNotIn([...left], [...right]);
    return Array.isArray(left) ? kept : asSet(kept);
  }
  throw failure("subtract", left, right);
}

/** `left * right`. */
export function multiplyValues(left: unknown, right: unknown): unknown {
  const pair = numbers(left, right);
  if (pair) return numeric("multiply", ...pair);
  const factor = asNumber(right);
  if (left instanceof Duration && factor) return scaleDuration(left, factor);
  throw failure("multiply", left, right);
}

/**
 * `left / right`. Ints divide to an int (`7 / 2` is 3, as SurrealDB 3's checked integer
 * division); a failed division of any kind — zero divisor, non-numbers — is NaN, not an error.
 */
export function divideValues(left: unknown, right: unknown): unknown {
  const pair = numbers(left, right);
  if (pair) {
    const result = applyArithmetic("divide", ...pair);
    return result === undefined ? Number.NaN : numberValue(result);
  }
  const divisor = asNumber(right);
  if (left instanceof Duration && divisor) return divideDuration(left, divisor) ?? Number.NaN;
  return Number.NaN;
}

/** `left % right`. */
export function remainderValues(left: unknown, right: unknown): unknown {
  const pair = numbers(left, right);
  if (pair) return numeric("remainder", ...pair);
  throw failure("remainder", left, right);
}

/** `left ** right`. */
export function powerValues(left: unknown, right: unknown): unknown {
  const pair = numbers(left, right);
  if (!pair) throw RpcError.validation(`Cannot raise the value '${valueToRawString(left)}' with '${valueToRawString(right)}'`);
  return powerNumbers(...pair);
}

/** `base ** exponent` of two numbers (also `math::pow`), failing with SurrealDB's message where its power fails. */
export function powerNumbers(base: SurrealNumber, exponent: SurrealNumber): unknown {
  const result = applyPower(base, exponent);
  if (result === undefined) throw RpcError.validation(`Cannot raise the value '${numberText(base)}' with '${numberText(exponent)}'`);
  return numberValue(result);
}

/** Unary minus: numbers only (`-(1s)` is "Cannot negate the value '1s'"). */
export function negateValue(value: unknown): unknown {
  const number = asNumber(value);
  if (number === undefined) throw RpcError.validation(`Cannot negate the value '${formatValue(value)}'`);
  const negated = applyArithmetic("subtract", { kind: "int", value: 0n }, number);
  if (number.kind === "float") return -number.value;
  if (negated === undefined) throw RpcError.validation(`Cannot negate the value '${numberText(number)}'`);
  return numberValue(negated);
}
