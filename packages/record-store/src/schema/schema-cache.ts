// Each tenant's known tables, cached (docs/record-model.md, "Consistency when SQL clients alter
// tables"): entries expire after 5 s to catch DDL run around Baton, and any DDL Baton runs, the
// commit that publishes it, or a rollback that may undo it, bumps the tenant's epoch, voiding
// every entry. A load keeps its result only if the epoch did not move meanwhile.
import { DefinitionCache } from "./definition-cache.js";
import type { TableSchema } from "./table-schema.js";

const EXPIRY_MS = 5000;

interface Entry {
  readonly schema: TableSchema | undefined;
  readonly epoch: number;
  readonly loadedAt: number;
}

/** One tenant's schema cache. */
export class SchemaCache {
  #epoch = 0;
  readonly #tables = new Map<string, Entry>();
  /** The tenant's definitions (`_baton_catalog`). */
  readonly definitions = new DefinitionCache();
  #metaExists: boolean | undefined;
  /** SQLite's `PRAGMA schema_version` when the cache was last checked against it. */
  schemaVersion: bigint | undefined;
  /** The server's `VERSION()`, once asked. */
  serverVersion: string | undefined;
  /** MySQL/MariaDB: the session's default `sql_mode`, once asked (the pool's sessions share it). */
  sqlMode: string | undefined;
  /** MySQL/MariaDB: the keys whose `_baton_locks` row exists (`RecordStore.lockKey`). */
  readonly lockKeys = new Set<string>();

  /** Advances with every change: what was read under an older epoch may be out of date. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Whether `_baton_meta` is known to exist (undefined: not known). */
  get metaExists(): boolean | undefined {
    return this.#metaExists;
  }

  /** Keeps whether `_baton_meta` exists, as read at `epoch`, unless the epoch has moved since. */
  keepMetaExists(exists: boolean, epoch: number): void {
    if (epoch === this.#epoch) this.#metaExists = exists;
  }

  /** The cached schema: a TableSchema, undefined (known missing), or "unknown". */
  get(name: string, now = Date.now()): TableSchema | undefined | "unknown" {
    const entry = this.#tables.get(name);
    if (entry === undefined || entry.epoch !== this.#epoch || now - entry.loadedAt >= EXPIRY_MS) return "unknown";
    return entry.schema;
  }

  /** Keeps the schema of `name` (undefined: it has none), as read at `epoch`, unless the epoch has moved since. */
  set(name: string, loaded: { schema: TableSchema | undefined; epoch: number }, now = Date.now()): void {
    if (loaded.epoch === this.#epoch) this.#tables.set(name, { schema: loaded.schema, epoch: loaded.epoch, loadedAt: now });
  }

  /** Voids every table entry (definitions have their own epoch). */
  bump(): void {
    this.#epoch++;
    this.#tables.clear();
    this.#metaExists = undefined;
  }
}

/** Schema caches per tenant database, released with it. */
export class SchemaCaches {
  readonly #caches = new WeakMap<object, SchemaCache>();

  for(database: object): SchemaCache {
    let cache = this.#caches.get(database);
    if (cache === undefined) {
      cache = new SchemaCache();
      this.#caches.set(database, cache);
    }
    return cache;
  }
}
