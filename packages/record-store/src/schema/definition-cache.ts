// One tenant's definitions, cached for the stores of one process: the executor reads them before
// every write. Any change a store makes, and the commit or rollback of a transaction that made
// one, advances the epoch; a load started under an older epoch is not kept; entries expire after
// 5 s to catch changes made by other processes (docs/record-model.md, "Definitions").
import type { Definition } from "../record-store.js";

const EXPIRY_MS = 5000;

interface Entry {
  readonly definitions: readonly Definition[];
  readonly epoch: number;
  readonly loadedAt: number;
}

export class DefinitionCache {
  #epoch = 0;
  #entry: Entry | undefined;

  /** Advances with every change: a load keeps its result only if the epoch did not move meanwhile. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Every definition of the tenant, or undefined when they must be read. */
  get(now = Date.now()): readonly Definition[] | undefined {
    const entry = this.#entry;
    if (entry === undefined || entry.epoch !== this.#epoch || now - entry.loadedAt >= EXPIRY_MS) return undefined;
    return entry.definitions;
  }

  /** Keeps `definitions`, read as they stood at `epoch`, unless the epoch has moved since. */
  set(definitions: readonly Definition[], epoch: number, now = Date.now()): void {
    if (epoch === this.#epoch) this.#entry = { definitions, epoch, loadedAt: now };
  }

  /** Voids the entry. */
  bump(): void {
    this.#epoch++;
    this.#entry = undefined;
  }
}
