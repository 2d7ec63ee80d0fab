// Wire encodings shared by Baton's server and clients.
export type { Codec } from "./codec.js";
export { jsonCodec } from "./json-codec.js";
export { valueFromWire, valueToWire } from "./hrana-json-values.js";
