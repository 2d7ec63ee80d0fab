// A counter per database file that moves whenever a connection of this process may have
// changed the file's schema (DDL, ATTACH/DETACH, PRAGMA, or leaving a transaction that did).
// Cached result columns are valid only for the epoch they were read in.

/** One per database file, shared by its connections. */
export class SchemaEpoch {
  #value = 0;

  get value(): number {
    return this.#value;
  }

  advance(): void {
    this.#value++;
  }
}
