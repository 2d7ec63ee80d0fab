// Request ids for one client: each call gets an id no other pending call of the client holds,
// and a freed id is reused (lowest first) so ids stay small on long-lived connections.

export class IdAllocator {
  readonly #used = new Set<number>();
  readonly #free: number[] = [];
  #next = 1;

  /** An id not held by any pending call. */
  alloc(): number {
    const reused = this.#free.pop();
    const id = reused ?? this.#next++;
    this.#used.add(id);
    return id;
  }

  /** Returns an id once its call has settled; unknown ids are ignored. */
  free(id: number): void {
    if (!this.#used.delete(id)) return;
    this.#free.push(id);
    // Keep the lowest free id at the end, so it is the next to be reused.
    this.#free.sort((a, b) => b - a);
  }

  /** How many ids are held. */
  get size(): number {
    return this.#used.size;
  }
}
