// Runs tasks strictly one after another, in the order they were queued (one per stream).

export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Queues `task`; it starts once every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(task).finally(() => {
      this.#pending--;
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Settles once everything queued so far has settled. */
  async drain(): Promise<void> {
    await this.#tail;
  }
}
