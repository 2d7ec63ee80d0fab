// A value checked against a declared type (LET $x: int, a function's return type), with the
// message prefix SurrealDB gives each place: "Tried to set `$x`, but couldn't coerce value: …".
import { RpcError } from "@baton/protocol-types/rpc";
import type { TypeExpr } from "../syntax/ast.js";
import { tryCoerceValue } from "../values/value-coercion.js";

export function typed(type: TypeExpr, value: unknown, prefix: string): unknown {
  const result = tryCoerceValue(type, value);
  if ("error" in result) throw RpcError.validation(`${prefix}: ${result.error}`);
  return result.value;
}
