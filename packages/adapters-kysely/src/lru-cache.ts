// A small least-recently-used map: statement caches and the cache of open tenant databases.

/** A Map that remembers use order; `set` beyond capacity evicts the least recently used entry. */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;
  readonly #onEvict: ((value: V, key: K) => void) | undefined;

  constructor(options: { capacity: number; onEvict?: (value: V, key: K) => void }) {
    this.#capacity = Math.max(0, options.capacity);
    this.#onEvict = options.onEvict;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, marking it most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    if (this.#capacity === 0) return;
    this.#entries.set(key, value);
    for (const [oldKey, oldValue] of this.#entries) {
      if (this.#entries.size <= this.#capacity) break;
      this.#entries.delete(oldKey);
      this.#onEvict?.(oldValue, oldKey);
    }
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Entries from least to most recently used. */
  entries(): IterableIterator<[K, V]> {
    return this.#entries.entries();
  }

  clear(): void {
    this.#entries.clear();
  }
}
