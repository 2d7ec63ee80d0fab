// Idle-expiry bookkeeping shared by HTTP streams and attached RPC sessions: entries expire when
// idle for longer than the idle timeout, counted from their last use; a held (busy) entry never
// expires. One periodic sweep over the idle entries, least recently used first, instead of a
// timer per entry; the timer is unref'd so it never keeps the process alive.

export interface IdleRegistryOptions<K, V> {
  /** Idle time after the last use before an entry expires. */
  readonly idleTimeoutMs: number;
  /** Entries allowed at once (see `hasRoom`); unlimited when absent. */
  readonly maxEntries?: number | undefined;
  /** Called once per expired entry, after it has been removed. */
  readonly onExpire: (key: K, value: V, now: number) => void;
  /** Called after every sweep, for bookkeeping of the owner's own (tombstones and the like). */
  readonly onSweep?: ((now: number) => void) | undefined;
  /** The clock (ms); `Date.now` unless a test drives time itself. */
  readonly now?: (() => number) | undefined;
  /** How often the sweep runs; by default a quarter of the idle timeout, within 20 ms – 1 s. */
  readonly sweepIntervalMs?: number | undefined;
}

interface Entry<V> {
  readonly value: V;
  lastUsed: number;
}

export class IdleRegistry<K, V> {
  readonly #idleTimeoutMs: number;
  readonly #maxEntries: number;
  readonly #onExpire: (key: K, value: V, now: number) => void;
  readonly #onSweep: (now: number) => void;
  readonly #now: () => number;
  readonly #entries = new Map<K, Entry<V>>();
  /** Idle entries, least recently used first (a Map keeps insertion order). */
  readonly #idle = new Map<K, Entry<V>>();
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: IdleRegistryOptions<K, V>) {
    this.#idleTimeoutMs = options.idleTimeoutMs;
    this.#maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
    this.#onExpire = options.onExpire;
    this.#onSweep = options.onSweep ?? (() => undefined);
    this.#now = options.now ?? Date.now;
    const interval = options.sweepIntervalMs ?? Math.max(20, Math.min(1000, Math.floor(this.#idleTimeoutMs / 4)));
    this.#sweeper = setInterval(() => this.sweep(), interval);
    this.#sweeper.unref();
  }

  /** Entries, idle or held. */
  get size(): number {
    return this.#entries.size;
  }

  /** True when one more entry fits, counting `pending` entries about to be added. */
  hasRoom(pending = 0): boolean {
    return this.#entries.size + pending < this.#maxEntries;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value, without counting as a use. */
  peek(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }

  /** Adds (or replaces) an entry, idle and used now. */
  add(key: K, value: V): void {
    const entry: Entry<V> = { value, lastUsed: this.#now() };
    this.#idle.delete(key);
    this.#entries.set(key, entry);
    this.#idle.set(key, entry);
  }

  /** Counts a use now and leaves the entry idle from now on; undefined when unknown. */
  touch(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    entry.lastUsed = this.#now();
    this.#idle.delete(key);
    this.#idle.set(key, entry);
    return entry.value;
  }

  /** Marks the entry busy: it cannot expire until the next `touch`. */
  hold(key: K): V | undefined {
    this.#idle.delete(key);
    return this.#entries.get(key)?.value;
  }

  /** Removes an entry without expiring it. */
  delete(key: K): V | undefined {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    this.#idle.delete(key);
    return entry?.value;
  }

  /** Expires idle entries whose time has come; runs on its own timer, callable for tests. */
  sweep(now = this.#now()): void {
    for (const [key, entry] of this.#idle) {
      if (now - entry.lastUsed < this.#idleTimeoutMs) break;
      this.#idle.delete(key);
      this.#entries.delete(key);
      this.#onExpire(key, entry.value, now);
    }
    this.#onSweep(now);
  }

  /** Stops the sweep and removes the idle entries, returning them; held entries stay until deleted. */
  close(): Array<[K, V]> {
    clearInterval(this.#sweeper);
    const idle = [...this.#idle].map(([key, entry]): [K, V] => [key, entry.value]);
    for (const [key] of idle) this.#entries.delete(key);
    this.#idle.clear();
    return idle;
  }
}
