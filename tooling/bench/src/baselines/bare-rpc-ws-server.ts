// Baseline for SurrealDB RPC over WebSocket: a `ws` server on `/rpc` (subprotocol `cbor`, binary
// frames) that decodes each request with cbor-x, runs it on better-sqlite3 and answers
// `{id, result}`. `use [ns, db]` picks the connection's tenant database; nothing else is kept.
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { BareRecordTenants, decodeRequest, type BareRecords, encodeReply, tenantOf } from "./bare-rpc-records.js";
import { BareTenants, parseBaselineArgs } from "./bare-sqlite.js";
import { corkPerTick } from "./bare-ws-corking.js";

const { host, port, dataDir } = parseBaselineArgs(process.argv.slice(2));
const records = new BareRecordTenants(new BareTenants(dataDir));

const wss = new WebSocketServer({
  host,
  port,
  path: "/rpc",
  perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has("cbor") ? "cbor" : false),
});

wss.on("connection", (ws, req) => {
  const arriving = corkPerTick(req);
  let tenant: BareRecords | undefined;
  ws.on("message", (data: Buffer) => {
    arriving();
    const request = decodeRequest(data);
    try {
      if (request.method === "use") {
        const [ns, db] = (request.params ?? []) as [string, string];
        tenant = records.of(tenantOf(ns, db));
        ws.send(encodeReply({ id: request.id, result: { namespace: ns, database: db } }));
        return;
      }
      if (tenant === undefined) throw new Error("no namespace and database selected");
      ws.send(encodeReply({ id: request.id, result: tenant.run(request) }));
    } catch (error) {
      ws.send(encodeReply({ id: request.id, error: error instanceof Error ? error.message : String(error) }));
    }
  });
});

wss.on("listening", () => {
  const address = wss.address() as AddressInfo;
  process.stderr.write(`bare RPC WebSocket baseline listening at http://${host}:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
