// The state of one SurrealDB RPC session: selected namespace and database, authentication and
// session variables. Pure state; the RPC handler resolves sessions and runs queries with it.
import { RpcError, describeValue, isNone } from "@baton/protocol-types/rpc";

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

export interface RpcSessionOptions {
  /** Applied by `use [NONE, NONE]` to a session without a namespace (SurrealDB's default config). */
  readonly defaults?: Partial<RpcSelection> | undefined;
  /** The starting selection, e.g. from `Surreal-NS`/`Surreal-DB` headers. */
  readonly namespace?: string | undefined;
  readonly database?: string | undefined;
  readonly auth?: RpcAuth | undefined;
}

export class RpcSession {
  namespace: string | undefined;
  database: string | undefined;
  auth: RpcAuth | undefined;
  readonly variables = new Map<string, unknown>();
  readonly #defaults: Partial<RpcSelection>;

  constructor(options: RpcSessionOptions = {}) {
    this.#defaults = options.defaults ?? {};
    this.namespace = options.namespace;
    this.database = options.namespace === undefined ? undefined : options.database;
    this.auth = options.auth;
  }

  /** `reset`: clears namespace, database, authentication and variables; the session lives on. */
  reset(): void {
    this.namespace = undefined;
    this.database = undefined;
    this.auth = undefined;
    this.variables.clear();
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

  selection(): RpcSelection {
    return { namespace: this.namespace, database: this.database };
  }

  /** `let`/`set`: NONE removes the variable; the protected names are refused. */
  setVariable(name: string, value: unknown): void {
    if (isNone(value)) {
      this.variables.delete(name);
      return;
    }
    if (PROTECTED_VARIABLES.has(name)) throw RpcError.protectedVariable(name);
    this.variables.set(name, value);
  }

  /** `unset`: the variable evaluates as NONE afterwards. */
  unsetVariable(name: string): void {
    this.variables.delete(name);
  }
}
