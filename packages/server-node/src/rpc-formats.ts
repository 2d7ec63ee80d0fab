// SurrealDB RPC's two encodings on the server: the WebSocket subprotocol or HTTP media type
// chooses one per connection or request (the same codecs @baton/client-sdk uses), and with it
// how a reply frame is encoded.
import { NONE, surrealCborCodec, surrealJsonCodec, type Codec } from "@baton/codecs";

export type RpcFormat = "cbor" | "json";

export interface RpcWireFormat {
  readonly codec: Codec;
  /** Encodes a reply or notification frame. */
  encodeFrame(frame: object): Uint8Array;
}

export const RPC_FORMATS: Readonly<Record<RpcFormat, RpcWireFormat>> = {
  cbor: { codec: surrealCborCodec, encodeFrame: (frame) => surrealCborCodec.encode(frame) },
  json: {
    codec: surrealJsonCodec,
    // SurrealDB's JSON sends a NONE result as `"result": null`; the codec leaves NONE fields out of
    // objects, which would leave a reply with neither `result` nor `error`.
    encodeFrame: (frame) =>
      surrealJsonCodec.encode("result" in frame && frame.result === NONE ? { ...frame, result: null } : frame),
  },
};

/** The format whose media type is `mediaType` (parameters and case ignored), or undefined. */
export function formatOfMediaType(mediaType: string): RpcFormat | undefined {
  const essence = (mediaType.split(";", 1)[0] as string).trim().toLowerCase();
  for (const [format, wire] of Object.entries(RPC_FORMATS) as [RpcFormat, RpcWireFormat][]) {
    if (wire.codec.contentType === essence) return format;
  }
  return undefined;
}
