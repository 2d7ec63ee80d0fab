// Baseline for Hrana over WebSocket on Postgres: a `ws` server that parses each JSON frame, runs
// the statement of an `execute` on a `pg` Pool and answers with the rows and the request id.
// `hello` and the other requests are acknowledged without doing anything.
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { BarePg, parsePgBaselineArgs, type BarePgStmt } from "./bare-pg.js";
import { corkPerTick } from "./bare-ws-corking.js";

interface BareFrame {
  readonly type: string;
  readonly request_id?: number;
  readonly request?: { readonly type: string; readonly stmt?: BarePgStmt };
}

const { host, port, url, schema } = parsePgBaselineArgs(process.argv.slice(2));
const database = new BarePg({ url, schema });

const wss = new WebSocketServer({
  host,
  port,
  perMessageDeflate: false,
  handleProtocols: (protocols) => protocols.values().next().value ?? false,
});

async function respond(frame: BareFrame): Promise<string> {
  const stmt = frame.request?.stmt;
  try {
    const result = stmt === undefined ? {} : await database.run(stmt);
    return JSON.stringify({ type: "response_ok", request_id: frame.request_id, result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return JSON.stringify({ type: "response_error", request_id: frame.request_id, error: message });
  }
}

wss.on("connection", (ws, req) => {
  const arriving = corkPerTick(req);
  ws.on("message", (data: Buffer) => {
    arriving();
    // Deliberately unvalidated: the baseline measures the database work, not a protocol.
    const frame = JSON.parse(data.toString("utf8")) as BareFrame;
    if (frame.type === "hello") ws.send('{"type":"hello_ok"}');
    else void respond(frame).then((reply) => ws.send(reply));
  });
});

wss.on("listening", () => {
  const address = wss.address() as AddressInfo;
  process.stderr.write(`bare Postgres WebSocket baseline listening at http://${host}:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
