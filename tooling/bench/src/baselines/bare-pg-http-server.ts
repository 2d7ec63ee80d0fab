// Baseline for Hrana over HTTP on Postgres: node:http, JSON.parse of the same pipeline body
// Baton gets, each statement on a `pg` Pool, and a plain JSON answer. One-shot pipelines only
// (no batons): the Postgres scenarios send `execute` + `close`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerJson, messageOf, onRequestBody } from "./bare-http-body.js";
import { BarePg, parsePgBaselineArgs, type BarePgStmt } from "./bare-pg.js";

interface BarePipeline {
  readonly requests: readonly { readonly type: string; readonly stmt?: BarePgStmt }[];
}

const { host, port, url, schema } = parsePgBaselineArgs(process.argv.slice(2));
const database = new BarePg({ url, schema });

async function pipeline(body: BarePipeline): Promise<{ baton: null; results: unknown[] }> {
  const results: unknown[] = [];
  for (const request of body.requests) {
    try {
      results.push(request.stmt === undefined ? {} : await database.run(request.stmt));
    } catch (error) {
      results.push({ error: messageOf(error) });
    }
  }
  return { baton: null, results };
}

function onRequest(req: IncomingMessage, res: ServerResponse): void {
  onRequestBody(req, (bytes) => {
    // Deliberately unvalidated: the baseline measures the database work, not a protocol.
    Promise.resolve()
      .then(() => pipeline(JSON.parse(bytes.toString("utf8")) as BarePipeline))
      .then(
        (body) => answerJson(res, { status: 200, body }),
        (error: unknown) => answerJson(res, { status: 400, body: { error: messageOf(error) } }),
      );
  });
}

const server = createServer(onRequest);
server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  process.stderr.write(`bare Postgres HTTP baseline listening at http://${host}:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
