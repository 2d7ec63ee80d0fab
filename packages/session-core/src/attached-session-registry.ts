// Sessions created by `attach` over HTTP: kept server-side between requests, keyed by the
// session's UUID, scoped to their owner, expired when idle (reference section 13). A session
// of another owner is answered as not found, so ids cannot be probed or hijacked.
import { RpcError } from "@baton/protocol-types/rpc";
import { IdleRegistry } from "./idle-registry.js";

export interface AttachedSessionRegistryOptions<S> {
  /** Idle time after the last request naming a session before it expires (default 15 min). */
  readonly idleTimeoutMs?: number | undefined;
  /** Sessions allowed at once (SurrealDB's HTTP_MAX_ATTACHED_SESSIONS default: 16384). */
  readonly maxSessions?: number | undefined;
  /** Sessions one owner may hold at once (default 1024), so one client cannot take them all. */
  readonly maxPerOwner?: number | undefined;
  /** Releases what an expired or closed session holds (live queries, transactions). */
  readonly onExpire?: ((id: string, state: S) => void | Promise<void>) | undefined;
  /** Reports a failure of `onExpire`; the session is gone either way. */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** The clock (ms); `Date.now` unless a test drives time itself. */
  readonly now?: (() => number) | undefined;
}

interface Attached<S> {
  /** The authenticated user that attached the session, or "" when authentication is off. */
  readonly owner: string;
  readonly state: S;
}

export class AttachedSessionRegistry<S> {
  readonly #sessions: IdleRegistry<string, Attached<S>>;
  readonly #onExpire: (id: string, state: S) => void | Promise<void>;
  readonly #onError: (error: unknown) => void;
  readonly #maxPerOwner: number;
  /** Sessions held per owner. */
  readonly #counts = new Map<string, number>();

  constructor(options: AttachedSessionRegistryOptions<S> = {}) {
    this.#maxPerOwner = options.maxPerOwner ?? 1024;
    this.#onExpire = options.onExpire ?? (() => undefined);
    this.#onError = options.onError ?? (() => undefined);
    this.#sessions = new IdleRegistry({
      idleTimeoutMs: options.idleTimeoutMs ?? 15 * 60_000,
      maxEntries: options.maxSessions ?? 16_384,
      now: options.now,
      onExpire: (id, session) => {
        this.#count(session.owner, -1);
        void this.#release(id, session.state);
      },
    });
  }

  /** Sessions held, of every owner. */
  get size(): number {
    return this.#sessions.size;
  }

  /**
   * Keeps `state` as session `id` of `owner`. An id already taken (by any owner) is refused with
   * AlreadyExists; beyond the maximum `attach` is "Method not allowed", as in SurrealDB; beyond
   * the owner's share, NotAllowed/Limit.
   */
  attach(id: string, owner: string, state: S): void {
    if (this.#sessions.has(id)) throw RpcError.sessionExists(id);
    if ((this.#counts.get(owner) ?? 0) >= this.#maxPerOwner) {
      throw RpcError.limitReached({
        limit: "maxHttpSessionsPerOwner",
        max: this.#maxPerOwner,
        message: `At most ${this.#maxPerOwner} attached sessions per user: detach one first`,
      });
    }
    if (!this.#sessions.hasRoom()) throw RpcError.methodNotAllowed("attach");
    this.#sessions.add(id, { owner, state });
    this.#count(owner, 1);
  }

  /** The state of session `id`, counting as a use; NotFound when unknown or another owner's. */
  get(id: string, owner: string): S {
    const session = this.#sessions.peek(id);
    if (session === undefined || session.owner !== owner) throw RpcError.sessionNotFound(id);
    this.#sessions.touch(id);
    return session.state;
  }

  /** Forgets session `id` and returns its state for the caller to release; NotFound as in `get`. */
  detach(id: string, owner: string): S {
    const session = this.#sessions.peek(id);
    if (session === undefined || session.owner !== owner) throw RpcError.sessionNotFound(id);
    this.#sessions.delete(id);
    this.#count(owner, -1);
    return session.state;
  }

  /** The ids of `owner`'s sessions, oldest attached first. */
  ids(owner: string): string[] {
    return [...this.#sessions.keys()].filter((id) => this.#sessions.peek(id)?.owner === owner);
  }

  /** Expires idle sessions whose time has come; runs on its own timer, callable for tests. */
  sweep(now?: number): void {
    this.#sessions.sweep(now);
  }

  /** Stops expiry and releases every session through `onExpire`. */
  async close(): Promise<void> {
    const sessions = this.#sessions.close();
    this.#counts.clear();
    await Promise.all(sessions.map(([id, session]) => this.#release(id, session.state)));
  }

  #count(owner: string, change: 1 | -1): void {
    const count = (this.#counts.get(owner) ?? 0) + change;
    if (count > 0) this.#counts.set(owner, count);
    else this.#counts.delete(owner);
  }

  async #release(id: string, state: S): Promise<void> {
    try {
      await this.#onExpire(id, state);
    } catch (error) {
      this.#onError(error);
    }
  }
}
