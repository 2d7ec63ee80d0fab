// Retrying a statement that met a locked database, without blocking the event loop.
//
// Why: better-sqlite3 is synchronous. A busy wait inside SQLite (busy_timeout) would block the
// whole process, so the connection holding the write lock — another stream of this process —
// could never commit: a deadlock. Connections therefore use busy_timeout 0, and we wait here.
import { GatewayError } from "@baton/protocol-types";
import type { LockNotifier } from "./lock-notifier.js";
import { isRetryableBusy } from "./sqlite-errors.js";

// Backoff between retries when no notification comes (a writer in another process).
const BACKOFF_MS = [2, 5, 10, 20, 50];

export interface BusyRetryOptions {
  readonly notifier: LockNotifier;
  /** Total time to keep retrying before the last SQLITE_BUSY is thrown. */
  readonly timeoutMs: number;
  /**
   * Aborting stops the wait; the retry then fails with SQLITE_INTERRUPT. Read only when a
   * wait begins, so the signal can be made lazily (most statements never wait).
   */
  readonly abort?: { readonly signal: AbortSignal };
}

/**
 * Runs `attempt` until it does not fail with a retryable SQLITE_BUSY or `timeoutMs` passes.
 * Safe because a statement that failed with SQLITE_BUSY had no effect: in autocommit it was
 * rolled back, inside a transaction only the statement was.
 */
export async function retryWhileBusy<T>(attempt: () => T, options: BusyRetryOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let ticket: number | undefined;
  for (let round = 0; ; round++) {
    try {
      return attempt();
    } catch (error) {
      const remaining = deadline - Date.now();
      if (!isRetryableBusy(error) || remaining <= 0) throw error;
      ticket ??= options.notifier.ticket();
      const backoff = BACKOFF_MS[Math.min(round, BACKOFF_MS.length - 1)] ?? 50;
      const signal = options.abort?.signal;
      await options.notifier.wait({ ticket, timeoutMs: Math.min(backoff, remaining), signal });
      if (signal?.aborted === true) {
        throw new GatewayError("SQLITE_INTERRUPT", "Statement interrupted while waiting for a database lock", {
          cause: error,
        });
      }
    }
  }
}
