// A bound on the connections (remote streams) one database has open at a time: taking a slot
// waits, first come first served, up to the acquire timeout and then fails with POOL_TIMEOUT.
import { GatewayError } from "@baton/protocol-types";

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export class ConnectionSlots {
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #name: string;
  #taken = 0;
  #waiters: Waiter[] = [];
  #closedWith: Error | undefined;

  constructor(options: { size: number; timeoutMs: number; name: string }) {
    this.#size = Math.max(1, options.size);
    this.#timeoutMs = options.timeoutMs;
    this.#name = options.name;
  }

  /** Slots in use or promised to a waiter. */
  get taken(): number {
    return this.#taken;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  /** Resolves once a slot is ours; the caller must `give()` it back exactly once. */
  take(): Promise<void> {
    if (this.#closedWith !== undefined) return Promise.reject(this.#closedWith);
    if (this.#taken < this.#size) {
      this.#taken++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        const message = `All ${this.#size} connections to database ${this.#name} are in use; waited ${this.#timeoutMs} ms`;
        reject(new GatewayError("POOL_TIMEOUT", message));
      }, this.#timeoutMs);
      const entry: Waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(entry);
    });
  }

  /** Returns a slot: the oldest waiter gets it, else it is free again. */
  give(): void {
    const next = this.#waiters.shift();
    if (next !== undefined) next.resolve();
    else this.#taken = Math.max(0, this.#taken - 1);
  }

  /** Fails every waiter and every later `take()` with `error`. */
  close(error: Error): void {
    this.#closedWith = error;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }
}
