// The state of one SurrealDB RPC session: selected namespace and database, authentication and
// session variables. Pure state; the RPC handler resolves sessions and runs queries with it.
import { RpcError, describeValue, isNone } from "@baton/protocol-types/rpc";
import { estimateSize } from "./value-size.js";

/** A session signed in as the root user, by credentials or by a token. */
export interface RootAuth {
  readonly kind: "root";
  readonly user: string;
  /** The token the session authenticated with or was issued at sign-in. */
  readonly token?: string;
  /** When the session's authentication ends (ms since the epoch): its token's `exp`. */
  readonly expiresAt?: number;
}

export type RpcAuth = RootAuth;

/** What `use` selected. */
export interface RpcSelection {
  readonly namespace: string | undefined;
  readonly database: string | undefined;
}

/** Variables SurrealDB reserves for the session itself (`let` refuses them). */
const PROTECTED_VARIABLES: ReadonlySet<string> = new Set(["access", "auth", "token", "session"]);

/** How much a session may keep in variables (`let`/`set`), which any client may set before signing in. */
export interface VariableLimits {
  /** Variables at once (default 256). */
  readonly maxVariables?: number | undefined;
  /** Their values' total estimated size in bytes (default 1 MiB). */
  readonly maxVariableBytes?: number | undefined;
}

const DEFAULT_MAX_VARIABLES = 256;
const DEFAULT_MAX_VARIABLE_BYTES = 1024 * 1024;

export interface RpcSessionOptions {
  /** Applied by `use [NONE, NONE]` to a session without a namespace (SurrealDB's default config). */
  readonly defaults?: Partial<RpcSelection> | undefined;
  /** The starting selection, e.g. from `Surreal-NS`/`Surreal-DB` headers. */
  readonly namespace?: string | undefined;
  readonly database?: string | undefined;
  readonly auth?: RpcAuth | undefined;
  readonly variableLimits?: VariableLimits | undefined;
}

export class RpcSession {
  namespace: string | undefined;
  database: string | undefined;
  auth: RpcAuth | undefined;
  readonly #variables = new Map<string, unknown>();
  readonly #defaults: Partial<RpcSelection>;
  readonly #maxVariables: number;
  readonly #maxVariableBytes: number;
  /** Estimated size of each variable's value, and their sum. */
  readonly #sizes = new Map<string, number>();
  #totalBytes = 0;

  constructor(options: RpcSessionOptions = {}) {
    this.#defaults = options.defaults ?? {};
    this.#maxVariables = options.variableLimits?.maxVariables ?? DEFAULT_MAX_VARIABLES;
    this.#maxVariableBytes = options.variableLimits?.maxVariableBytes ?? DEFAULT_MAX_VARIABLE_BYTES;
    this.namespace = options.namespace;
    this.database = options.namespace === undefined ? undefined : options.database;
    this.auth = options.auth;
  }

  /** `reset`: clears namespace, database, authentication and variables; the session lives on. */
  reset(): void {
    this.namespace = undefined;
    this.database = undefined;
    this.auth = undefined;
    this.#variables.clear();
    this.#sizes.clear();
    this.#totalBytes = 0;
  }

  /** True once the session's authentication has ended (its token expired). */
  isExpired(now = Date.now()): boolean {
    return this.auth?.expiresAt !== undefined && now >= this.auth.expiresAt;
  }

  /**
   * `use [ns, db]` (surrealdb/core/src/rpc/protocol.rs, v3.0.2). Per element: text selects, null
   * clears, NONE keeps. Both NONE applies the defaults unless a namespace is already selected.
   * Clearing the namespace clears the database too, so `[null, NONE]` clears both — SurrealDB's
   * source behaviour; its RPC docs call that combination an error, which 3.0.2 does not do.
   * Selecting a database with no namespace selected is refused ("Specify a namespace to use");
   * SurrealDB 3.0.2 aborts the call there.
   */
  use(ns: unknown, db: unknown): RpcSelection {
    const checked = (value: unknown, which: "ns" | "db") => {
      if (typeof value === "string" || value === null || isNone(value)) return value;
      throw RpcError.invalidParams(`Expected ${which} to be string, got ${describeValue(value)}`);
    };
    const nextNs = checked(ns, "ns");
    const nextDb = checked(db, "db");
    if (isNone(nextNs) && isNone(nextDb)) {
      if (this.namespace === undefined && this.#defaults.namespace !== undefined) {
        this.namespace = this.#defaults.namespace;
        this.database = this.#defaults.database;
      }
      return this.selection();
    }
    const namespace = nextNs === null ? undefined : isNone(nextNs) ? this.namespace : nextNs;
    if (typeof nextDb === "string" && namespace === undefined) {
      throw RpcError.validation("Specify a namespace to use");
    }
    this.namespace = namespace;
    if (nextDb === null) this.database = undefined;
    else if (typeof nextDb === "string") this.database = nextDb;
    if (this.namespace === undefined) this.database = undefined;
    return this.selection();
  }

  /** The session's variables; changed only through `setVariable`/`unsetVariable`, which keep the limits. */
  get variables(): ReadonlyMap<string, unknown> {
    return this.#variables;
  }

  selection(): RpcSelection {
    return { namespace: this.namespace, database: this.database };
  }

  /**
   * `let`/`set`: NONE removes the variable; the protected names are refused. A variable beyond the
   * count limit, or a value that would take the variables past their size limit, is refused
   * (NotAllowed/Limit) and the session keeps what it had.
   */
  setVariable(name: string, value: unknown): void {
    if (isNone(value)) {
      this.unsetVariable(name);
      return;
    }
    if (PROTECTED_VARIABLES.has(name)) throw RpcError.protectedVariable(name);
    if (!this.#variables.has(name) && this.#variables.size >= this.#maxVariables) {
      throw RpcError.limitReached({
        limit: "maxVariables",
        max: this.#maxVariables,
        message: `A session holds at most ${this.#maxVariables} variables: unset one before setting '${name}'`,
      });
    }
    const previous = this.#sizes.get(name) ?? 0;
    const room = this.#maxVariableBytes - (this.#totalBytes - previous);
    const size = estimateSize(name, room) + estimateSize(value, room);
    if (size > room) {
      throw RpcError.limitReached({
        limit: "maxVariableBytes",
        max: this.#maxVariableBytes,
        message: `A session's variables hold at most ${this.#maxVariableBytes} bytes: '${name}' does not fit`,
      });
    }
    this.#variables.set(name, value);
    this.#sizes.set(name, size);
    this.#totalBytes += size - previous;
  }

  /** `unset`: the variable evaluates as NONE afterwards. */
  unsetVariable(name: string): void {
    this.#variables.delete(name);
    this.#totalBytes -= this.#sizes.get(name) ?? 0;
    this.#sizes.delete(name);
  }
}
