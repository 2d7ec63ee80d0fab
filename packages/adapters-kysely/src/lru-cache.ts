// A small least-recently-used map: statement caches and the cache of open tenant databases.
//
// A hit is on the hot path of every statement, so it only stamps the entry with a use counter;
// reordering a Map on every hit (delete + set) cost more than the lookup. The least recently
// used entry is found by a scan when an insertion goes beyond capacity, which only happens on
// a miss, whose work (preparing a statement, opening a database) costs far more than the scan.

interface Entry<V> {
  readonly value: V;
  lastUse: number;
}

/** A Map that remembers use order; `set` beyond capacity evicts the least recently used entry. */
export class LruCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  readonly #capacity: number;
  readonly #onEvict: ((value: V, key: K) => void) | undefined;
  #uses = 0;

  constructor(options: { capacity: number; onEvict?: (value: V, key: K) => void }) {
    this.#capacity = Math.max(0, options.capacity);
    this.#onEvict = options.onEvict;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, marking it most recently used. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    entry.lastUse = ++this.#uses;
    return entry.value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    if (this.#capacity === 0) return;
    this.#entries.set(key, { value, lastUse: ++this.#uses });
    while (this.#entries.size > this.#capacity) this.#evictOldest();
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Entries from least to most recently used. */
  entries(): IterableIterator<[K, V]> {
    const ordered = [...this.#entries].sort(([, a], [, b]) => a.lastUse - b.lastUse);
    return ordered.map(([key, entry]): [K, V] => [key, entry.value])[Symbol.iterator]();
  }

  clear(): void {
    this.#entries.clear();
  }

  #evictOldest(): void {
    let oldestKey: K | undefined;
    let oldest: Entry<V> | undefined;
    for (const [key, entry] of this.#entries) {
      if (oldest === undefined || entry.lastUse < oldest.lastUse) {
        oldestKey = key;
        oldest = entry;
      }
    }
    if (oldest === undefined) return;
    this.#entries.delete(oldestKey as K);
    this.#onEvict?.(oldest.value, oldestKey as K);
  }
}
