// Every RPC method's parameters, with SurrealDB 3's exact message for a mismatch
// (surrealdb/surrealdb core/src/rpc/protocol.rs; begin/commit/cancel in server/src/rpc/websocket.rs).
// Arity is exact: optional trailing parameters may be left out, extra ones are refused.
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { validatorFor, type Validator } from "../validator.js";
import { RpcError } from "./rpc-errors.js";
import type { RpcMethodName } from "./rpc-method-name.js";
import { describeOptional, describeValue, isNone, isNullish, isPlainObject, uuidText } from "./rpc-values.js";

const Any = Type.Unknown();

/** The tuples from `required` elements up to all of `elements`, as one schema. */
function tuples<const T extends TSchema[]>(id: string, elements: T, required: number) {
  if (required === elements.length) return Type.Tuple(elements, { $id: id });
  const lengths = Array.from({ length: elements.length - required + 1 }, (_, index) => required + index);
  return Type.Union(
    lengths.map((length) => Type.Tuple(elements.slice(0, length))),
    { $id: id },
  );
}

/** Methods that ignore their parameters (SurrealDB never looks at them). */
export const RpcIgnoredParams = Type.Array(Any, { $id: "RpcIgnoredParams" });
export const RpcNoParams = Type.Tuple([], { $id: "RpcNoParams" });
export const RpcUseParams = tuples("RpcUseParams", [Any, Any], 2);
export const RpcAuthParams = tuples("RpcAuthParams", [Any], 1);
export const RpcTokenParams = tuples("RpcTokenParams", [Type.String()], 1);
export const RpcRefreshParams = tuples("RpcRefreshParams", [Any], 1);
export const RpcKillParams = tuples("RpcKillParams", [Any], 1);
export const RpcLiveParams = tuples("RpcLiveParams", [Any, Any], 1);
export const RpcSetParams = tuples("RpcSetParams", [Type.String(), Any], 1);
export const RpcUnsetParams = tuples("RpcUnsetParams", [Type.String()], 1);
export const RpcWhatParams = tuples("RpcWhatParams", [Any], 1);
export const RpcWhatDataParams = tuples("RpcWhatDataParams", [Any, Any], 2);
export const RpcWhatOptionalDataParams = tuples("RpcWhatOptionalDataParams", [Any, Any], 1);
export const RpcPatchParams = tuples("RpcPatchParams", [Any, Any, Any], 1);
export const RpcRelateParams = tuples("RpcRelateParams", [Any, Any, Any, Any], 3);
export const RpcQueryParams = tuples("RpcQueryParams", [Any, Any], 1);
export const RpcRunParams = tuples("RpcRunParams", [Any, Any, Any], 1);
/**
 * `commit`/`cancel` read only the last parameter, which must be the transaction's UUID. Its text
 * form is accepted too: it is the only form a JSON client has (`begin` answers a UUID, which
 * SurrealDB's JSON prints as a string), as `session` and `txn` accept it.
 */
export const RpcTransactionParams = Type.Array(Any, { minItems: 1, $id: "RpcTransactionParams" });

/** How a method treats its parameters, and where it may run. */
export interface RpcMethodSpec {
  /** The parameters' shape (a tuple of exact arity, or any array for methods that ignore them). */
  readonly params: TSchema;
  /** SurrealDB's message when `params` does not match (-32603 InvalidParams). */
  readonly invalidMessage: string;
  /** Checks that need decoded value classes; the message of the first mismatch, if any. */
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

const ignored: RpcMethodSpec = { params: RpcIgnoredParams, invalidMessage: IGNORED, overHttp: "served" };

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
export const RPC_METHODS: Readonly<Record<RpcMethodName, RpcMethodSpec>> = {
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
  authenticate: { params: RpcTokenParams, invalidMessage: "Expected (token:string)", overHttp: "served" },
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
};

/** The parameter tuples the methods accept, by schema (for handlers that want static types). */
export type RpcUseParams = Static<typeof RpcUseParams>;
export type RpcSetParams = Static<typeof RpcSetParams>;
export type RpcQueryParams = Static<typeof RpcQueryParams>;
export type RpcRunParams = Static<typeof RpcRunParams>;
export type RpcPatchParams = Static<typeof RpcPatchParams>;
export type RpcRelateParams = Static<typeof RpcRelateParams>;

const validators = new Map<TSchema, Validator<unknown>>();

/**
 * Checks a method's parameters and returns them; throws -32603 InvalidParams with SurrealDB's
 * message when they do not fit. `params` is already an array (see `parseRpcRequest`).
 */
export function checkParams(method: RpcMethodName, params: readonly unknown[]): readonly unknown[] {
  const spec = RPC_METHODS[method];
  // Looked up on first use and kept: codegen imports this module before the validators exist.
  let validator = validators.get(spec.params);
  if (validator === undefined) {
    validator = validatorFor(spec.params);
    validators.set(spec.params, validator);
  }
  if (!validator.check(params)) throw RpcError.invalidParams(spec.invalidMessage);
  const message = spec.refine?.(params);
  if (message !== undefined) throw RpcError.invalidParams(message);
  return params;
}
