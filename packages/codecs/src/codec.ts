// The interface every wire encoding implements. Codecs are dumb: bytes in, unknown out, and
// back. Validation belongs to protocol-types; a codec is chosen once per connection or request.

export interface Codec {
  /** Short name, e.g. "json". */
  readonly name: string;
  /** The HTTP media type of encoded bodies. */
  readonly contentType: string;
  /** True when frames are binary (a WebSocket binary frame), false for text. */
  readonly binary: boolean;
  encode(value: unknown): Uint8Array;
  /** Throws GatewayError PROTOCOL_ERROR when the bytes are not a valid encoding. */
  decode(bytes: Uint8Array | string): unknown;
}
