// The load process: started by the harness with an IPC channel, it runs one operation at a
// time and answers with its result. It runs apart from every server, so generating load
// never steals the measured server's event loop.
import { fetchLarge, holdSockets, postMany, releaseSockets } from "./idle-load.js";
import { isDriverCall, type DriverCall, type DriverReply } from "./driver-protocol.js";
import { runHttpLoad } from "./http-load.js";
import { probeHttp, probeWs } from "./load-probe.js";
import { runWsLoad } from "./ws-load.js";

async function perform(call: DriverCall): Promise<unknown> {
  switch (call.op) {
    case "run":
      return call.args.load.kind === "http" ? runHttpLoad(call.args, call.args.load) : runWsLoad(call.args, call.args.load);
    case "probe":
      return call.args.load.kind === "http"
        ? probeHttp(call.args.target, call.args.load)
        : probeWs(call.args.target, call.args.load);
    case "holdSockets":
      return holdSockets(call.args);
    case "releaseSockets":
      await releaseSockets();
      return null;
    case "postMany":
      return postMany(call.args);
    case "fetchLarge":
      return fetchLarge(call.args);
  }
}

function reply(message: DriverReply): void {
  process.send?.(message);
}

process.on("message", (message: unknown) => {
  if (!isDriverCall(message)) return;
  perform(message).then(
    (result) => reply({ id: message.id, ok: true, result }),
    (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// The harness went away: nothing is left to do.
process.on("disconnect", () => process.exit(0));
