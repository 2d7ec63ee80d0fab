// CBOR on the wire with SurrealDB's value tags, built on cbor-x.
import { GatewayError } from "@baton/protocol-types";
import { Decoder, Encoder, Tag, addExtension } from "cbor-x";
import type { Codec } from "./codec.js";
import { cborNestsDeeper } from "./surreal-cbor-depth.js";
import { fromCborTree, toCborTree } from "./surreal-cbor-tags.js";
import { SURREAL_JSON_MAX_DEPTH } from "./surreal-json-codec.js";

// cbor-x reads tag 0 as a JS Date (dropping nanoseconds) and tag 51 as its own packed table; to
// SurrealDB they are an RFC 3339 datetime and an excluded range bound. Hand both back as raw
// `Tag`s for surreal-cbor-tags.ts. cbor-x keeps its tag registry per process, not per decoder;
// only this package depends on cbor-x. The `Extension` type insists on an encoding `Class`,
// which a decode-only override does not have (cbor-x itself checks `if (extension.Class)`).
for (const tag of [0, 51]) {
  addExtension({ tag, decode: (value: unknown) => new Tag(value, tag) } as unknown as Parameters<typeof addExtension>[0]);
}

const options = {
  useRecords: false,
  // Maps decode as JS Maps and become objects in fromCborTree: cbor-x's own map-to-object path
  // renames a `__proto__` key to `__proto_` and stringifies non-text keys.
  mapsAsObjects: false,
  // Bytes go out as a plain byte string, never as cbor-x's typed-array tag 64.
  tagUint8Array: false,
} as const;
const encoder = new Encoder(options);
const decoder = new Decoder(options);

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * SurrealDB's CBOR. Decodes to plain objects, arrays, numbers (bigint beyond ±(2^53-1)), strings,
 * booleans, null, Uint8Array, Set and the classes of surreal-values.ts. A float with a whole value
 * (CBOR `2.0`) decodes to the JS number 2, the same as the integer 2: JavaScript has one number
 * type, and SurrealDB's own SDK sends whole numbers as integers anyway.
 */
export const surrealCborCodec: Codec = {
  name: "cbor",
  contentType: "application/cbor",
  binary: true,
  encode(value) {
    return new Uint8Array(encoder.encode(toCborTree(value)));
  },
  decode(bytes) {
    if (typeof bytes === "string") {
      throw new GatewayError("PROTOCOL_ERROR", "Malformed SurrealDB CBOR: CBOR must arrive as binary, got text");
    }
    if (bytes.length === 0) throw new GatewayError("PROTOCOL_ERROR", "Malformed SurrealDB CBOR: empty body");
    // Checked before decoding: cbor-x and fromCborTree recurse, and so does code reading the value later.
    if (cborNestsDeeper(bytes, SURREAL_JSON_MAX_DEPTH)) {
      throw new GatewayError(
        "PROTOCOL_ERROR",
        `Malformed SurrealDB CBOR: expected nesting of at most ${SURREAL_JSON_MAX_DEPTH} levels (arrays, maps and tags)`,
      );
    }
    try {
      return fromCborTree(decoder.decode(bytes));
    } catch (error) {
      // fromCborTree throws GatewayError itself; anything else is cbor-x rejecting the bytes (or a
      // nesting too deep for the stack), which is still the peer's fault.
      if (error instanceof GatewayError) throw error;
      throw new GatewayError("PROTOCOL_ERROR", `Malformed SurrealDB CBOR: ${reason(error)}`, { cause: error });
    }
  },
};
