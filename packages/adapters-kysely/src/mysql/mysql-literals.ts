// Hrana values written as MySQL literals of exactly their type, and statements with their
// arguments inlined. We run statements over the text protocol (see mysql-connection.ts), so this
// is where binding happens:
//   bigint     → an integer literal (BIGINT)
//   number     → a literal with an exponent, 2 → 2e0, which MySQL reads as DOUBLE (a plain 2.0
//                would be DECIMAL); where the grammar takes only an integer (LIMIT ?), a whole
//                number is written as an integer, because clients send every JS number as float
//   string     → '…' with quotes doubled and, unless the session has NO_BACKSLASH_ESCAPES,
//                backslashes and NUL escaped: a literal in the connection's character set and
//                collation, like any string the user writes
//   Uint8Array → X'…' (a binary string)
//   null       → NULL
import { GatewayError } from "@baton/protocol-types";
import type { SqlValue } from "../executor.js";
import type { MysqlPlaceholders } from "../sql-text/mysql-placeholders.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export interface LiteralOptions {
  /** Whether the session treats backslash as an escape character (no NO_BACKSLASH_ESCAPES). */
  readonly backslashEscapes: boolean;
}

/** The statement text with each parameter occurrence replaced by the literal of its value. */
export function inlineArguments(
  placeholders: MysqlPlaceholders,
  values: readonly (SqlValue | undefined)[],
  options: LiteralOptions,
): string {
  const { pieces, slots } = placeholders;
  if (slots.length === 0) return pieces[0] ?? "";
  const parts: string[] = [pieces[0] ?? ""];
  slots.forEach((slot, k) => {
    const value = values[slot.index - 1] ?? null;
    parts.push(mysqlLiteral(value, { ...options, index: slot.index, integerOnly: slot.integerOnly }), pieces[k + 1] ?? "");
  });
  return parts.join("");
}

/** One value as a MySQL literal. */
export function mysqlLiteral(
  value: SqlValue,
  options: LiteralOptions & { readonly index?: number; readonly integerOnly?: boolean },
): string {
  if (value === null) return "NULL";
  if (typeof value === "bigint") {
    if (value < INT64_MIN || value > INT64_MAX) throw invalid(options.index, "is outside the 64-bit integer range");
    return value.toString();
  }
  if (typeof value === "number") return floatLiteral(value, options);
  if (typeof value === "string") return stringLiteral(value, options.backslashEscapes);
  if (value instanceof Uint8Array) return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}'`;
  throw invalid(options.index, `has an unsupported type (${typeof value})`);
}

function floatLiteral(value: number, options: { readonly index?: number; readonly integerOnly?: boolean }): string {
  if (!Number.isFinite(value)) throw invalid(options.index, `is ${value}, which MySQL cannot store`);
  if (options.integerOnly === true && Number.isSafeInteger(value) && value >= 0) return String(value);
  // toExponential() gives the shortest digits that read back as the same double.
  return Object.is(value, -0) ? "-0e0" : value.toExponential();
}

function stringLiteral(value: string, backslashEscapes: boolean): string {
  let escaped = value.replaceAll("'", "''");
  if (backslashEscapes) escaped = escaped.replaceAll("\\", "\\\\").replaceAll("\0", "\\0");
  return `'${escaped}'`;
}

function invalid(index: number | undefined, problem: string): GatewayError {
  const which = index === undefined ? "Argument" : `Argument for parameter ${index}`;
  return new GatewayError("ARGS_INVALID", `${which} ${problem}`);
}
