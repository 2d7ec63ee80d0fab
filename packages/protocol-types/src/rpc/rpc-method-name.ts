// The RPC method names SurrealDB 3 dispatches (surrealdb/surrealdb core/src/rpc/method.rs, v3.0.2).
import { Type } from "@sinclair/typebox";

/**
 * Every method name, matched case-sensitively; `let` is an alias of `set`. Anything else, the JS
 * SDK's `health` included, answers -32601 "Method not found".
 */
export const RPC_METHOD_NAMES = [
  "ping",
  "info",
  "use",
  "signup",
  "signin",
  "authenticate",
  "refresh",
  "invalidate",
  "revoke",
  "reset",
  "kill",
  "live",
  "set",
  "let",
  "unset",
  "select",
  "insert",
  "create",
  "upsert",
  "update",
  "merge",
  "patch",
  "delete",
  "version",
  "query",
  "relate",
  "run",
  "insert_relation",
  "attach",
  "sessions",
  "detach",
  "begin",
  "commit",
  "cancel",
] as const;

export const RpcMethodName = Type.Union(
  RPC_METHOD_NAMES.map((name) => Type.Literal(name)),
  { $id: "RpcMethodName" },
);
export type RpcMethodName = (typeof RPC_METHOD_NAMES)[number];

const names: ReadonlySet<string> = new Set(RPC_METHOD_NAMES);

/** True for a method SurrealDB 3 knows (exact case). */
export function isRpcMethodName(name: unknown): name is RpcMethodName {
  return typeof name === "string" && names.has(name);
}
