// Pre-encoded SurrealDB RPC requests (CBOR, as SurrealDB's SDKs send them) for the load, and the
// byte markers the load uses to read CBOR replies without decoding them.
import { surrealCborCodec } from "@baton/codecs";

/** One RPC request, CBOR-encoded, as base64 (load specs are plain data). */
export function rpcFrame(options: { id?: string; method: string; params: readonly unknown[] }): string {
  const request = options.id === undefined ? { method: options.method, params: options.params } : options;
  return Buffer.from(surrealCborCodec.encode(request)).toString("base64");
}

/** The CBOR text string `text` as the bytes' Latin-1 reading: its head byte, then the ASCII itself. */
function cborTextMarker(text: string): string {
  return Buffer.from(surrealCborCodec.encode(text)).toString("latin1");
}

/**
 * What every RPC error reply contains: the map key "error" (CBOR head 0x65 then `error`, which
 * reads as the ASCII `eerror`). It survives reading a binary body as UTF-8 text, as the HTTP
 * load does; successful replies carry "result" instead, and the scenarios' data never says "error".
 */
export const RPC_FAILED = cborTextMarker("error");

/**
 * The bytes right before the digits of a request id sent as a decimal string of `digits`
 * characters: the key "id", then the text head of the id. Requests echo the id verbatim
 * (SurrealDB RPC, request envelope), so the load finds a reply's slot from these bytes.
 */
export function rpcIdMarker(digits: number): string {
  const head = Buffer.from(surrealCborCodec.encode("0".repeat(digits))).subarray(0, 1);
  return cborTextMarker("id") + head.toString("latin1");
}

/**
 * What a `query` reply with a failed statement contains: the text "ERR", a statement entry's status
 * (reference section 4.1). Such a call still succeeds, so `RPC_FAILED` alone would miss it.
 */
export const QUERY_STATEMENT_FAILED = cborTextMarker("ERR");

/** A `query` reply fails as a whole call (`error`) or in its statement (status `ERR`). */
export const QUERY_FAILED: readonly string[] = [RPC_FAILED, QUERY_STATEMENT_FAILED];
