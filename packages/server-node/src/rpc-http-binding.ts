// SurrealDB RPC over HTTP (`POST /rpc`), bound to node:http: pick the codec from Content-Type,
// build the request's default session from its headers, decode, call the service, encode.
// RPC answers and RPC errors are 200; refused credentials are 401 with a plain-text body
// (SurrealDB's behaviour, which its SDKs turn into a connection error).
import type { IncomingMessage, ServerResponse } from "node:http";
import { GatewayError } from "@baton/protocol-types";
import { RpcError } from "@baton/protocol-types/rpc";
import type { RpcService } from "@baton/surreal-rpc";
import { readBody } from "./body-reader.js";
import { sendBytes, sendText } from "./http-response.js";
import { formatOfMediaType, RPC_FORMATS, type RpcFormat } from "./rpc-formats.js";
import { rpcDefaultsFrom } from "./rpc-header-defaults.js";

/** The request's format; 415 for another Content-Type, or an Accept naming only the other format. */
function formatOf(req: IncomingMessage): RpcFormat {
  const format = formatOfMediaType(req.headers["content-type"] ?? "");
  if (format === undefined) {
    throw new GatewayError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Content-Type must be application/json or application/cbor, got ${JSON.stringify(req.headers["content-type"] ?? "")}`,
    );
  }
  const accepted = (req.headers.accept ?? "")
    .split(",")
    .map((item) => (item.split(";", 1)[0] as string).trim().toLowerCase())
    .filter((item) => item !== "");
  const ours = RPC_FORMATS[format].codec.contentType;
  const fine = accepted.length === 0 || accepted.some((item) => item === ours || item === "*/*" || item === "application/*");
  const namesOther = accepted.some((item) => formatOfMediaType(item) !== undefined);
  if (!fine && namesOther) {
    throw new GatewayError("UNSUPPORTED_MEDIA_TYPE", `Accept must match the request's Content-Type (${ours})`);
  }
  return format;
}

/** Handles one `POST /rpc`; throws (non-auth failures) for the caller to answer. */
export async function handleRpcHttp(
  service: RpcService,
  options: { req: IncomingMessage; res: ServerResponse; adapter: string | undefined; maxBodyBytes: number },
): Promise<void> {
  const { req, res } = options;
  const wire = RPC_FORMATS[formatOf(req)];
  const { codec } = wire;
  let defaults: Awaited<ReturnType<RpcService["authenticateDefaults"]>>;
  try {
    defaults = await service.authenticateDefaults(rpcDefaultsFrom(req.headers));
  } catch (error) {
    if (error instanceof GatewayError && error.status === 401) {
      req.resume();
      sendText(res, { status: 401, text: error.message });
      return;
    }
    throw error;
  }
  const body = await readBody(req, options.maxBodyBytes);
  let message: unknown;
  try {
    message = codec.decode(body);
  } catch {
    // An undecodable body is answered as SurrealDB answers an undecodable frame: -32700, no id.
    sendBytes(res, { status: 200, contentType: codec.contentType, body: wire.encodeFrame({ error: RpcError.parseError().toWire() }) });
    return;
  }
  const reply = await service.handleHttp({ adapter: options.adapter, message, defaults });
  sendBytes(res, { status: 200, contentType: codec.contentType, body: wire.encodeFrame(reply) });
}
