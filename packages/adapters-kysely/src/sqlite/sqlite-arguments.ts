// Binds a statement's positional and named arguments to SQLite parameter indexes, then
// translates them into the shape better-sqlite3 accepts.
//
// better-sqlite3 (src/util/binder.cpp, objects/statement.cpp) binds every parameter that has
// no name — a plain `?`, and also an index the text never references — from positional
// values in index order, and every named parameter (`?NNN` included, named "?NNN") from ONE
// plain object keyed by the name without its first character. It insists on a value for
// every index. So we resolve indexes ourselves and hand it exactly that.
import { GatewayError } from "@baton/protocol-types";
import type { NamedValue, SqlValue } from "../executor.js";
import { resolveArguments } from "../argument-resolution.js";
import type { ParameterTable } from "../sql-text/sql-parameters.js";

/** The arguments to spread into a better-sqlite3 statement call. */
export type SqliteBindArgs = readonly unknown[];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const invalid = (message: string): GatewayError => new GatewayError("ARGS_INVALID", message);

/** Resolves `args` and `namedArgs` against `table`; throws ARGS_INVALID for missing or surplus ones. */
export function bindArguments(
  table: ParameterTable,
  input: { readonly args: readonly SqlValue[]; readonly namedArgs: readonly NamedValue[] },
): SqliteBindArgs {
  const values = resolveArguments(table, input);
  const positional: unknown[] = [];
  // Made at the first named parameter: most statements have none.
  let named: Record<string, unknown> | undefined;
  let namedBy: Map<string, { name: string; value: SqlValue }> | undefined;
  for (let index = 0; index < values.length; index++) {
    const name = table.names[index] ?? null;
    // An index the text never references still needs a value: better-sqlite3 counts it.
    const value = values[index] ?? null;
    if (name === null) {
      positional.push(toSqlite(value, index));
      continue;
    }
    const key = name.slice(1);
    named ??= {};
    namedBy ??= new Map();
    const earlier = namedBy.get(key);
    if (earlier !== undefined && !sameValue(earlier.value, value)) {
      throw invalid(`Parameters ${earlier.name} and ${name} cannot take different values (the driver binds both by "${key}")`);
    }
    namedBy.set(key, { name, value });
    named[key] = toSqlite(value, index);
  }
  return named === undefined ? [positional] : [positional, named];
}

function toSqlite(value: SqlValue, index: number): unknown {
  if (typeof value === "bigint") {
    if (value < INT64_MIN || value > INT64_MAX) {
      throw invalid(`Argument for parameter ${index + 1} is outside the 64-bit integer range`);
    }
    return value;
  }
  // better-sqlite3 binds every JS number as REAL, so a float stays a float (2.0 is not 2).
  if (value === null || typeof value === "number" || typeof value === "string") return value;
  if (value instanceof Uint8Array) return asBuffer(value);
  throw invalid(`Argument for parameter ${index + 1} has an unsupported type (${typeof value})`);
}

/** A Buffer over the same memory as `view`: no copy. */
function asBuffer(view: Uint8Array): Buffer {
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return asBuffer(a).equals(asBuffer(b));
  return Object.is(a, b);
}
