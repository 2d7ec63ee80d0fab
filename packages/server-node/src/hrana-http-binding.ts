// Hrana over HTTP, bound to node:http: decode the body, call the pipeline handler, encode.
import type { IncomingMessage, ServerResponse } from "node:http";
import { encodePipelineResponse, jsonCodec } from "@baton/codecs";
import type { DatabaseTarget } from "@baton/adapters-kysely";
import type { HranaService, HranaVersion } from "@baton/hrana";
import { readBody } from "./body-reader.js";

export type HranaHttpEndpoint = "pipeline" | "cursor";

export interface HranaHttpCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly endpoint: HranaHttpEndpoint;
  readonly version: HranaVersion;
  readonly target: DatabaseTarget;
}

/** Handles one POST to a pipeline or cursor endpoint; throws for the caller to answer errors. */
export async function handleHranaHttp(
  service: HranaService,
  options: { call: HranaHttpCall; maxBodyBytes: number },
): Promise<void> {
  const { req, res, endpoint, version, target } = options.call;
  const body = jsonCodec.decode(await readBody(req, options.maxBodyBytes));
  if (endpoint === "pipeline") {
    // Hrana's own encoder writes statement rows without per-cell objects (see @baton/codecs).
    const response = service.http.pipeline({ version, target, body });
    const payload = encodePipelineResponse(response instanceof Promise ? await response : response);
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
    res.end(payload);
    return;
  }
  const { head, entries } = await service.http.cursor({ version, target, body });
  // Newline-separated JSON: the cursor head, then one entry per line.
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.write(JSON.stringify(head) + "\n");
  for (const entry of entries) res.write(JSON.stringify(entry) + "\n");
  res.end();
}
