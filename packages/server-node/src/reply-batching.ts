// Replies to the frames of one socket read leave in one write. A client with many requests in
// flight sends them in few TCP segments; `ws` hands us every frame of a read synchronously and
// each send would otherwise be a write system call of its own (on loopback, each also wakes the
// client). Corking the socket for the rest of the tick turns them into one writev.
import type { Duplex } from "node:stream";

/** Returns the function to call as each frame arrives; the socket is uncorked after the tick. */
export function repliesBatchedPerTick(transport: Duplex): () => void {
  let corked = false;
  const uncork = (): void => {
    corked = false;
    transport.uncork();
  };
  return () => {
    if (corked) return;
    corked = true;
    transport.cork();
    process.nextTick(uncork);
  };
}
