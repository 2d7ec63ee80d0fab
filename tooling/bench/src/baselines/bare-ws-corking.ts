// The bare WebSocket baselines batch their replies the way Baton does: the socket is corked at
// the first frame of a tick and uncorked after it, so the answers to the frames of one read
// leave in one write. Without this the baselines would pay a system call per reply that Baton
// does not, and the ratio would measure that rather than the protocol's cost.
import type { IncomingMessage } from "node:http";

export function corkPerTick(req: IncomingMessage): () => void {
  const socket = req.socket;
  let corked = false;
  return () => {
    if (corked) return;
    corked = true;
    socket.cork();
    process.nextTick(() => {
      corked = false;
      socket.uncork();
    });
  };
}
