// Baseline for SurrealDB RPC over HTTP: node:http on `POST /rpc` with a CBOR body, the tenant from
// `Surreal-NS` / `Surreal-DB`, the request run on better-sqlite3 by cbor-x decoding, and a CBOR
// reply `{result}` with status 200 (SurrealDB answers RPC results and errors alike with 200, and
// HTTP replies carry no id).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { messageOf, onRequestBody } from "./bare-http-body.js";
import { BareRecordTenants, decodeRequest, encodeReply, tenantOf } from "./bare-rpc-records.js";
import { BareTenants, parseBaselineArgs } from "./bare-sqlite.js";

const { host, port, dataDir } = parseBaselineArgs(process.argv.slice(2));
const records = new BareRecordTenants(new BareTenants(dataDir));

const header = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

function answer(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { "Content-Type": "application/cbor", "Content-Length": body.byteLength });
  res.end(body);
}

function onRequest(req: IncomingMessage, res: ServerResponse): void {
  onRequestBody(req, (bytes) => {
    try {
      const request = decodeRequest(bytes);
      const tenant = records.of(tenantOf(header(req.headers["surreal-ns"]), header(req.headers["surreal-db"])));
      answer(res, encodeReply({ id: undefined, result: tenant.run(request) }));
    } catch (error) {
      answer(res, encodeReply({ id: undefined, error: messageOf(error) }));
    }
  });
}

const server = createServer(onRequest);
server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  process.stderr.write(`bare RPC HTTP baseline listening at http://${host}:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
