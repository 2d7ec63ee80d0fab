// The contract every SurrealQL function implements: a name-to-function table per family
// (`string::*`, `math::*`, …), assembled into one library in function-library.ts.
import type { RecordId } from "@baton/codecs";
import type { Closure } from "../values/closure-value.js";

/** What a function may know of the session that calls it (`session::*`, `$auth`-aware functions). */
export interface SessionInfo {
  readonly namespace?: string | undefined;
  readonly database?: string | undefined;
  /** The session's id (a UUID string), when it has one. */
  readonly id?: string | undefined;
  /** The verified auth value (`$auth`): NONE for root and anonymous sessions. */
  readonly auth?: unknown;
  /** The verified token's claims (`$token`), when signed in with a token. */
  readonly token?: unknown;
  readonly ip?: string | undefined;
  readonly origin?: string | undefined;
}

/** The environment a function runs in. */
export interface FunctionContext {
  readonly session: SessionInfo;
  /** Whether a record exists (`record::exists`); absent where no store is reachable (`run` of a pure function). */
  readonly recordExists?: ((id: RecordId) => Promise<boolean>) | undefined;
  /**
   * Runs a closure passed as an argument (`array::map($list, |$x| $x * 2)`) with `args` and gives
   * its value; the executor supplies it, so functions never evaluate expressions themselves.
   * Absent where no executor runs the function.
   */
  readonly callClosure?: ((closure: Closure, args: readonly unknown[]) => Promise<unknown>) | undefined;
}

/**
 * One SurrealQL function. `args` are evaluated values; NONE is the NONE symbol of @baton/codecs.
 * Wrong arguments throw `functionArgumentError` (function-arguments.ts), other failures an RpcError.
 */
export type SurrealFunction = (args: readonly unknown[], context: FunctionContext) => unknown;

/** A family of functions: full name (`string::len`) → function. */
export type FunctionTable = Readonly<Record<string, SurrealFunction>>;
