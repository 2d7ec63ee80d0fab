// Hrana's argument binding rules, shared by every adapter: positional arguments bind indexes
// 1…n, named ones bind by name with or without prefix, a named argument wins over a positional
// one for the same index, and missing or surplus arguments are ARGS_INVALID.
import { GatewayError } from "@baton/protocol-types";
import type { NamedValue, SqlValue } from "./executor.js";
import type { ParameterTable } from "./sql-text/sql-parameters.js";

const PREFIXES = [":", "@", "$"];

const invalid = (message: string): GatewayError => new GatewayError("ARGS_INVALID", message);

/**
 * The value of each parameter index (entry i for parameter i + 1). Indexes the text never
 * references and no argument names are undefined; a referenced index without a value throws.
 */
export function resolveArguments(
  table: ParameterTable,
  input: { readonly args: readonly SqlValue[]; readonly namedArgs: readonly NamedValue[] },
): (SqlValue | undefined)[] {
  const count = table.names.length;
  if (input.args.length > count) {
    throw invalid(`Too many positional arguments: the statement has ${count} parameter(s), got ${input.args.length}`);
  }
  const values: (SqlValue | undefined)[] = [...input.args];
  values.length = count;
  // Named arguments win over positional ones for the same index.
  if (input.namedArgs.length > 0) {
    for (const [index, value] of resolveNamed(table, input.namedArgs)) values[index] = value;
  }
  for (let index = 0; index < count; index++) {
    if (values[index] === undefined && table.referenced[index] === true) {
      const name = table.names[index] ?? null;
      throw invalid(`Missing argument for parameter ${index + 1}${name === null ? "" : ` (${name})`}`);
    }
  }
  return values;
}

function resolveNamed(table: ParameterTable, namedArgs: readonly NamedValue[]): Map<number, SqlValue> {
  const indexOf = new Map<string, number>();
  table.names.forEach((name, index) => {
    if (name !== null) indexOf.set(name, index);
  });
  const resolved = new Map<number, SqlValue>();
  const seen = new Set<string>();
  for (const { name, value } of namedArgs) {
    if (seen.has(name)) throw invalid(`Named argument "${name}" is given more than once`);
    seen.add(name);
    const exact = indexOf.get(name);
    const indexes =
      exact !== undefined
        ? [exact]
        : PREFIXES.map((prefix) => indexOf.get(prefix + name)).filter((i): i is number => i !== undefined);
    if (indexes.length === 0) throw invalid(`Named argument "${name}" matches no parameter of the statement`);
    for (const index of indexes) resolved.set(index, value);
  }
  return resolved;
}
