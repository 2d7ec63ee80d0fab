// Each tenant's known tables, cached (docs/record-model.md, "Consistency when SQL clients alter
// tables"): entries expire after 5 s to catch DDL run around Baton, and any DDL Baton runs, or
// a rollback that may undo it, bumps the tenant's epoch, voiding every entry.
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
  /** Whether `_baton_meta` is known to exist. */
  metaExists: boolean | undefined;
  /** SQLite's `PRAGMA schema_version` when the cache was last checked against it. */
  schemaVersion: bigint | undefined;
  /** The server's `VERSION()`, once asked. */
  serverVersion: string | undefined;
  /** MySQL/MariaDB: the session's default `sql_mode`, once asked (the pool's sessions share it). */
  sqlMode: string | undefined;

  /** The cached schema: a TableSchema, undefined (known missing), or "unknown". */
  get(name: string, now = Date.now()): TableSchema | undefined | "unknown" {
    const entry = this.#tables.get(name);
    if (entry === undefined || entry.epoch !== this.#epoch || now - entry.loadedAt >= EXPIRY_MS) return "unknown";
    return entry.schema;
  }

  set(name: string, schema: TableSchema | undefined, now = Date.now()): void {
    this.#tables.set(name, { schema, epoch: this.#epoch, loadedAt: now });
  }

  forget(name: string): void {
    this.#tables.delete(name);
  }

  /** Voids every entry. */
  bump(): void {
    this.#epoch++;
    this.#tables.clear();
    this.metaExists = undefined;
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
