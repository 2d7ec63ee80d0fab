// Every RPC method's parameters, with SurrealDB 3's exact message for a mismatch
// (surrealdb/surrealdb core/src/rpc/protocol.rs; begin/commit/cancel in server/src/rpc/websocket.rs).
// Arity is exact: optional trailing parameters may be left out, extra ones are refused.
import { KindGuard, Type, type Static, type TSchema } from "@sinclair/typebox";
import { validatorFor } from "../validator.js";
import { RpcError } from "./rpc-errors.js";
import type { RpcMethodName } from "./rpc-method-name.js";
import { describeOptional, describeValue, isNone, isNullish, isPlainObject, uuidText } from "./rpc-values.js";

const Any = Type.Unknown();

/** Methods that ignore their parameters (SurrealDB never looks at them). */
export const RpcIgnoredParams = Type.Array(Any, { $id: "RpcIgnoredParams" });
export const RpcNoParams = Type.Tuple([], { $id: "RpcNoParams" });
export const RpcUseParams = Type.Tuple([Any, Any], { $id: "RpcUseParams" });
/** `signup`/`signin`: the auth object, any keys (a plain object: `refine` refuses value classes). */
export const RpcAuthParams = Type.Tuple([Type.Object({})], { $id: "RpcAuthParams" });
/** `authenticate`: the access token, as text only ("Expected (token:string)"). */
export const RpcAuthenticateParams = Type.Tuple([Type.String()], { $id: "RpcAuthenticateParams" });
/**
 * SurrealDB's Token: an access token alone, or `{access, refresh?}` as `signin`/`signup` answer for
 * record access defined WITH REFRESH. `refresh` is text or NONE (`refine` checks the NONE form).
 */
const Token = Type.Union([Type.String(), Type.Object({ access: Type.String(), refresh: Type.Optional(Any) })]);
/** `refresh`/`revoke`: one Token; a Token without a refresh part fails later, not as InvalidParams. */
export const RpcRefreshParams = Type.Tuple([Token], { $id: "RpcRefreshParams" });
export const RpcKillParams = Type.Tuple([Any], { $id: "RpcKillParams" });
export const RpcLiveParams = Type.Union([Type.Tuple([Any]), Type.Tuple([Any, Any])], { $id: "RpcLiveParams" });
export const RpcSetParams = Type.Union([Type.Tuple([Type.String()]), Type.Tuple([Type.String(), Any])], { $id: "RpcSetParams" });
export const RpcUnsetParams = Type.Tuple([Type.String()], { $id: "RpcUnsetParams" });
export const RpcWhatParams = Type.Tuple([Any], { $id: "RpcWhatParams" });
export const RpcWhatDataParams = Type.Tuple([Any, Any], { $id: "RpcWhatDataParams" });
export const RpcWhatOptionalDataParams = Type.Union([Type.Tuple([Any]), Type.Tuple([Any, Any])], {
  $id: "RpcWhatOptionalDataParams",
});
export const RpcPatchParams = Type.Union([Type.Tuple([Any]), Type.Tuple([Any, Any]), Type.Tuple([Any, Any, Any])], {
  $id: "RpcPatchParams",
});
export const RpcRelateParams = Type.Union([Type.Tuple([Any, Any, Any]), Type.Tuple([Any, Any, Any, Any])], {
  $id: "RpcRelateParams",
});
/** `query`: the text, then optional variables (object, NONE or null; `refine` words the mismatch). */
export const RpcQueryParams = Type.Union([Type.Tuple([Type.String()]), Type.Tuple([Type.String(), Any])], {
  $id: "RpcQueryParams",
});
/** `run`: the function name, then optional version (text or unset) and args (array or unset). */
export const RpcRunParams = Type.Union(
  [Type.Tuple([Type.String()]), Type.Tuple([Type.String(), Any]), Type.Tuple([Type.String(), Any, Any])],
  { $id: "RpcRunParams" },
);
/**
 * `commit`/`cancel` read only the last parameter, which must be the transaction's UUID. Its text
 * form is accepted too: it is the only form a JSON client has (`begin` answers a UUID, which
 * SurrealDB's JSON prints as a string), as `session` and `txn` accept it.
 */
export const RpcTransactionParams = Type.Array(Any, { minItems: 1, $id: "RpcTransactionParams" });

/** How a method treats its parameters, and where it may run. */
export interface RpcMethodSpec<P extends TSchema = TSchema> {
  /**
   * The parameters' shape: tuples of the accepted lengths (or any array for methods that ignore
   * them), with the element types handlers rely on. Its static type is what `checkParams` returns.
   */
  readonly params: P;
  /** SurrealDB's message when `params` does not match (-32603 InvalidParams). */
  readonly invalidMessage: string;
  /**
   * Checks that SurrealDB words per element (and that need decoded value classes); the message of
   * the first mismatch, if any. Runs once the arity fits, before the full `params` check.
   */
  readonly refine?: (params: readonly unknown[]) => string | undefined;
  /** The request must name a session (`attach`, `detach`); otherwise -32603 "Expected a session ID". */
  readonly needsSession?: true;
  /**
   * Over HTTP: served, refused as a live query (-32604), or unknown (-32601) because SurrealDB
   * serves interactive transactions on WebSockets only.
   */
  readonly overHttp: "served" | "live-not-supported" | "method-not-found";
}

const IGNORED = "(parameters are ignored)";

const ignored: RpcMethodSpec<typeof RpcIgnoredParams> = { params: RpcIgnoredParams, invalidMessage: IGNORED, overHttp: "served" };

function isStringOrUnset(value: unknown): boolean {
  return typeof value === "string" || isNullish(value);
}

function isToken(value: unknown): boolean {
  if (typeof value === "string") return true;
  if (!isPlainObject(value) || typeof value.access !== "string") return false;
  return value.refresh === undefined || isNone(value.refresh) || typeof value.refresh === "string";
}

const authObject = (params: readonly unknown[]) => (isPlainObject(params[0]) ? undefined : "Expected (params:object)");
const token = (params: readonly unknown[]) => (isToken(params[0]) ? undefined : "Expected (token:Token)");

/** Every method SurrealDB 3 dispatches, with its parameter rules. */
export const RPC_METHODS = {
  ping: ignored,
  info: ignored,
  use: {
    params: RpcUseParams,
    invalidMessage: "Expected (ns, db)",
    // Each element: text selects, null clears, NONE keeps; anything else is refused by name.
    refine: ([ns, db]) =>
      !isStringOrUnset(ns)
        ? `Expected ns to be string, got ${describeValue(ns)}`
        : !isStringOrUnset(db)
          ? `Expected db to be string, got ${describeValue(db)}`
          : undefined,
    overHttp: "served",
  },
  signup: { params: RpcAuthParams, invalidMessage: "Expected (params:object)", refine: authObject, overHttp: "served" },
  signin: { params: RpcAuthParams, invalidMessage: "Expected (params:object)", refine: authObject, overHttp: "served" },
  authenticate: { params: RpcAuthenticateParams, invalidMessage: "Expected (token:string)", overHttp: "served" },
  refresh: { params: RpcRefreshParams, invalidMessage: "Expected (token:Token)", refine: token, overHttp: "served" },
  revoke: { params: RpcRefreshParams, invalidMessage: "Expected (token:Token)", refine: token, overHttp: "served" },
  invalidate: ignored,
  reset: ignored,
  kill: { params: RpcKillParams, invalidMessage: "Expected (id)", overHttp: "served" },
  live: { params: RpcLiveParams, invalidMessage: "Expected (what, diff)", overHttp: "live-not-supported" },
  set: { params: RpcSetParams, invalidMessage: "Expected (key:string, value:Value)", overHttp: "served" },
  let: { params: RpcSetParams, invalidMessage: "Expected (key:string, value:Value)", overHttp: "served" },
  unset: { params: RpcUnsetParams, invalidMessage: "Expected (key)", overHttp: "served" },
  select: { params: RpcWhatParams, invalidMessage: "Expected (what:Value)", overHttp: "served" },
  insert: { params: RpcWhatDataParams, invalidMessage: "Expected (what:Value, data:Value)", overHttp: "served" },
  create: { params: RpcWhatOptionalDataParams, invalidMessage: "Expected (what:Value, data:Value)", overHttp: "served" },
  upsert: { params: RpcWhatOptionalDataParams, invalidMessage: "Expected (what:Value, data:Value)", overHttp: "served" },
  update: { params: RpcWhatOptionalDataParams, invalidMessage: "Expected (what, data)", overHttp: "served" },
  merge: { params: RpcWhatOptionalDataParams, invalidMessage: "Expected (what:Value, data:Value)", overHttp: "served" },
  patch: { params: RpcPatchParams, invalidMessage: "Expected (what:Value, data:Value, diff:Value)", overHttp: "served" },
  delete: { params: RpcWhatParams, invalidMessage: "Expected (what:Value)", overHttp: "served" },
  version: { params: RpcNoParams, invalidMessage: "Expected 0 arguments", overHttp: "served" },
  query: {
    params: RpcQueryParams,
    invalidMessage: "Expected (query:string, vars:object)",
    refine: ([query, ...rest]) =>
      typeof query !== "string"
        ? "Expected query to be string"
        : rest.length > 0 && !isPlainObject(rest[0]) && !isNullish(rest[0])
          ? `Expected vars to be object, got ${describeOptional(rest[0])}`
          : undefined,
    overHttp: "served",
  },
  relate: {
    params: RpcRelateParams,
    invalidMessage: "Expected (from:Value, kind:Value, with:Value, data:Value)",
    overHttp: "served",
  },
  run: {
    params: RpcRunParams,
    invalidMessage: "Expected (name:string, version:string, args:array)",
    refine: ([name, ...rest]) => {
      if (typeof name !== "string") return `Expected name to be string, got ${describeValue(name)}`;
      if (rest.length > 0 && !isStringOrUnset(rest[0])) return `Expected version to be string, got ${describeOptional(rest[0])}`;
      if (rest.length > 1 && !Array.isArray(rest[1]) && !isNullish(rest[1])) {
        return `Expected args to be array, got ${describeOptional(rest[1])}`;
      }
      return undefined;
    },
    overHttp: "served",
  },
  insert_relation: { params: RpcWhatDataParams, invalidMessage: "Expected (what, data)", overHttp: "served" },
  attach: { ...ignored, invalidMessage: "Expected a session ID", needsSession: true },
  sessions: ignored,
  detach: { ...ignored, invalidMessage: "Expected a session ID", needsSession: true },
  begin: { ...ignored, overHttp: "method-not-found" },
  commit: {
    params: RpcTransactionParams,
    invalidMessage: "Expected transaction UUID",
    refine: (params) => (uuidText(params.at(-1)) === undefined ? "Expected transaction UUID" : undefined),
    overHttp: "method-not-found",
  },
  cancel: {
    params: RpcTransactionParams,
    invalidMessage: "Expected transaction UUID",
    refine: (params) => (uuidText(params.at(-1)) === undefined ? "Expected transaction UUID" : undefined),
    overHttp: "method-not-found",
  },
} as const satisfies Readonly<Record<RpcMethodName, RpcMethodSpec>>;

/** The parameters `checkParams` hands back for `method`: its schema's static type. */
export type RpcParams<M extends RpcMethodName> = Static<(typeof RPC_METHODS)[M]["params"]>;

/** The parameter tuples the methods accept, by schema. */
export type RpcUseParams = RpcParams<"use">;
export type RpcSetParams = RpcParams<"set">;
export type RpcQueryParams = RpcParams<"query">;
export type RpcRunParams = RpcParams<"run">;
export type RpcPatchParams = RpcParams<"patch">;
export type RpcRelateParams = RpcParams<"relate">;

/** The lengths a params schema accepts: a tuple's, a union's members', an array's item bounds. */
function arityOf(schema: TSchema): { min: number; max: number } {
  if (KindGuard.IsUnion(schema)) {
    const each = schema.anyOf.map(arityOf);
    return { min: Math.min(...each.map((a) => a.min)), max: Math.max(...each.map((a) => a.max)) };
  }
  if (KindGuard.IsTuple(schema) || KindGuard.IsArray(schema)) {
    return { min: schema.minItems ?? 0, max: schema.maxItems ?? Number.POSITIVE_INFINITY };
  }
  throw new Error(`RPC params schema ${String(schema.$id)} is neither a tuple, a union of tuples nor an array`);
}

/**
 * Checks a method's parameters and returns them typed by its schema; throws -32603 InvalidParams
 * with SurrealDB's message when they do not fit. `params` is already an array (see
 * `parseRpcRequest`). Order: arity (`invalidMessage`), then `refine`'s per-element messages, then
 * the full schema (`invalidMessage`).
 */
export function checkParams<M extends RpcMethodName>(method: M, params: readonly unknown[]): RpcParams<M> {
  const spec: RpcMethodSpec = RPC_METHODS[method];
  const { min, max } = arityOf(spec.params);
  if (params.length < min || params.length > max) throw RpcError.invalidParams(spec.invalidMessage);
  const message = spec.refine?.(params);
  if (message !== undefined) throw RpcError.invalidParams(message);
  // Looked up per call (a map read): codegen imports this module before the validators exist.
  if (!validatorFor(RPC_METHODS[method].params).check(params)) throw RpcError.invalidParams(spec.invalidMessage);
  return params;
}
