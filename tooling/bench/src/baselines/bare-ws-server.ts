// Baseline for Hrana over WebSocket: a `ws` server that parses each JSON frame, runs the
// statement of an `execute` on better-sqlite3 and answers with the rows and the request id.
// `hello` and the other requests are acknowledged without doing anything.
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { BareTenants, namespaceOf, parseBaselineArgs, type BareStmt } from "./bare-sqlite.js";
import { corkPerTick } from "./bare-ws-corking.js";

interface BareFrame {
  readonly type: string;
  readonly request_id?: number;
  readonly request?: { readonly type: string; readonly stmt?: BareStmt };
}

const { host, port, dataDir } = parseBaselineArgs(process.argv.slice(2));
const tenants = new BareTenants(dataDir);

const wss = new WebSocketServer({
  host,
  port,
  perMessageDeflate: false,
  // Accept whatever the client offers first, as Baton accepts hrana3.
  handleProtocols: (protocols) => protocols.values().next().value ?? false,
});

wss.on("connection", (ws, req) => {
  const arriving = corkPerTick(req);
  const connection = tenants.get(namespaceOf(req.headers["x-database-namespace"])).shared;
  ws.on("message", (data: Buffer) => {
    arriving();
    // Deliberately unvalidated: the baseline measures the database work, not a protocol.
    const frame = JSON.parse(data.toString("utf8")) as BareFrame;
    if (frame.type === "hello") {
      ws.send('{"type":"hello_ok"}');
      return;
    }
    const stmt = frame.request?.stmt;
    try {
      const result = stmt === undefined ? {} : connection.run(stmt);
      ws.send(JSON.stringify({ type: "response_ok", request_id: frame.request_id, result }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ws.send(JSON.stringify({ type: "response_error", request_id: frame.request_id, error: message }));
    }
  });
});

wss.on("listening", () => {
  const address = wss.address() as AddressInfo;
  process.stderr.write(`bare WebSocket baseline listening at http://${host}:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
