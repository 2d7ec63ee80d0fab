// The two encodings a client may speak, each bound to the codec the server uses for it.
import { surrealCborCodec, surrealJsonCodec, type Codec } from "@baton/codecs";

export type RpcFormat = "cbor" | "json";

const CODECS: Readonly<Record<RpcFormat, Codec>> = {
  cbor: surrealCborCodec,
  json: surrealJsonCodec,
};

/** The codec of a format: the WebSocket subprotocol and the HTTP media type both come from it. */
export function codecFor(format: RpcFormat): Codec {
  return CODECS[format];
}
