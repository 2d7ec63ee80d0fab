// Datetime and duration arithmetic as SurrealDB 3 does it: durations are unsigned (a negative
// result is an error), at most 2^64 − 1 seconds, and scale by non-negative numbers.
import { Datetime, Duration, formatDatetime } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { decimalFromBigInt, multiplyDecimals, divideDecimals, truncateDecimal } from "./decimal-arithmetic.js";
import { arithmeticOverflow, numberText } from "./number-arithmetic.js";
import type { SurrealNumber } from "./surreal-number.js";

export const NANOS_PER_SECOND = 1_000_000_000n;
const MAX_DURATION_NANOS = (2n ** 64n - 1n) * NANOS_PER_SECOND + (NANOS_PER_SECOND - 1n);

/** A duration's length, or a datetime's time since the Unix epoch, in nanoseconds. */
export const totalNanos = (value: Duration | Datetime): bigint => value.seconds * NANOS_PER_SECOND + BigInt(value.nanoseconds);

/** Whole seconds (rounded down) and the nanoseconds left over, as Datetime and Duration hold them. */
function floorDivMod(value: bigint): [bigint, number] {
  let seconds = value / NANOS_PER_SECOND;
  let rest = value % NANOS_PER_SECOND;
  if (rest < 0n) {
    seconds -= 1n;
    rest += NANOS_PER_SECOND;
  }
  return [seconds, Number(rest)];
}

/** The instant `value` nanoseconds from the Unix epoch (before it when negative). */
export const datetimeFromNanos = (value: bigint): Datetime => new Datetime(...floorDivMod(value));
/** A duration of `value` (non-negative) nanoseconds. */
export const durationFromNanos = (value: bigint): Duration => new Duration(...floorDivMod(value));

const negative = (expression: string) =>
  RpcError.validation(`Failed to compute: "${expression}", as the operation results in a negative value.`);

/** A duration of `nanos`, or SurrealDB's error naming `expression` when no duration is that long or it is negative. */
export function checkedDuration(nanos: bigint, expression: string): Duration {
  if (nanos < 0n) throw negative(expression);
  if (nanos > MAX_DURATION_NANOS) throw arithmeticOverflow(expression);
  return durationFromNanos(nanos);
}

export function addDurations(a: Duration, b: Duration): Duration {
  return checkedDuration(totalNanos(a) + totalNanos(b), `${a.toString()} + ${b.toString()}`);
}

export function subtractDurations(a: Duration, b: Duration): Duration {
  return checkedDuration(totalNanos(a) - totalNanos(b), `${a.toString()} - ${b.toString()}`);
}

export function shiftDatetime(datetime: Datetime, duration: Duration, direction: 1 | -1): Datetime {
  return datetimeFromNanos(totalNanos(datetime) + BigInt(direction) * totalNanos(duration));
}

/** `a - b` of two datetimes: the duration between them; an error when `b` is later. */
export function datetimeDifference(a: Datetime, b: Datetime): Duration {
  return checkedDuration(totalNanos(a) - totalNanos(b), `${formatDatetime(a)} - ${formatDatetime(b)}`);
}

const U32_MAX = 2n ** 32n - 1n;

/** `duration * number` (ints up to 2^32 − 1, floats and decimals, none negative). */
export function scaleDuration(duration: Duration, factor: SurrealNumber): Duration {
  const expression = `${duration.toString()} * ${numberText(factor)}`;
  switch (factor.kind) {
    case "int":
      if (factor.value < 0n) throw RpcError.validation("Cannot multiply a duration with a negative number");
      if (factor.value > U32_MAX) throw RpcError.validation("out of range integral type conversion attempted");
      return checkedDuration(totalNanos(duration) * factor.value, expression);
    case "float":
      if (!Number.isFinite(factor.value) || factor.value < 0) {
        throw RpcError.validation("Cannot multiply a duration with a non-finite or negative number");
      }
      return checkedDuration(floatNanos(duration, factor.value, expression), expression);
    case "decimal": {
      if (factor.value.units < 0n) throw RpcError.validation("Cannot multiply a duration with a negative number");
      const product = multiplyDecimals(decimalFromBigInt(totalNanos(duration)) ?? { units: 0n, scale: 0 }, factor.value);
      if (!product) throw arithmeticOverflow(expression);
      return checkedDuration(truncateDecimal(product), expression);
    }
  }
}

function floatNanos(duration: Duration, factor: number, expression: string): bigint {
  const nanos = Math.round(Number(totalNanos(duration)) * factor);
  if (!Number.isFinite(nanos)) throw arithmeticOverflow(expression);
  return BigInt(nanos);
}

/** `duration / number`, or undefined where SurrealDB fails (a divisor of zero or below). */
export function divideDuration(duration: Duration, divisor: SurrealNumber): Duration | undefined {
  switch (divisor.kind) {
    case "int":
      return divisor.value <= 0n || divisor.value > U32_MAX ? undefined : durationFromNanos(totalNanos(duration) / divisor.value);
    case "float": {
      if (!Number.isFinite(divisor.value) || divisor.value <= 0) return undefined;
      const nanos = Math.round(Number(totalNanos(duration)) / divisor.value);
      return Number.isFinite(nanos) && BigInt(nanos) <= MAX_DURATION_NANOS ? durationFromNanos(BigInt(nanos)) : undefined;
    }
    case "decimal": {
      if (divisor.value.units <= 0n) return undefined;
      const quotient = divideDecimals(decimalFromBigInt(totalNanos(duration)) ?? { units: 0n, scale: 0 }, divisor.value);
      return quotient && durationFromNanos(truncateDecimal(quotient));
    }
  }
}
