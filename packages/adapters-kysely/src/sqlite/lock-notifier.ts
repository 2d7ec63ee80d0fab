// Wakes the connections of one database file that wait for its write lock, whenever another
// connection of this process may have released it.

interface Waiter {
  readonly ticket: number;
  readonly wake: () => void;
}

/** One per database file. Waiters are woken in the order they first started waiting. */
export class LockNotifier {
  #waiters: Waiter[] = [];
  #nextTicket = 0;

  /** A place in line; a waiter keeps its ticket across retries so it does not lose its turn. */
  ticket(): number {
    return this.#nextTicket++;
  }

  /** Number of connections currently waiting. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** Resolves at the next `notify()`, after `timeoutMs`, or when `signal` aborts, whichever is first. */
  wait(options: { ticket: number; timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    const { ticket, timeoutMs, signal } = options;
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", wake);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        resolve();
      };
      const entry: Waiter = { ticket, wake };
      const timer = setTimeout(wake, timeoutMs);
      if (signal?.aborted) return wake();
      signal?.addEventListener("abort", wake, { once: true });
      const at = this.#waiters.findIndex((waiter) => waiter.ticket > ticket);
      this.#waiters.splice(at < 0 ? this.#waiters.length : at, 0, entry);
    });
  }

  /**
   * Wakes every waiter, oldest ticket first. Each retries synchronously when its turn in the
   * microtask queue comes, so the oldest waiter gets the lock and the others queue again.
   */
  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.wake();
  }
}
