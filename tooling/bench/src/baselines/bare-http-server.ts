// Baseline for Hrana over HTTP: node:http, JSON.parse of the same pipeline body Baton gets, the
// same statements on better-sqlite3, and a plain JSON answer. No validation, no protocol
// objects, no batons: an interactive transaction keeps its connection under a counter token.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerJson, messageOf, onRequestBody } from "./bare-http-body.js";
import { BareTenants, namespaceOf, parseBaselineArgs, type BareConnection, type BareStmt } from "./bare-sqlite.js";

interface BareRequest {
  readonly type: string;
  readonly stmt?: BareStmt;
  readonly batch?: { readonly steps: readonly { readonly stmt: BareStmt }[] };
}

interface BarePipeline {
  readonly baton: string | null;
  readonly requests: readonly BareRequest[];
}

interface Session {
  readonly token: string;
  readonly connection: BareConnection;
}

const { host, port, dataDir } = parseBaselineArgs(process.argv.slice(2));
const tenants = new BareTenants(dataDir);
const sessions = new Map<string, Session>();
let lastToken = 0;

function runRequest(connection: BareConnection, request: BareRequest): unknown {
  if (request.stmt !== undefined) return connection.run(request.stmt);
  if (request.batch !== undefined) return request.batch.steps.map((step) => connection.run(step.stmt));
  return {};
}

function pipeline(namespace: string, body: BarePipeline): { baton: string | null; results: unknown[] } {
  const tenant = tenants.get(namespace);
  const closes = body.requests[body.requests.length - 1]?.type === "close";
  let session = body.baton === null ? undefined : sessions.get(body.baton);
  if (body.baton !== null && session === undefined) throw new Error(`unknown token ${body.baton}`);
  if (session === undefined && !closes) {
    session = { token: String(++lastToken), connection: tenant.checkOut() };
    sessions.set(session.token, session);
  }
  const connection = session?.connection ?? tenant.shared;
  const results = body.requests.map((request) => {
    try {
      return runRequest(connection, request);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  if (closes && session !== undefined) {
    sessions.delete(session.token);
    tenant.checkIn(session.connection);
  }
  return { baton: closes || session === undefined ? null : session.token, results };
}

function onRequest(req: IncomingMessage, res: ServerResponse): void {
  onRequestBody(req, (bytes) => {
    try {
      // Deliberately unvalidated: the baseline measures the database work, not a protocol.
      const body = JSON.parse(bytes.toString("utf8")) as BarePipeline;
      answerJson(res, { status: 200, body: pipeline(namespaceOf(req.headers["x-database-namespace"]), body) });
    } catch (error) {
      answerJson(res, { status: 400, body: { error: messageOf(error) } });
    }
  });
}

const server = createServer(onRequest);
server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  process.stderr.write(`bare HTTP baseline listening at http://${host}:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
