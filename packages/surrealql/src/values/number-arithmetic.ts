// Arithmetic on SurrealQL numbers as SurrealDB 3 does it (`Number`'s checked operations): ints
// stay ints and fail on i64 overflow, a float on either side gives a float, a decimal on either
// side (without a float) gives a decimal.
import { formatValue } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import {
  addDecimals,
  decimalFromBigInt,
  decimalFromFloat,
  divideDecimals,
  formatDecimalParts,
  multiplyDecimals,
  powerDecimal,
  remainderDecimals,
  subtractDecimals,
  type DecimalParts,
} from "./decimal-arithmetic.js";
import { I64_MIN, isInt64, numberValue, toFloat, type SurrealNumber } from "./surreal-number.js";

export type ArithmeticOp = "add" | "subtract" | "multiply" | "divide" | "remainder";

type IntOp = (a: bigint, b: bigint) => bigint | undefined;
type DecimalOp = (a: DecimalParts, b: DecimalParts) => DecimalParts | undefined;

const checked = (value: bigint): bigint | undefined => (isInt64(value) ? value : undefined);

// Rust's checked division fails for a zero divisor and for i64::MIN / -1.
const divisionFails = (a: bigint, b: bigint): boolean => b === 0n || (a === I64_MIN && b === -1n);

const INT_OPS: Record<ArithmeticOp, IntOp> = {
  add: (a, b) => checked(a + b),
  subtract: (a, b) => checked(a - b),
  multiply: (a, b) => checked(a * b),
  divide: (a, b) => (divisionFails(a, b) ? undefined : a / b),
  remainder: (a, b) => (divisionFails(a, b) ? undefined : a % b),
};

const FLOAT_OPS: Record<ArithmeticOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  remainder: (a, b) => a % b,
};

const DECIMAL_OPS: Record<ArithmeticOp, DecimalOp> = {
  add: addDecimals,
  subtract: subtractDecimals,
  multiply: multiplyDecimals,
  divide: divideDecimals,
  remainder: remainderDecimals,
};

/** A number as a decimal, as rust_decimal converts it (a non-finite float becomes 0). */
function toDecimalParts(number: SurrealNumber): DecimalParts | undefined {
  switch (number.kind) {
    case "int":
      return decimalFromBigInt(number.value);
    case "float":
      return decimalFromFloat(number.value) ?? { units: 0n, scale: 0 };
    case "decimal":
      return number.value;
  }
}

/** `a op b`, or undefined where SurrealDB's checked operation fails (overflow, zero divisor). */
export function applyArithmetic(op: ArithmeticOp, a: SurrealNumber, b: SurrealNumber): SurrealNumber | undefined {
  if (a.kind === "int" && b.kind === "int") {
    const value = INT_OPS[op](a.value, b.value);
    return value === undefined ? undefined : { kind: "int", value };
  }
  if ((a.kind === "float" || b.kind === "float") && a.kind !== "decimal" && b.kind !== "decimal") {
    return { kind: "float", value: FLOAT_OPS[op](toFloat(a), toFloat(b)) };
  }
  const [x, y] = [toDecimalParts(a), toDecimalParts(b)];
  const value = x && y ? DECIMAL_OPS[op](x, y) : undefined;
  return value === undefined ? undefined : { kind: "decimal", value };
}

/** `a ** b` (SurrealDB's `try_pow`): int powers stay ints, decimal bases stay decimals, others are floats. */
export function applyPower(a: SurrealNumber, b: SurrealNumber): SurrealNumber | undefined {
  if (a.kind === "int" && b.kind === "int") return intPower(a.value, b.value);
  if (a.kind === "decimal" && b.kind === "int") {
    // A bound on the loop: any exponent this large overflows or underflows a 96-bit decimal.
    if (b.value > 4096n || b.value < -4096n) return undefined;
    const value = powerDecimal(a.value, b.value);
    return value && { kind: "decimal", value };
  }
  if (a.kind === "decimal") {
    const value = decimalFromFloat(toFloat(a) ** toFloat(b));
    return value && { kind: "decimal", value };
  }
  return { kind: "float", value: toFloat(a) ** toFloat(b) };
}

function intPower(base: bigint, exponent: bigint): SurrealNumber | undefined {
  const int = (value: bigint): SurrealNumber => ({ kind: "int", value });
  if (base === 0n) return exponent < 0n ? undefined : int(exponent === 0n ? 1n : 0n);
  if (base === 1n) return int(1n);
  if (base === -1n) return int(exponent % 2n === 0n ? 1n : -1n);
  // The exponent must be a u32; beyond 63 any other base overflows an i64.
  if (exponent < 0n || exponent > 63n) return undefined;
  const value = checked(base ** exponent);
  return value === undefined ? undefined : int(value);
}

/**
 * How SurrealDB's message shows two numbers whose operation failed: plain when both are ints or
 * both decimals (`'3' and '0'`), as literals otherwise (`'1dec' and '0'`).
 */
export function failedOperands(a: SurrealNumber, b: SurrealNumber): [string, string] {
  if (a.kind === b.kind && a.kind !== "float") return [numberText(a), numberText(b)];
  return [formatValue(numberValue(a)), formatValue(numberValue(b))];
}

/** The plain text of a number, as Rust's `Display` prints it (`**` failures quote it so). */
export function numberText(number: SurrealNumber): string {
  switch (number.kind) {
    case "int":
      return number.value.toString();
    case "float":
      return String(number.value);
    case "decimal":
      return formatDecimalParts(number.value);
  }
}

/** SurrealDB's error for arithmetic that leaves the range of its type (`math::abs(-9223372036854775808)`, `1y * 9999999999`). */
export function arithmeticOverflow(expression: string): RpcError {
  return RpcError.validation(`Failed to compute: "${expression}", as the operation results in an arithmetic overflow.`);
}
