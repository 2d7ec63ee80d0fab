// The tenant databases an adapter has opened: a bounded LRU, and at most one open under way
// per namespace (concurrent first requests for a tenant share it).
import { LruCache } from "./lru-cache.js";

export class TenantCache<D> {
  readonly #databases: LruCache<string, D>;
  readonly #opening = new Map<string, Promise<D>>();
  readonly #open: (namespace: string) => Promise<D>;

  constructor(options: { capacity: number; open: (namespace: string) => Promise<D> }) {
    this.#databases = new LruCache({ capacity: options.capacity });
    this.#open = options.open;
  }

  /** The namespace's database, opening it (once) if it is not cached. */
  get(namespace: string): Promise<D> {
    const known = this.#databases.get(namespace);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.#opening.get(namespace);
    if (pending === undefined) {
      pending = this.#open(namespace)
        .then((database) => {
          this.#databases.set(namespace, database);
          return database;
        })
        .finally(() => this.#opening.delete(namespace));
      this.#opening.set(namespace, pending);
    }
    return pending;
  }

  /** The namespace's database if it is open and cached. */
  peek(namespace: string): D | undefined {
    return this.#databases.get(namespace);
  }

  /** Forgets every cached database and returns them, for closing. */
  drain(): D[] {
    const all = [...this.#databases.entries()].map(([, database]) => database);
    this.#databases.clear();
    return all;
  }
}
