// Binding arguments for the libsql package: one value per parameter index, as one array.
//
// libsql 0.5.29 (src/statement.rs, convert_params) binds an array positionally, index by index,
// whatever the parameters are called; it binds an object by looking up every parameter's name
// and aborts the whole process (a Rust panic, `panic = "abort"`) when one has none, such as a
// plain `?`. So Baton never hands it an object: named arguments are resolved to their indexes
// first (argument-resolution.ts) and everything goes in one array. A JS boolean also panics
// (`todo!("bool")`), so every value is checked here, not only typed.
import { GatewayError } from "@baton/protocol-types";
import { resolveArguments } from "../argument-resolution.js";
import type { NamedValue, SqlValue } from "../executor.js";
import type { ParameterTable } from "../sql-text/sql-parameters.js";
import type { SqliteBindArgs } from "../sqlite/sqlite-arguments.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The argument list for a libsql statement call: `[valuesByIndex]`. */
export function bindLibsqlArguments(
  table: ParameterTable,
  input: { readonly args: readonly SqlValue[]; readonly namedArgs: readonly NamedValue[] },
): SqliteBindArgs {
  const values = resolveArguments(table, input);
  // An index the text never references binds NULL, as SQLite leaves an unbound parameter.
  return [Array.from({ length: values.length }, (_, index) => toLibsql(values[index] ?? null, index))];
}

function toLibsql(value: SqlValue, index: number): unknown {
  if (typeof value === "bigint") {
    if (value < INT64_MIN || value > INT64_MAX) {
      throw invalid(`Argument for parameter ${index + 1} is outside the 64-bit integer range`);
    }
    return value;
  }
  // libsql binds every JS number as REAL, so a float stays a float (2.0 is not 2).
  if (value === null || typeof value === "number" || typeof value === "string") return value;
  if (value instanceof Uint8Array) return value;
  throw invalid(`Argument for parameter ${index + 1} has an unsupported type (${typeof value})`);
}

function invalid(message: string): GatewayError {
  return new GatewayError("ARGS_INVALID", message);
}
